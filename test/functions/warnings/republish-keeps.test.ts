import { expect } from '@jest/globals';
import type { PublishResult } from '../../../types/api/warnings';
import { type Notice } from '../../../types/notice';
import { openEmptyHarness, type EmptyHarness } from '../../support/harness';
import { seedTwoClasses, type TwoClasses } from '../../support/build/two-classes';
import { fourMoves, runAndPublish, runEntries, twoSemesters } from '../../support/build/warnings';
import { SIGNATURE } from '../../support/notices-factories';

const HOUR = 3600_000;

/**
 * Issue 9 defect 2: a re-run in which students are unchanged, then published, must not reset
 * what people did on their warning: the warning, its notice (a corrected version included),
 * the signature, the parent's receipt, phone contacts, the 7-day deadline and the study plan stay;
 * nobody gets a second warning message or a second notice.
 */
describe('warnings: re-publishing keeps what people did for unchanged students', () => {
  let h: EmptyHarness;
  let p: TwoClasses;
  let firstRun: string;
  let signer: { studentId: string; warningId: string; noticeId: string; parentUser: string; counselor: string };
  let objector: { studentId: string; v1: string; v2: string };
  let before: Notice;
  let rerun: PublishResult;

  const outboxOf = (userId: string) => h.store.query('outbox', { where: { toUserId: userId }, limit: 1000 });
  const noticesOf = (studentId: string) => h.store.query('notices', { where: { studentId }, limit: 100 });

  beforeAll(async () => {
    h = await openEmptyHarness();
    // Warned in 2025-2026-1 (twoSemesters): 李四海 (parent bound, 书面) signs and so on; 孙一鸣 objects.
    p = await seedTwoClasses(h.store, '2026-09-01T08:00:00.000+08:00', twoSemesters);
    firstRun = await runAndPublish(h, '2025-2026-1');
    const entries = await runEntries(h, firstRun);
    const parentOf = (studentId: string) =>
      p.built.users.find((u) => u.grants.some((g) => g.role === 'parent' && g.childIds.includes(studentId)));
    const withParent = entries.find(
      (e) => e.level !== null && parentOf(e.studentId) !== undefined && e.failedCourses.length > 0,
    );
    const other = entries.find((e) => e.level !== null && e.studentId !== withParent?.studentId);
    if (!withParent || !other) throw new Error('the first run warns students with and without bound parents');
    expect([withParent.studentId, other.studentId]).toEqual([p.outsider._id, p.student._id]);
    const cls = p.built.classes.find((c) => c._id === withParent.classId);
    signer = {
      studentId: withParent.studentId,
      warningId: `w:${firstRun}:${withParent.studentId}`,
      noticeId: `notice-w:${firstRun}:${withParent.studentId}`,
      parentUser: parentOf(withParent.studentId)?._id ?? '',
      counselor: cls?.counselorId ?? '',
    };

    // What people did on the first list: sign, receipt, a phone contact, a study plan.
    h.clock.advance(HOUR);
    await h.ok(`s-${signer.studentId}`, 'notices', 'acknowledge', {
      noticeId: signer.noticeId,
      signature: SIGNATURE,
      deviceId: 'student-phone-1',
    });
    h.clock.advance(HOUR);
    await h.ok(signer.parentUser, 'notices', 'returnReceipt', {
      noticeId: signer.noticeId,
      message: '会督促孩子',
      signature: SIGNATURE,
      deviceId: 'parent-phone-1',
    });
    await h.ok(signer.counselor, 'notices', 'recordPhoneContact', {
      noticeId: signer.noticeId,
      at: '2026-11-23T10:30:00+08:00',
      summary: '已电话告知家长',
    });
    const course = withParent.failedCourses[0];
    await h.ok(`s-${signer.studentId}`, 'support', 'savePlan', {
      warningId: signer.warningId,
      lines: [{ courseCode: course?.code ?? '', retakePlan: '跟下一级重修，每周答疑' }],
    });

    // Another student objects and the clerk corrects a row without changing the level: v2 is in force.
    const v1 = `notice-w:${firstRun}:${other.studentId}`;
    await h.ok(`s-${other.studentId}`, 'notices', 'object', { noticeId: v1, reason: '成绩有误' });
    const [row] =
      (await h.ok(p.clerkUser, 'notices', 'objections', {}))
        .find((o) => o.noticeId === v1)
        ?.grades.filter((g) => g.score !== '优秀') ?? [];
    if (!row) throw new Error('the objection shows the disputed grade rows');
    const fix = await h.ok(p.clerkUser, 'notices', 'resolveObjection', {
      noticeId: v1,
      decision: 'correct',
      note: '核实后更正学分',
      grades: [{ gradeId: row.gradeId, action: 'correct', score: row.score, credits: row.credits + 1 }],
    });
    objector = { studentId: other.studentId, v1, v2: fix.newNoticeId ?? '' };
    before = (await h.store.get('notices', signer.noticeId)) ?? before;

    // The clerk runs the rules again a day later with no grade change, and publishes.
    h.clock.advance(24 * HOUR);
    const again = await h.ok(p.clerkUser, 'warnings', 'run', { semester: '2025-2026-1' });
    rerun = await h.ok(p.clerkUser, 'warnings', 'publish', { runId: again.runId });
  });
  afterAll(() => h.close());

  it('writes no warning and no notice, and counts everyone as kept', () => {
    expect(rerun).toMatchObject({ published: 0, superseded: 0, lifted: 0, notices: 0 });
    // All four of the first list.
    expect(rerun.kept).toBe(4);
  });

  it("keeps the unchanged student's warning, notice, signature, receipt, phone contact, deadline and plan", async () => {
    const warnings = await h.store.query('warnings', { where: { studentId: signer.studentId }, limit: 10 });
    expect(warnings.map((w) => [w._id, w.status])).toEqual([[signer.warningId, 'active']]);
    const notices = await noticesOf(signer.studentId);
    expect(notices).toHaveLength(1);
    const notice = notices[0];
    expect(notice).toMatchObject({ _id: signer.noticeId, status: 'issued', parentDeadline: before.parentDeadline });
    expect(notice?.ack?.at).toBe(before.ack?.at);
    expect(notice?.receipt).toMatchObject({ message: '会督促孩子' });
    expect(notice?.phoneContacts).toHaveLength(1);
    await expect(h.store.get('studyPlans', `plan-${signer.warningId}`)).resolves.toMatchObject({
      warningId: signer.warningId,
    });
    const copy = await h.ok(`s-${signer.studentId}`, 'notices', 'studentCopy', { noticeId: signer.noticeId });
    expect(copy).toMatchObject({ status: 'issued', ack: { at: before.ack?.at } });
  });

  it('sends no second warning message and shows no second notice', async () => {
    const messages = (await outboxOf(`s-${signer.studentId}`)).filter((m) => m.kind === 'warningIssued');
    expect(messages).toHaveLength(1);
    const list = await h.ok(`s-${signer.studentId}`, 'notices', 'studentNotices', {});
    expect(list.map((n) => n.noticeId)).toEqual([signer.noticeId]);
  });

  it('keeps the corrected v2 notice in force; the uncorrected text does not come back', async () => {
    expect(objector.v2).toMatch(/-v2$/);
    const notices = await noticesOf(objector.studentId);
    expect(notices.map((n) => [n._id, n.status]).sort()).toEqual(
      [
        [objector.v1, 'superseded'],
        [objector.v2, 'issued'],
      ].sort(),
    );
    expect((await outboxOf(`s-${objector.studentId}`)).filter((m) => m.kind === 'warningIssued')).toHaveLength(1);
  });
});

