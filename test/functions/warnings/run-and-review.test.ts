import { openEmptyHarness, type EmptyHarness } from '../../support/harness';
import { seedTwoClasses, type TwoClasses } from '../../support/build/two-classes';
import { runEntries, twoSemesters, comparable } from '../../support/build/warnings';

describe('warnings: run and review', () => {
  let h: EmptyHarness;
  let p: TwoClasses;
  beforeAll(async () => {
    h = await openEmptyHarness();
    // Four students over two semesters, as twoSemesters states them.
    p = await seedTwoClasses(h.store, '2026-09-01T08:00:00.000+08:00', twoSemesters);
  });
  afterAll(() => h.close());

  it('runs the college policy (lzut-life for life) and lists students with a level, with explanations', async () => {
    const run = await h.ok(p.clerkUser, 'warnings', 'run', { semester: '2025-2026-1' });
    expect(run).toMatchObject({ collegeId: 'life', policyId: 'lzut-life', status: 'draft', students: 4 });
    expect(run.gradeRows).toBe(p.built.grades.filter((g) => g.semester <= '2025-2026-1').length);
    const entries = await runEntries(h, run.runId);
    // 孙一鸣 and 李四海 书面, 钱二妹 口头, 赵三强 学业警示.
    expect(entries.map((e) => [e.studentName, e.level])).toEqual([
      ['李四海', 'written'],
      ['孙一鸣', 'written'],
      ['钱二妹', 'oral'],
      ['赵三强', 'warning'],
    ]);
    expect(run.levels.reduce((n, l) => n + l.count, 0)).toBe(entries.length);
    for (const e of entries) {
      expect(e.level).not.toBeNull();
      expect(e.change).toBe('new');
      expect(e.triggers.length).toBeGreaterThan(0);
      expect(e.triggers.every((t) => t.text.length > 0 && t.courses.length > 0)).toBe(true);
      expect(e.className).toMatch(/班/);
    }
    expect(entries.map((e) => e.studentId)).toEqual([...entries.map((e) => e.studentId)].sort());
  });

  it('gives identical entries for the same data twice', async () => {
    const a = await h.ok(p.clerkUser, 'warnings', 'run', { semester: '2025-2026-2' });
    const b = await h.ok(p.clerkUser, 'warnings', 'run', { semester: '2025-2026-2' });
    expect(a.runId).not.toBe(b.runId);
    expect(comparable(await runEntries(h, b.runId))).toEqual(comparable(await runEntries(h, a.runId)));
  });

  it('filters the review by class, level and change', async () => {
    const run = await h.ok(p.clerkUser, 'warnings', 'run', { semester: '2025-2026-1' });
    const all = await h.ok(p.clerkUser, 'warnings', 'review', { runId: run.runId });
    const classId = p.firstClass._id;
    const byClass = await h.ok(p.clerkUser, 'warnings', 'review', { runId: run.runId, classId });
    expect(byClass.entries.length).toBe(all.entries.filter((e) => e.classId === classId).length);
    expect(byClass.entries).toHaveLength(3);
    expect(byClass.total).toBe(all.entries.length);
    const byLevel = await h.ok(p.clerkUser, 'warnings', 'review', { runId: run.runId, level: 'written' });
    expect(byLevel.entries.every((e) => e.level === 'written')).toBe(true);
    expect(byLevel.entries).toHaveLength(2);
    expect(byLevel.entries.length).toBe(run.levels.find((l) => l.level === 'written')?.count);
    const lifted = await h.ok(p.clerkUser, 'warnings', 'review', { runId: run.runId, change: 'lifted' });
    expect(lifted.entries).toEqual([]);
    expect(all.levels.map((l) => l.id)).toEqual(['warning', 'oral', 'written']);
    const page = await h.ok(p.clerkUser, 'warnings', 'review', { runId: run.runId, skip: 1, limit: 2 });
    expect(page.entries).toEqual(all.entries.slice(1, 3));
    expect(page.entries).toHaveLength(2);
    expect(page).toMatchObject({ matched: all.entries.length, total: all.entries.length });
    expect(all.canPublish).toBe(true);
  });

  it('lets a department head review only the classes of their department; a leader reviews but cannot publish', async () => {
    const run = await h.ok(p.clerkUser, 'warnings', 'run', { semester: '2025-2026-1' });
    const dept = await h.ok(p.departmentHeadUser, 'warnings', 'review', { runId: run.runId });
    const bioeng = new Set(p.built.classes.filter((c) => c.departmentId === 'bioeng').map((c) => c._id));
    // The three of 生工251班.
    expect(dept.entries).toHaveLength(3);
    expect(dept.entries.every((e) => bioeng.has(e.classId))).toBe(true);
    expect(dept.canPublish).toBe(false);
    const leader = await h.ok(p.leaderUser, 'warnings', 'review', { runId: run.runId });
    expect(leader.canPublish).toBe(false);
    await expect(h.callAs(p.leaderUser, 'warnings', 'publish', { runId: run.runId })).resolves.toMatchObject({
      ok: false,
      code: 'ACCESS.DENIED',
    });
  });

  it('lists flagged courses per department (fail rate above 15%; rules: 003-3)', async () => {
    const run = await h.ok(p.clerkUser, 'warnings', 'run', { semester: '2025-2026-2' });
    const all = await h.ok(p.clerkUser, 'warnings', 'courseAnalysis', { runId: run.runId });
    expect(all.threshold).toBe(0.15);
    expect(all.courses.length).toBe(run.flaggedCourses);
    // MF3 (1 of 3 failed) and FD3 (1 of 1).
    expect(all.courses.map((c) => [c.courseCode, c.failed, c.graded])).toEqual(
      expect.arrayContaining([
        ['MF3', 1, 3],
        ['FD3', 1, 1],
      ]),
    );
    expect(all.courses).toHaveLength(2);
    expect(all.courses.every((c) => c.failRate > 0.15 && c.departmentName.length > 0)).toBe(true);
    const dept = await h.ok(p.departmentHeadUser, 'warnings', 'courseAnalysis', { runId: run.runId });
    expect(dept.courses.every((c) => c.departmentId === 'bioeng')).toBe(true);
    expect(dept.courses.map((c) => c.courseCode)).toEqual(['MF3']);
  });

  it.each([
    ['a student', 'run', () => p.studentUser],
    ['a counselor', 'run', () => p.counselorUser],
    ['a head teacher', 'run', () => p.headTeacherUser],
    ['a counselor', 'review', () => p.counselorUser],
    ['a student', 'review', () => p.studentUser],
    ['a parent', 'courseAnalysis', () => p.parentUser],
  ] as const)('denies %s (%s)', async (_who, action, user) => {
    const run = await h.ok(p.clerkUser, 'warnings', 'run', { semester: '2025-2026-1' });
    const input = action === 'run' ? { semester: '2025-2026-1' } : { runId: run.runId };
    await expect(h.callAs(user(), 'warnings', action, input)).resolves.toMatchObject({
      ok: false,
      code: 'ACCESS.DENIED',
    });
  });

  it('rejects an unknown policy and a malformed semester', async () => {
    await expect(
      h.callAs(p.clerkUser, 'warnings', 'run', { semester: '2025-2026-1', policyId: 'no-such' }),
    ).resolves.toMatchObject({ ok: false, code: 'POLICY.UNKNOWN', field: 'policyId' });
    await expect(h.callAs(p.clerkUser, 'warnings', 'run', { semester: '2025秋' })).resolves.toMatchObject({
      ok: false,
      code: 'INPUT.INVALID',
      field: 'semester',
    });
  });

  it('offers the shipped policies to the clerk, the college default (config/colleges.json) first', async () => {
    const policies = await h.ok(p.clerkUser, 'warnings', 'policies', {});
    expect(policies.map((x) => [x.id, x.isDefault])).toEqual([
      ['lzut-life', true],
      ['bistu-me', false],
      ['gxu-ee', false],
    ]);
    await expect(h.callAs(p.counselorUser, 'warnings', 'policies', {})).resolves.toMatchObject({
      ok: false,
      code: 'ACCESS.DENIED',
    });
  });

  it('lists the runs of the college, newest first', async () => {
    const runs = await h.ok(p.clerkUser, 'warnings', 'runs', {});
    expect(runs.length).toBeGreaterThan(3);
    expect(runs.every((r) => r.collegeId === 'life')).toBe(true);
    const order = runs.map((r) => `${r.createdAt}|${r.runId}`);
    expect(order).toEqual([...order].sort().reverse());
  });
});
