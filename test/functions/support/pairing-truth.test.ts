import { randomBytes } from 'node:crypto';
import { openEmptyHarness, type EmptyHarness } from '../../support/harness';
import { seedCasework, type Casework } from '../../support/build/casework';
import { publishWarning } from '../../support/support-factories';

const ACCOUNT = '6217 0000 1234 5678 901';

/** Issue 11 defect 8: no warned helper; several helpees as on the paper form; the helper sees their pairing. */
describe('peer pairing that tells the truth', () => {
  let h: EmptyHarness;
  let people: Casework;
  const saved = process.env.FIELD_KEY;
  beforeAll(async () => {
    process.env.FIELD_KEY = randomBytes(32).toString('hex');
    h = await openEmptyHarness();
    people = await seedCasework(h.store);
  });
  afterAll(async () => {
    process.env.FIELD_KEY = saved;
    await h.close();
  });

  /** 生工251班's five students (casework.ts). */
  const classStudents = () => people.classStudents;
  const form = (helperId: string, helpeeIds: string[]) => ({
    helperId,
    helpeeIds,
    difficulty: 'ability' as const,
    reason: '高数基础薄弱',
    plan: '每周两次晚自习辅导',
    bankAccount: ACCOUNT,
  });

  it('a student under a warning is refused as helper, said in Chinese', async () => {
    const [, , warned, helpee] = classStudents();
    if (!warned || !helpee) throw new Error('class too small');
    await publishWarning(h.store, warned);
    const refused = await h.callAs(people.headTeacherUser, 'support', 'applyPairing', form(warned._id, [helpee._id]));
    expect(refused).toMatchObject({ ok: false, code: 'PAIRING.HELPER_WARNED', field: 'helperId' });
    if (!refused.ok) expect(refused.message).toMatch(/警示/);
  });

  it('two helpees on one form; the helper sees their own pairing (who, status, plan — no bank detail)', async () => {
    const [a, b, , , helper] = classStudents();
    if (!a || !b || !helper) throw new Error('class too small');
    const applied = await h.ok(people.headTeacherUser, 'support', 'applyPairing', form(helper._id, [a._id, b._id]));
    expect(applied.helpeeNames).toEqual([a.name, b.name]);
    const helperCase = await h.ok(`s-${helper._id}`, 'support', 'caseView', { studentId: helper._id });
    const entry = helperCase.timeline.find((e) => e.kind === 'pairing' && e.refId === applied._id);
    expect(entry?.title).toContain(a.name);
    expect(entry?.title).toContain(b.name);
    expect(JSON.stringify(helperCase)).not.toContain('8901');
  });
});