describe('warnings: a lifted student is told', () => {
  let h: EmptyHarness;
  let p: TwoClasses;
  beforeAll(async () => {
    h = await openEmptyHarness();
    // 孙一鸣 lifted, 钱二妹 escalated, 赵三强 and 李四海 kept (fourMoves states the grades).
    p = await seedTwoClasses(h.store, '2026-09-01T08:00:00.000+08:00', fourMoves);
    await runAndPublish(h, '2025-2026-1');
  });
  afterAll(() => h.close());

  it('sends each lifted student a "warning lifted" message, and the kept ones nothing new', async () => {
    const second = await h.ok('t-clerk', 'warnings', 'run', { semester: '2025-2026-2' });
    const entries = await runEntries(h, second.runId);
    await h.ok('t-clerk', 'warnings', 'publish', { runId: second.runId });
    const lifted = entries.filter((e) => e.change === 'lifted');
    const kept = entries.filter((e) => e.change === 'unchanged');
    expect(lifted.map((e) => e.studentId)).toEqual([p.student._id]);
    expect(kept.map((e) => e.studentId).sort()).toEqual([p.outsider._id, p.third._id].sort());
    const messages = await h.store.query('outbox', { where: { kind: 'warningLifted' }, limit: 1000 });
    expect(messages.map((m) => m.toUserId).sort()).toEqual(lifted.map((e) => `s-${e.studentId}`).sort());
    const one = messages[0];
    expect(one?.data).toMatchObject({ level: expect.stringMatching(/已解除$/), semester: '2025-2026-1' });
    const warned = await h.store.query('outbox', {
      where: { kind: 'warningIssued', toUserId: { in: kept.map((e) => `s-${e.studentId}`) } },
      limit: 1000,
    });
    expect(warned).toHaveLength(kept.length);
  });
});
