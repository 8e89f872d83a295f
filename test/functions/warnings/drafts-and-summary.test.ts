import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { openEmptyHarness, type EmptyHarness } from '../../support/harness';
import { seedTwoClasses, type TwoClasses } from '../../support/build/two-classes';
import { runAndPublish, runEntries, sat, twoSemesters } from '../../support/build/warnings';
import { cellText } from '../../support/xlsx-read';

async function readSummary(base64: string): Promise<string[][]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.read(Readable.from(Buffer.from(base64, 'base64')));
  const rows: string[][] = [];
  workbook.worksheets[0]?.eachRow((r) => rows.push((Array.isArray(r.values) ? r.values.slice(1) : []).map(cellText)));
  return rows;
}

/** Issue 9 defect 4: drafts are dated and signed, an out-of-date draft cannot be published, the clerk discards drafts. */
describe('warnings: drafts are dated, can be discarded, and an out-of-date one is refused', () => {
  let h: EmptyHarness;
  let p: TwoClasses;
  beforeAll(async () => {
    h = await openEmptyHarness();
    // Four students over two semesters, as twoSemesters states them.
    p = await seedTwoClasses(h.store, '2026-09-01T08:00:00.000+08:00', twoSemesters);
  });
  afterAll(() => h.close());

  it('shows when and by whom each run was made and published', async () => {
    const runId = await runAndPublish(h, '2025-2026-1');
    const [summary] = (await h.ok(p.clerkUser, 'warnings', 'runs', {})).filter((r) => r.runId === runId);
    expect(summary).toMatchObject({
      createdAt: '2026-11-23T09:00:00.000+08:00',
      status: 'published',
      publishedAt: '2026-11-23T09:00:00.000+08:00',
      publishBlock: null,
    });
    expect(summary?.createdByName).toBe('张秘书');
    expect(summary?.publishedByName).toBe(summary?.createdByName);
  });

  it('refuses a draft older than the last publish of its semester, with a Chinese reason, and says so on the list', async () => {
    h.clock.advance(3600_000);
    const older = await h.ok(p.clerkUser, 'warnings', 'run', { semester: '2025-2026-2' });
    h.clock.advance(3600_000);
    const newer = await h.ok(p.clerkUser, 'warnings', 'run', { semester: '2025-2026-2' });
    await h.ok(p.clerkUser, 'warnings', 'publish', { runId: newer.runId });
    // Publishing the newer list changed nothing the older one measured against but the semester's list itself.
    const refused = await h.callAs(p.clerkUser, 'warnings', 'publish', { runId: older.runId });
    expect(refused).toMatchObject({ ok: false, code: 'RUN.OUTDATED' });
    if (!refused.ok)
      expect(refused.message).toBe(
        `此草稿生成于 2026-11-23 10:00，之后 2025-2026-2 的名单已于 2026-11-23 11:00 由${older.createdByName}发布，不能再发布此草稿；请重新运行规则`,
      );
    const listed = (await h.ok(p.clerkUser, 'warnings', 'runs', {})).find((r) => r.runId === older.runId);
    expect(listed?.publishBlock).toMatchObject({ code: 'RUN.OUTDATED' });
    const review = await h.ok(p.clerkUser, 'warnings', 'review', { runId: older.runId });
    expect(review).toMatchObject({
      canPublish: false,
      canDiscard: true,
      run: { publishBlock: { code: 'RUN.OUTDATED' } },
    });
  });

  it('lets the clerk discard a draft: off the list, kept on record, no longer changed or published; again is a no-op', async () => {
    const draft = await h.ok(p.clerkUser, 'warnings', 'run', { semester: '2025-2026-2' });
    h.clock.advance(60_000);
    const discarded = await h.ok(p.clerkUser, 'warnings', 'discardRun', { runId: draft.runId });
    expect(discarded).toMatchObject({
      status: 'discarded',
      discardedAt: '2026-11-23T11:01:00.000+08:00',
      discardedByName: draft.createdByName,
    });
    await expect(h.ok(p.clerkUser, 'warnings', 'discardRun', { runId: draft.runId })).resolves.toEqual(discarded);
    expect((await h.ok(p.clerkUser, 'warnings', 'runs', {})).map((r) => r.runId)).not.toContain(draft.runId);
    await expect(h.store.get('warningRuns', draft.runId)).resolves.toMatchObject({
      status: 'discarded',
      discarded: { by: p.clerkUser },
    });
    await expect(h.callAs(p.clerkUser, 'warnings', 'publish', { runId: draft.runId })).resolves.toMatchObject({
      ok: false,
      code: 'RUN.DISCARDED',
    });
    const someone = (await runEntries(h, draft.runId)).find((e) => e.level !== null);
    await expect(
      h.callAs(p.clerkUser, 'warnings', 'removeManual', {
        runId: draft.runId,
        studentId: someone?.studentId ?? '',
        note: '误列',
      }),
    ).resolves.toMatchObject({ ok: false, code: 'RUN.DISCARDED' });
  });

  it('refuses to discard a published list, and denies others', async () => {
    const [published] = (await h.ok(p.clerkUser, 'warnings', 'runs', {})).filter((r) => r.status === 'published');
    expect(published).toBeDefined();
    await expect(
      h.callAs(p.clerkUser, 'warnings', 'discardRun', { runId: published?.runId ?? '' }),
    ).resolves.toMatchObject({ ok: false, code: 'RUN.PUBLISHED' });
    const draft = await h.ok(p.clerkUser, 'warnings', 'run', { semester: '2025-2026-2' });
    for (const user of [p.counselorUser, p.headTeacherUser, p.leaderUser, p.studentUser]) {
      await expect(h.callAs(user, 'warnings', 'discardRun', { runId: draft.runId })).resolves.toMatchObject({
        ok: false,
        code: 'ACCESS.DENIED',
      });
    }
  });
});

