import { randomBytes } from 'node:crypto';
import { openEmptyHarness, type EmptyHarness } from '../../support/harness';
import { seedTwoClasses, type TwoClasses } from '../../support/build/two-classes';
import { CASEWORK_BUILT_AT } from '../../support/build/casework';

const ACCOUNT = '6217 0000 1234 5678 901';

describe('support: peer pairing', () => {
  let h: EmptyHarness;
  let people: TwoClasses;
  /** 学工部 (school level): the pairing's last approver. */
  const affairs = 't-affairs';
  const saved = process.env.FIELD_KEY;
  beforeAll(async () => {
    process.env.FIELD_KEY = randomBytes(32).toString('hex');
    h = await openEmptyHarness();
    // 钱二妹 helps 孙一鸣 in 生工251班; 李四海 of 食品241班 is outside the head teacher's class.
    people = await seedTwoClasses(h.store, CASEWORK_BUILT_AT, (b) => {
      b.studentAffairs(affairs, '何学工');
    });
  });
  afterAll(async () => {
    process.env.FIELD_KEY = saved;
    await h.close();
  });

  const apply = (user: string) =>
    h.callAs(user, 'support', 'applyPairing', {
      helperId: people.classmate._id,
      helpeeIds: [people.student._id],
      difficulty: 'ability',
      reason: '高数基础薄弱',
      plan: '每周二、四晚自习一对一辅导高数',
      bankAccount: ACCOUNT,
    });

  it('stores the bank account encrypted and shows it masked to everyone but the school approver', async () => {
    const applied = await apply(people.headTeacherUser);
    if (!applied.ok) throw new Error(applied.message);
    expect(applied.data).toMatchObject({
      status: 'applied',
      bankAccount: '**** 8901',
      bankAccountMasked: true,
      helperName: people.classmate.name,
    });
    const raw = await h.store.get('pairings', applied.data._id);
    expect(JSON.stringify(raw)).not.toContain('62170000123456');
    const id = applied.data._id;
    for (const user of [people.headTeacherUser, people.counselorUser, people.assistantUser, people.leaderUser]) {
      const seen = await h.ok(user, 'support', 'pairing', { pairingId: id });
      expect(seen.bankAccount).toBe('**** 8901');
    }
    // Not yet at the school stage: the school approver sees it masked too.
    expect((await h.ok(affairs, 'support', 'pairing', { pairingId: id })).bankAccount).toBe('**** 8901');
    expect((await h.ok(affairs, 'support', 'pairings', {})).find((p) => p._id === id)?.bankAccountMasked).toBe(true);
  });

  it('students and parents see a pairing as names, status and plan: no bank details, no difficulty or reasons', async () => {
    const applied = await apply(people.headTeacherUser);
    if (!applied.ok) throw new Error(applied.message);
    const cases = [
      ['helpee', people.studentUser, people.student._id],
      ['helper', people.classmateUser, people.classmate._id],
      ['parent', people.parentUser, people.student._id],
    ] as const;
    for (const [who, user, studentId] of cases) {
      const view = await h.ok(user, 'support', 'caseView', { studentId });
      const text = JSON.stringify(view);
      expect([who, view.pairings]).toEqual([who, []]);
      for (const secret of ['8901', '中国银行', 'bankAccount', '高数基础薄弱', '能力型困难'])
        expect([who, text.includes(secret)]).toEqual([who, false]);
      const entry = view.timeline.find((e) => e.refId === applied.data._id);
      if (who === 'parent') expect(entry).toBeUndefined();
      else
        expect(entry).toMatchObject({
          kind: 'pairing',
          title: `朋辈帮扶：${people.classmate.name} 帮扶 ${people.student.name}`,
          detail: '待班级评议 · 帮扶计划：每周二、四晚自习一对一辅导高数',
        });
    }
    // Staff still read the whole form.
    const staff = await h.ok(people.counselorUser, 'support', 'caseView', { studentId: people.student._id });
    expect(staff.pairings.find((p) => p._id === applied.data._id)).toMatchObject({
      reason: '高数基础薄弱',
      difficulty: 'ability',
      bankAccount: '**** 8901',
    });
  });

  it('enforces class → college → school, each stage by its approver, with opinion and time', async () => {
    const applied = await apply(people.counselorUser);
    if (!applied.ok) throw new Error(applied.message);
    const pairingId = applied.data._id;
    const say = { pairingId, decision: 'approve' as const, opinion: '同意' };
    expect(await h.callAs(people.leaderUser, 'support', 'approvePairingCollege', say)).toMatchObject({
      ok: false,
      code: 'PAIRING.OUT_OF_ORDER',
    });
    expect(await h.callAs(affairs, 'support', 'approvePairingSchool', say)).toMatchObject({
      ok: false,
      code: 'PAIRING.OUT_OF_ORDER',
    });
    // Wrong people for a stage: a counselor is not the class approver, another class's head teacher neither.
    expect(await h.callAs(people.counselorUser, 'support', 'approvePairingClass', say)).toMatchObject({
      ok: false,
      code: 'ACCESS.DENIED',
    });
    expect(await h.callAs(people.otherHeadTeacherUser, 'support', 'approvePairingClass', say)).toMatchObject({
      ok: false,
      code: 'ACCESS.DENIED',
    });
    expect(
      (await h.ok(people.headTeacherUser, 'support', 'approvePairingClass', { ...say, opinion: '班级评议通过' }))
        .status,
    ).toBe('classApproved');
    expect((await h.ok(affairs, 'support', 'pairing', { pairingId })).bankAccountMasked).toBe(true);
    expect(await h.callAs(people.headTeacherUser, 'support', 'approvePairingClass', say)).toMatchObject({
      ok: false,
      code: 'PAIRING.OUT_OF_ORDER',
    });
    expect(await h.callAs(affairs, 'support', 'approvePairingSchool', say)).toMatchObject({
      ok: false,
      code: 'PAIRING.OUT_OF_ORDER',
    });
    const atSchool = await h.ok(people.leaderUser, 'support', 'approvePairingCollege', say);
    expect(atSchool).toMatchObject({ status: 'collegeApproved', bankAccount: '**** 8901' });
    // At the school stage the school approver (who pays the stipend) reads it in clear; the college still does not.
    expect((await h.ok(affairs, 'support', 'pairing', { pairingId })).bankAccount).toBe('6217000012345678901');
    expect((await h.ok(affairs, 'support', 'pairings', {})).find((p) => p._id === pairingId)?.bankAccountMasked).toBe(
      false,
    );
    expect((await h.ok(people.leaderUser, 'support', 'pairing', { pairingId })).bankAccount).toBe('**** 8901');
    h.clock.advance(3600_000);
    const done = await h.ok(affairs, 'support', 'approvePairingSchool', { ...say, opinion: '学校审核通过' });
    expect(done).toMatchObject({ status: 'approved', bankAccount: '6217000012345678901', bankAccountMasked: false });
    expect(done.approvals.map((a) => [a.stage, a.byId])).toEqual([
      ['class', people.headTeacherUser],
      ['college', people.leaderUser],
      ['school', affairs],
    ]);
    expect((done.approvals[2]?.at ?? '').localeCompare(done.approvals[1]?.at ?? '')).toBe(1);
  });

  it('a rejection ends the chain', async () => {
    const applied = await apply(people.assistantUser);
    if (!applied.ok) throw new Error(applied.message);
    const rejected = await h.ok(people.headTeacherUser, 'support', 'approvePairingClass', {
      pairingId: applied.data._id,
      decision: 'reject',
      opinion: '帮扶人本人成绩不稳定',
    });
    expect(rejected.status).toBe('rejected');
    // Rejected before the school stage: never the school's to read.
    expect((await h.ok(affairs, 'support', 'pairing', { pairingId: applied.data._id })).bankAccountMasked).toBe(true);
    expect(
      await h.callAs(people.leaderUser, 'support', 'approvePairingCollege', {
        pairingId: applied.data._id,
        decision: 'approve',
        opinion: '同意',
      }),
    ).toMatchObject({ ok: false, code: 'PAIRING.OUT_OF_ORDER' });
  });

  it.each([
    [{ bankAccount: '1234' }, 'bankAccount'],
    [{ helpeeIds: [] }, 'helpeeIds'],
    [{ plan: '' }, 'plan'],
  ])('rejects %j', async (patch, field) => {
    const envelope = await h.callAs(people.headTeacherUser, 'support', 'applyPairing', {
      helperId: people.classmate._id,
      helpeeIds: [people.student._id],
      difficulty: 'ability',
      reason: '基础弱',
      plan: '辅导',
      bankAccount: ACCOUNT,
      ...patch,
    });
    expect(envelope).toMatchObject({ ok: false, field });
  });

  it('staff cannot apply for students outside their classes', async () => {
    const envelope = await h.callAs(people.headTeacherUser, 'support', 'applyPairing', {
      helperId: people.classmate._id,
      helpeeIds: [people.outsider._id],
      difficulty: 'ability',
      reason: '基础弱',
      plan: '辅导',
      bankAccount: ACCOUNT,
    });
    expect(envelope).toMatchObject({ ok: false, code: 'ACCESS.DENIED' });
  });
});
