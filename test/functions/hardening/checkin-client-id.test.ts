import { openEmptyHarness, type EmptyHarness } from '../../support/harness';
import { seedTwoClasses, type TwoClasses } from '../../support/build/two-classes';
import { sentFrom } from '../../support/checkins-factories';

/** Defect 9: a client id names one record; reusing it for another kind of record is a conflict, not a duplicate. */
describe('check-ins: a reused client id with a different kind', () => {
  let h: EmptyHarness;
  let p: TwoClasses;
  beforeAll(async () => {
    h = await openEmptyHarness();
    p = await seedTwoClasses(h.store, '2026-09-01T08:00:00.000+08:00');
  });
  afterAll(() => h.close());

  it('answers a clear conflict and keeps the first record; the same resend is still a duplicate', async () => {
    const sent = sentFrom(h.clock);
    const first = await h.ok(p.assistantUser, 'checkins', 'talk', {
      ...sent,
      studentId: p.student._id,
      mode: 'faceToFace',
      minutes: 30,
    });
    const resend = await h.ok(p.assistantUser, 'checkins', 'talk', {
      ...sent,
      studentId: p.student._id,
      mode: 'faceToFace',
      minutes: 30,
    });
    expect(resend).toMatchObject({ recordId: first.recordId, duplicate: true });
    const count = await h.store.count('dutyRecords');
    const other = await h.callAs(p.assistantUser, 'checkins', 'lecture', {
      ...sent,
      classId: p.firstClass._id,
      course: '高等数学',
    });
    expect(other).toMatchObject({ ok: false, code: 'CHECKIN.CLIENT_ID_REUSED', field: 'clientId' });
    if (!other.ok) expect(other.message).toMatch(/[\u4e00-\u9fff]/);
    expect(await h.store.count('dutyRecords')).toBe(count);
  });
});