/** Issue 9 defect 5: the 汇总表 holds the students taken off by hand and why (人工补充及原因). */
describe('warnings: the 汇总表 keeps manual removals and their reasons', () => {
  let h: EmptyHarness;
  let p: TwoClasses;
  beforeAll(async () => {
    h = await openEmptyHarness();
    // Under gxu-ee only 孙一鸣 is listed (cumulative GPA 0 after failing MF1 and MF2); 钱二妹 and
    // 赵三强 pass MF1, so 生工251班 has two unlisted students.
    p = await seedTwoClasses(h.store, '2026-09-01T08:00:00.000+08:00', (b, c) => {
      const course = (code: string) => ({ code, semester: '2025-2026-1', departmentId: 'bioeng' });
      sat(b, c.student, course('MF1'), { regular: '40', makeup: '50' });
      sat(b, c.student, course('MF2'), { regular: '40', makeup: '50' });
      sat(b, c.classmate, course('MF1'), { regular: '85' });
      sat(b, c.third, course('MF1'), { regular: '90' });
    });
  });
  afterAll(() => h.close());

  it('lists a removed student with who removed them and the reason, downloaded and read back', async () => {
    const run = await h.ok(p.clerkUser, 'warnings', 'run', { semester: '2025-2026-1', policyId: 'gxu-ee' });
    const entries = await runEntries(h, run.runId);
    const target = entries.find((e) => e.level !== null && e.previousWarningId === null);
    expect(target?.studentId).toBe(p.student._id);
    const unlisted = p.built.students.find(
      (s) => s.classId === p.firstClass._id && !entries.some((e) => e.studentId === s._id),
    );
    if (!target || !unlisted) throw new Error('a listed and an unlisted student');
    await h.ok(p.clerkUser, 'warnings', 'removeManual', {
      runId: run.runId,
      studentId: target.studentId,
      note: '学籍异动，已转专业',
    });
    await h.ok(p.counselorUser, 'warnings', 'addManual', {
      runId: run.runId,
      studentId: unlisted._id,
      level: 'warning',
      reason: 'attendance',
      note: '本月旷课 12 节',
    });
    await h.ok(p.clerkUser, 'warnings', 'publish', { runId: run.runId });
    const file = await h.ok(p.clerkUser, 'warnings', 'exportSummary', { runId: run.runId });
    const rows = await readSummary(file.base64);
    const removed = rows.find((r) => r[1] === target.studentId);
    expect(removed?.[5]).toBe('—');
    expect(removed?.[8]).toBe('人工移出');
    expect(removed?.[9]).toBe(`人工移出（${run.createdByName}）：学籍异动，已转专业`);
    expect(removed?.[12]).toBe('人工移出，不列入警示');
    const added = rows.find((r) => r[1] === unlisted._id);
    expect(added?.[9]).toMatch(/^人工补充（.+）：考勤，本月旷课 12 节$/);
    expect(file.rows).toBe(rows.length - 2);
  });
});
