import { expect } from '@jest/globals';
import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import type { RunEntry } from '../../../types/api/warnings';
import { openEmptyHarness, type EmptyHarness } from '../../support/harness';
import { seedTwoClasses, type TwoClasses } from '../../support/build/two-classes';
import { failAfterMakeup, runAndPublish, runEntries, sat } from '../../support/build/warnings';
import { cellText } from '../../support/xlsx-read';

/**
 * Issue 9 defect 3 (and the messages of defect 8): correcting an objection changes the decision
 * itself — a stored, audited correction of the grade rows that the warning, the 汇总表 and every
 * later run honour — and the student is told the answer, kept or corrected.
 */
describe('objections: a correction changes the grade rows and the decision; the student is told', () => {
  let h: EmptyHarness;
  let p: TwoClasses;
  let runId: string;
  let entries: RunEntry[];

  const outboxOf = (userId: string, kind: string) =>
    h.store.query('outbox', { where: { toUserId: userId, kind }, limit: 100 });
  const noticeOf = (studentId: string) => `notice-w:${runId}:${studentId}`;
  /** A student whose level rests on failed make-up exams, with the one make-up row to correct. */
  const makeupRow = (e: RunEntry) =>
    `${e.studentId}:${e.triggers.find((t) => t.kind === 'failedAfterMakeup')?.courses[0] ?? ''}:2025-2026-1:makeup`;
  const object = async (e: RunEntry) => {
    await h.ok(`s-${e.studentId}`, 'notices', 'object', {
      noticeId: noticeOf(e.studentId),
      reason: '补考成绩录入有误',
    });
    return (await h.ok(p.clerkUser, 'notices', 'objections', {})).find((o) => o.noticeId === noticeOf(e.studentId));
  };

  beforeAll(async () => {
    h = await openEmptyHarness();
    // 2025-2026-1 under lzut-life: 孙一鸣 and 赵三强 fail MF1 and MF2 after the make-up (书面警示),
    // 李四海 fails MF1 after the make-up (口头警示), 钱二妹 fails R1–R3 at the regular exam and
    // passes the make-ups (学业警示).
    p = await seedTwoClasses(h.store, '2026-09-01T08:00:00.000+08:00', (b, c) => {
      failAfterMakeup(b, c.student, 2, '2025-2026-1');
      failAfterMakeup(b, c.third, 2, '2025-2026-1');
      failAfterMakeup(b, c.outsider, 1, '2025-2026-1');
      for (const code of ['R1', 'R2', 'R3'])
        sat(b, c.classmate, { code, semester: '2025-2026-1' }, { regular: '40', makeup: '70' });
    });
    runId = await runAndPublish(h, '2025-2026-1');
    entries = await runEntries(h, runId);
  });
  afterAll(() => h.close());

  const written = () => {
    const e = entries.find(
      (x) =>
        x.level === 'written' &&
        x.figures.failedAfterMakeup === 2 &&
        x.figures.regularFails < 3 &&
        x.failedCourses.length === 2,
    );
    if (!e) throw new Error('孙一鸣 has a written warning from two failed make-ups');
    expect(e.studentId).toBe(p.student._id);
    return e;
  };
  const oral = () => {
    const e = entries.find(
      (x) => x.level === 'oral' && x.figures.regularFails < 3 && x.studentId !== written().studentId,
    );
    if (!e) throw new Error('李四海 has an oral warning from one failed make-up');
    expect(e.studentId).toBe(p.outsider._id);
    return e;
  };

  it("shows the clerk the student's grade rows of the disputed courses while deciding", async () => {
    const e = written();
    const row = await object(e);
    const courses = new Set(e.failedCourses.map((c) => c.code));
    expect(row?.grades.length).toBeGreaterThanOrEqual(4); // a regular and a make-up row per failed course
    expect(
      row?.grades.every((g) => courses.has(g.courseCode) || e.triggers.some((t) => t.courses.includes(g.courseCode))),
    ).toBe(true);
    expect(row?.grades.map((g) => g.gradeId)).toContain(makeupRow(e));
    expect(row?.grades.find((g) => g.gradeId === makeupRow(e))).toMatchObject({
      attemptLabel: '补考',
      correction: null,
    });
  });

  it('refuses a correction without grade rows, or with a row of another student, writing nothing', async () => {
    const e = written();
    const noRows = await h.callAs(p.clerkUser, 'notices', 'resolveObjection', {
      noticeId: noticeOf(e.studentId),
      decision: 'correct',
      note: '更正',
    });
    expect(noRows).toMatchObject({ ok: false, code: 'INPUT.INVALID', field: 'grades' });
    const foreign = await h.callAs(p.clerkUser, 'notices', 'resolveObjection', {
      noticeId: noticeOf(e.studentId),
      decision: 'correct',
      note: '更正',
      grades: [{ gradeId: makeupRow(oral()), action: 'exclude' }],
    });
    expect(foreign).toMatchObject({ ok: false, code: 'INPUT.INVALID', field: 'grades.0.gradeId' });
    const unreadable = await h.callAs(p.clerkUser, 'notices', 'resolveObjection', {
      noticeId: noticeOf(e.studentId),
      decision: 'correct',
      note: '更正',
      grades: [{ gradeId: makeupRow(e), action: 'correct', score: 'A+' }],
    });
    expect(unreadable).toMatchObject({ ok: false, code: 'INPUT.INVALID', field: 'grades.0.score' });
    expect(await h.store.count('gradeCorrections')).toBe(0);
    await expect(h.store.get('notices', noticeOf(e.studentId))).resolves.toMatchObject({
      status: 'issued',
      objection: { state: 'open' },
    });
  });

  it('corrects a make-up row: the warning drops to the re-judged level, audited, with a corrected notice and an answer message', async () => {
    const e = written();
    h.clock.advance(3600_000);
    const res = await h.ok(p.clerkUser, 'notices', 'resolveObjection', {
      noticeId: noticeOf(e.studentId),
      decision: 'correct',
      note: '补考成绩录入错误，已按试卷更正',
      grades: [{ gradeId: makeupRow(e), action: 'correct', score: '72' }],
    });
    expect(res).toMatchObject({ state: 'corrected', outcome: 'amended', newNoticeId: `${noticeOf(e.studentId)}-v2` });

    const [correction] = await h.store.query('gradeCorrections', { where: { studentId: e.studentId } });
    expect(correction).toMatchObject({
      gradeId: makeupRow(e),
      action: 'correct',
      score: '72',
      reason: '补考成绩录入错误，已按试卷更正',
      by: p.clerkUser,
      at: '2026-11-23T10:00:00.000+08:00',
      noticeId: noticeOf(e.studentId),
    });
    expect(correction?.byName).not.toBe(p.clerkUser);
    expect(correction?.createdBy).toBe(p.clerkUser);

    const warning = await h.store.get('warnings', `w:${runId}:${e.studentId}`);
    expect(warning).toMatchObject({ status: 'active', level: 'oral', levelName: '口头警示' });
    expect(warning?.failedCourses).toHaveLength(1);
    expect(warning?.corrections).toEqual([
      expect.objectContaining({
        by: p.clerkUser,
        fromLevel: 'written',
        toLevel: 'oral',
        reason: '补考成绩录入错误，已按试卷更正',
      }),
    ]);

    const v2 = await h.store.get('notices', res.newNoticeId ?? '');
    expect(v2).toMatchObject({
      status: 'issued',
      levelName: '口头警示',
      correction: { replaces: noticeOf(e.studentId) },
    });
    expect(v2?.copies.student.paragraphs.join('\n')).toMatch(/已更正：.*补考）成绩 \S+ → 72/);

    // The student is answered, not warned again.
    expect(await outboxOf(`s-${e.studentId}`, 'warningIssued')).toHaveLength(1);
    const [answer] = await outboxOf(`s-${e.studentId}`, 'objectionAnswered');
    expect(answer).toMatchObject({
      page: `packages/student/notice/index?id=${encodeURIComponent(res.newNoticeId ?? '')}`,
    });
    expect(answer?.data).toMatchObject({
      result: '已更正',
      note: '补考成绩录入错误，已按试卷更正',
      tip: '请查看更正后的通知并签收',
    });
  });

  it('shows the correction on the published list and in its 汇总表', async () => {
    const e = written();
    const entry = (await runEntries(h, runId)).find((x) => x.studentId === e.studentId);
    expect(entry).toMatchObject({
      level: 'oral',
      corrections: [expect.objectContaining({ reason: '补考成绩录入错误，已按试卷更正' })],
    });
    const file = await h.ok(p.clerkUser, 'warnings', 'exportSummary', { runId });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.read(Readable.from(Buffer.from(file.base64, 'base64')));
    const sheet = workbook.worksheets[0];
    const rows: string[][] = [];
    sheet?.eachRow((r) => rows.push((Array.isArray(r.values) ? r.values.slice(1) : []).map(cellText)));
    const line = rows.find((r) => r[1] === e.studentId);
    expect(line?.[5]).toBe('口头警示');
    expect(line?.[9]).toMatch(/^异议更正（.+）：.*→ 72，原因：补考成绩录入错误，已按试卷更正$/);
  });

  it('keeps the answer when the clerk keeps an objection (维持), and tells the student', async () => {
    const e = entries.find(
      (x) => x.level !== null && x.studentId !== written().studentId && x.studentId !== oral().studentId,
    );
    if (!e) throw new Error('a third warned student');
    // 钱二妹 (学业警示).
    expect(e.studentId).toBe(p.classmate._id);
    await object(e);
    const res = await h.ok(p.clerkUser, 'notices', 'resolveObjection', {
      noticeId: noticeOf(e.studentId),
      decision: 'confirm',
      note: '经核实成绩无误',
    });
    expect(res).toMatchObject({ state: 'confirmed', outcome: 'kept', newNoticeId: null });
    const [answer] = await outboxOf(`s-${e.studentId}`, 'objectionAnswered');
    expect(answer).toMatchObject({
      page: `packages/student/notice/index?id=${encodeURIComponent(noticeOf(e.studentId))}`,
    });
    expect(answer?.data).toMatchObject({ result: '维持', note: '经核实成绩无误', tip: '请阅读答复后签收通知' });
    expect(await outboxOf(`s-${e.studentId}`, 'warningIssued')).toHaveLength(1);
  });

  it('withdraws a warning the corrected rows no longer support, and tells the student', async () => {
    const e = oral();
    await object(e);
    const res = await h.ok(p.clerkUser, 'notices', 'resolveObjection', {
      noticeId: noticeOf(e.studentId),
      decision: 'correct',
      note: '补考缓考登记错误',
      grades: [
        { gradeId: makeupRow(e), action: 'exclude' },
        { gradeId: makeupRow(e).replace(':makeup', ':regular'), action: 'correct', score: '65' },
      ],
    });
    expect(res).toMatchObject({ state: 'corrected', outcome: 'withdrawn', newNoticeId: null });
    await expect(h.store.get('warnings', `w:${runId}:${e.studentId}`)).resolves.toMatchObject({
      status: 'withdrawn',
      corrections: [expect.objectContaining({ toLevel: null })],
    });
    await expect(h.store.get('notices', noticeOf(e.studentId))).resolves.toMatchObject({
      status: 'superseded',
      endedAs: 'withdrawn',
    });
    // The student's screen is told it was withdrawn (before: it read as a new list or a lifting).
    await expect(
      h.ok(`s-${e.studentId}`, 'notices', 'studentCopy', { noticeId: noticeOf(e.studentId) }),
    ).resolves.toMatchObject({ ending: 'withdrawn' });
    const [answer] = await outboxOf(`s-${e.studentId}`, 'objectionAnswered');
    expect(answer?.data).toMatchObject({ result: '已更正', tip: '警示已撤销，无需签收' });
    const entry = (await runEntries(h, runId)).find((x) => x.studentId === e.studentId);
    expect(entry).toMatchObject({ level: null, corrections: [expect.anything(), expect.anything()] });
  });

  it('refuses to publish a draft made before the correction', async () => {
    const draft = await h.ok(p.clerkUser, 'warnings', 'run', { semester: '2025-2026-1' });
    const e = entries.find(
      (x) => x.level === 'written' && x.studentId !== written().studentId && x.figures.failedAfterMakeup >= 2,
    );
    if (!e) throw new Error('another written warning');
    // 赵三强.
    expect(e.studentId).toBe(p.third._id);
    await object(e);
    await h.ok(p.clerkUser, 'notices', 'resolveObjection', {
      noticeId: noticeOf(e.studentId),
      decision: 'correct',
      note: '更正补考成绩',
      grades: [{ gradeId: makeupRow(e), action: 'correct', score: '70' }],
    });
    await expect(h.callAs(p.clerkUser, 'warnings', 'publish', { runId: draft.runId })).resolves.toMatchObject({
      ok: false,
      code: 'RUN.OUTDATED',
    });
  });

  it('keeps every correction in later runs: levels re-judged on the corrected rows, the corrected notices stay', async () => {
    const later = await h.ok(p.clerkUser, 'warnings', 'run', { semester: '2025-2026-1' });
    const next = await runEntries(h, later.runId);
    const w = next.find((x) => x.studentId === written().studentId);
    expect(w).toMatchObject({
      level: 'oral',
      change: 'unchanged',
      corrections: [expect.objectContaining({ byName: expect.any(String) })],
    });
    expect(next.find((x) => x.studentId === oral().studentId)).toBeUndefined();
    await h.ok(p.clerkUser, 'warnings', 'publish', { runId: later.runId });
    await expect(h.store.get('notices', `${noticeOf(written().studentId)}-v2`)).resolves.toMatchObject({
      status: 'issued',
    });
    expect(await h.store.count('warnings', { studentId: oral().studentId, status: 'active' })).toBe(0);
  });
});
