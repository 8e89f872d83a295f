import { expect } from '@jest/globals';
import type { EffectReport } from '../../../types/api/reports';
import type { Student } from '../../../types/domain';
import { openEmptyHarness, type EmptyHarness } from '../../support/harness';
import { seedTwoClasses, type TwoClasses } from '../../support/build/two-classes';
import { failAfterMakeup, runAndPublish, runEntries, sat } from '../../support/build/warnings';
import { SIGNATURE } from '../../support/notices-factories';

const S = '2025-2026-1';
const NEXT = '2025-2026-2';
const HOUR = 3600_000;

/**
 * A warning the next semester's list kept unchanged, then an objection on it whose correction
 * touches only the next semester's grade rows: the warning was right for its own semester, so it
 * stays (or is lifted or replaced, as the corrected next list decides) — it is never judged again
 * without itself as the earlier warning and withdrawn.
 * - 孙一鸣: 书面警示 in S (MF1, MF2 failed after the make-up); in NEXT the MF1 retake entered 50
 *   (really 75) leaves 6 credits owed, so NEXT keeps the warning; corrected, 3 credits < 6: lifted.
 * - 钱二妹: the same, but the retake is corrected to 55 (still failed): NEXT still keeps it.
 * - 赵三强: 口头警示 in S (MF1); in NEXT MF3 failed after the make-up (口头, kept) and MF2's make-up
 *   entered 60 (really 45): corrected, two failed make-ups in NEXT — 书面警示, a new warning.
 * - 李四海: 书面警示 in S (MF1, MF2), nothing new in NEXT (6 credits owed: kept); the correction is of
 *   his own semester (MF2's make-up really 70): 口头警示 for S, and with 3 credits owed NEXT lifts it.
 * - 周五: 书面警示 in S (MF1, MF2), kept by NEXT; both make-ups really 70: no level in either
 *   semester — the one case where the warning was wrong for its own semester and is withdrawn.
 */
describe('objection correcting next-semester rows of a kept warning (issue 14 effect report)', () => {
  let h: EmptyHarness;
  let p: TwoClasses;
  let firstRun: string;
  let nextRun: string;
  let fifth: Student;

  const warningOf = (studentId: string) => `w:${firstRun}:${studentId}`;
  const noticeOf = (studentId: string) => `notice-w:${firstRun}:${studentId}`;
  const correct = async (studentId: string, gradeId: string, score: string) => {
    await h.ok(`s-${studentId}`, 'notices', 'object', { noticeId: noticeOf(studentId), reason: '重修成绩录入有误' });
    h.clock.advance(HOUR);
    return h.ok(p.clerkUser, 'notices', 'resolveObjection', {
      noticeId: noticeOf(studentId),
      decision: 'correct',
      note: '按试卷更正',
      grades: [{ gradeId, action: 'correct', score }],
    });
  };
  const reported = async (studentId: string) => {
    const r: EffectReport = await h.ok(p.leaderUser, 'reports', 'effect', { semester: S });
    return r.students.find((s) => s.studentId === studentId);
  };
  const nextEntry = async (studentId: string) =>
    (await runEntries(h, nextRun)).find((e) => e.studentId === studentId) ?? null;

  beforeAll(async () => {
    h = await openEmptyHarness('2026-11-25T10:00:00+08:00');
    p = await seedTwoClasses(h.store, '2026-09-01T08:00:00.000+08:00', (b, c) => {
      const retake = (student: Student, score: string) =>
        b.grade(student, {
          courseCode: 'MF1',
          courseName: '课程MF1',
          credits: 3,
          semester: NEXT,
          score,
          attempt: 'retake',
        });
      failAfterMakeup(b, c.student, 2, S);
      retake(c.student, '50');
      failAfterMakeup(b, c.classmate, 2, S);
      retake(c.classmate, '50');
      failAfterMakeup(b, c.third, 1, S);
      sat(b, c.third, { code: 'MF2', semester: NEXT }, { regular: '40', makeup: '60' });
      sat(b, c.third, { code: 'MF3', semester: NEXT }, { regular: '40', makeup: '50' });
      failAfterMakeup(b, c.outsider, 2, S);
      fifth = b.student(c.firstClass, { id: '2025311004', name: '周五' });
      failAfterMakeup(b, fifth, 2, S);
    });
    firstRun = await runAndPublish(h, S);
    // The parent of 孙一鸣 returns the receipt on the first list's notice.
    h.clock.advance(HOUR);
    await h.ok(p.parentUser, 'notices', 'returnReceipt', {
      noticeId: noticeOf(p.student._id),
      message: '会督促孩子',
      signature: SIGNATURE,
      deviceId: 'parent-phone-1',
    });
    h.clock.advance(24 * HOUR);
    nextRun = await runAndPublish(h, NEXT);
  });
  afterAll(() => h.close());

  it('the next list keeps every warning of the first as it was', async () => {
    for (const s of [p.student, p.classmate, p.third, p.outsider, fifth]) {
      expect(await nextEntry(s._id)).toMatchObject({ change: 'unchanged', previousWarningId: warningOf(s._id) });
      await expect(h.store.get('warnings', warningOf(s._id))).resolves.toMatchObject({ status: 'active' });
    }
  });

  it('a correction that meets the lifting condition in the next semester lifts the warning, never withdraws it', async () => {
    const id = p.student._id;
    const before = await h.store.get('notices', noticeOf(id));
    const res = await correct(id, `${id}:MF1:${NEXT}:retake`, '75');
    expect(res).toMatchObject({ state: 'corrected', outcome: 'lifted', newNoticeId: null });

    const warning = await h.store.get('warnings', warningOf(id));
    expect(warning).toMatchObject({
      status: 'lifted',
      level: 'written',
      levelName: '书面警示',
      semester: S,
      liftedByRun: nextRun,
      corrections: [expect.objectContaining({ fromLevel: 'written', toLevel: null, reason: '按试卷更正' })],
    });
    // Its notice keeps what was printed and the parent's receipt; it ends as lifted.
    const notice = await h.store.get('notices', noticeOf(id));
    expect(notice).toMatchObject({ endedAs: 'lifted', receipt: before?.receipt, copies: before?.copies });
    expect(notice?.receipt).toMatchObject({ message: '会督促孩子' });
    // The next list shows the lifting, with the corrected row.
    expect(await nextEntry(id)).toMatchObject({
      level: null,
      previousWarningId: warningOf(id),
      corrections: [expect.objectContaining({ reason: '按试卷更正' })],
    });
    const [answer] = await h.store.query('outbox', { where: { toUserId: `s-${id}`, kind: 'objectionAnswered' } });
    expect(answer?.data).toMatchObject({ result: '已更正', tip: '警示已解除，无需签收' });

    // The effect report counts him among the first semester's warned students, lifted.
    expect(await reported(id)).toMatchObject({ levelBefore: '书面警示', levelAfter: null, outcome: 'lifted' });
  });

  it('a correction that leaves the next list unchanged keeps the warning and its notice in force', async () => {
    const id = p.classmate._id;
    const before = await h.store.get('notices', noticeOf(id));
    const res = await correct(id, `${id}:MF1:${NEXT}:retake`, '55');
    expect(res).toMatchObject({ state: 'corrected', outcome: 'standing', newNoticeId: null });
    await expect(h.store.get('warnings', warningOf(id))).resolves.toMatchObject({
      status: 'active',
      level: 'written',
      semester: S,
      failedCourses: [expect.objectContaining({ code: 'MF1' }), expect.objectContaining({ code: 'MF2' })],
      corrections: [expect.objectContaining({ fromLevel: 'written', toLevel: 'written' })],
    });
    const notice = await h.store.get('notices', noticeOf(id));
    expect(notice).toMatchObject({ status: 'issued', copies: before?.copies, objection: { state: 'corrected' } });
    expect(await h.store.count('notices', { studentId: id })).toBe(1);
    // Her screen shows the notice in force, answered; she signs it.
    await expect(h.ok(`s-${id}`, 'notices', 'studentCopy', { noticeId: noticeOf(id) })).resolves.toMatchObject({
      status: 'issued',
      ending: null,
      objection: { state: 'corrected', note: '按试卷更正' },
    });
    await h.ok(`s-${id}`, 'notices', 'acknowledge', {
      noticeId: noticeOf(id),
      signature: SIGNATURE,
      deviceId: 'student-phone-2',
    });
    expect(await nextEntry(id)).toMatchObject({
      level: 'written',
      change: 'unchanged',
      previousWarningId: warningOf(id),
    });
    expect(await reported(id)).toMatchObject({ levelBefore: '书面警示', levelAfter: '书面警示', outcome: 'kept' });
  });

  it('a correction that escalates the next semester replaces the warning with a new one of the next list', async () => {
    const id = p.third._id;
    const res = await correct(id, `${id}:MF2:${NEXT}:makeup`, '45');
    const next = `w:${nextRun}:${id}`;
    expect(res).toMatchObject({ state: 'corrected', outcome: 'replaced', newNoticeId: `notice-${next}` });
    await expect(h.store.get('warnings', warningOf(id))).resolves.toMatchObject({
      status: 'superseded',
      supersededBy: next,
      level: 'oral',
      semester: S,
    });
    await expect(h.store.get('warnings', next)).resolves.toMatchObject({
      status: 'active',
      level: 'written',
      semester: NEXT,
      change: 'escalated',
      runId: nextRun,
    });
    await expect(h.store.get('notices', noticeOf(id))).resolves.toMatchObject({
      status: 'superseded',
      supersededBy: `notice-${next}`,
    });
    await expect(h.store.get('notices', `notice-${next}`)).resolves.toMatchObject({ status: 'issued' });
    // A new warning of the next list: the student is warned of it, and answered.
    const sent = await h.store.query('outbox', { where: { toUserId: `s-${id}` }, limit: 100 });
    expect(sent.filter((m) => m.kind === 'warningIssued')).toHaveLength(2);
    expect(sent.filter((m) => m.kind === 'objectionAnswered')).toHaveLength(1);
    expect(await nextEntry(id)).toMatchObject({ level: 'written', change: 'escalated' });
    expect(await reported(id)).toMatchObject({ levelBefore: '口头警示', levelAfter: '书面警示', outcome: 'escalated' });
  });

  it("a correction of the warning's own semester takes its re-judged level there, then the later list decides", async () => {
    const id = p.outsider._id;
    const res = await correct(id, `${id}:MF2:${S}:makeup`, '70');
    expect(res).toMatchObject({ state: 'corrected', outcome: 'lifted', newNoticeId: null });
    await expect(h.store.get('warnings', warningOf(id))).resolves.toMatchObject({
      status: 'lifted',
      level: 'oral',
      levelName: '口头警示',
      failedCourses: [expect.objectContaining({ code: 'MF1' })],
      liftedByRun: nextRun,
      corrections: [expect.objectContaining({ fromLevel: 'written', toLevel: null })],
    });
    // Both lists show the corrected row: the first its re-judged level, the next the lifting.
    expect((await runEntries(h, firstRun)).find((e) => e.studentId === id)).toMatchObject({
      level: 'oral',
      corrections: [expect.objectContaining({ reason: '按试卷更正' })],
    });
    expect(await nextEntry(id)).toMatchObject({ level: null, previousWarningId: warningOf(id) });
    expect(await reported(id)).toMatchObject({ levelBefore: '口头警示', levelAfter: null, outcome: 'lifted' });
  });

  it('withdraws it only when the corrected rows leave no level in its own semester nor in the later one', async () => {
    const id = fifth._id;
    await h.ok(`s-${id}`, 'notices', 'object', { noticeId: noticeOf(id), reason: '补考成绩录入有误' });
    h.clock.advance(HOUR);
    const res = await h.ok(p.clerkUser, 'notices', 'resolveObjection', {
      noticeId: noticeOf(id),
      decision: 'correct',
      note: '按试卷更正',
      grades: [
        { gradeId: `${id}:MF1:${S}:makeup`, action: 'correct', score: '70' },
        { gradeId: `${id}:MF2:${S}:makeup`, action: 'correct', score: '70' },
      ],
    });
    expect(res).toMatchObject({ state: 'corrected', outcome: 'withdrawn', newNoticeId: null });
    await expect(h.store.get('warnings', warningOf(id))).resolves.toMatchObject({ status: 'withdrawn' });
    expect((await runEntries(h, firstRun)).find((e) => e.studentId === id)).toMatchObject({ level: null });
    expect(await nextEntry(id)).toMatchObject({ level: null, previousWarningId: null });
    expect(await reported(id)).toBeUndefined();
  });

  it('counts every one of them in the first semester of the effect report', async () => {
    const r: EffectReport = await h.ok(p.leaderUser, 'reports', 'effect', { semester: S });
    expect(r.byClass.find((c) => c.key === p.firstClass._id)).toMatchObject({ warned: 3, lifted: 1 });
    expect(r.byClass.find((c) => c.key === p.otherClass._id)).toMatchObject({ warned: 1, lifted: 1 });
  });
});
