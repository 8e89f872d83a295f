import { demoPeople, openHarness, type Harness } from '../../support/harness';
import { comparable, entriesOf } from '../../support/warnings-runs';

describe('warnings: run and review', () => {
  let h: Harness;
  let p: ReturnType<typeof demoPeople>;
  beforeAll(async () => {
    h = await openHarness();
    p = demoPeople(h.demo);
  });
  afterAll(() => h.close());

  it('runs the college policy (lzut-life for life) and lists students with a level, with explanations', async () => {
    const run = await h.ok(p.clerkUser, 'warnings', 'run', { semester: '2025-2026-1' });
    expect(run).toMatchObject({ collegeId: 'life', policyId: 'lzut-life', status: 'draft', students: 240 });
    expect(run.gradeRows).toBe(h.demo.grades.filter((g) => g.semester <= '2025-2026-1').length);
    const entries = await entriesOf(h, run.runId);
    expect(entries.length).toBeGreaterThan(0);
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
    expect(comparable(await entriesOf(h, b.runId))).toEqual(comparable(await entriesOf(h, a.runId)));
  });

  it('filters the review by class, level and change', async () => {
    const run = await h.ok(p.clerkUser, 'warnings', 'run', { semester: '2025-2026-1' });
    const all = await h.ok(p.clerkUser, 'warnings', 'review', { runId: run.runId });
    const classId = all.entries[0]?.classId ?? '';
    const byClass = await h.ok(p.clerkUser, 'warnings', 'review', { runId: run.runId, classId });
    expect(byClass.entries.length).toBe(all.entries.filter((e) => e.classId === classId).length);
    expect(byClass.total).toBe(all.entries.length);
    const byLevel = await h.ok(p.clerkUser, 'warnings', 'review', { runId: run.runId, level: 'written' });
    expect(byLevel.entries.every((e) => e.level === 'written')).toBe(true);
    expect(byLevel.entries.length).toBe(run.levels.find((l) => l.level === 'written')?.count);
    const lifted = await h.ok(p.clerkUser, 'warnings', 'review', { runId: run.runId, change: 'lifted' });
    expect(lifted.entries).toEqual([]);
    expect(all.levels.map((l) => l.id)).toEqual(['warning', 'oral', 'written']);
    const page = await h.ok(p.clerkUser, 'warnings', 'review', { runId: run.runId, skip: 5, limit: 5 });
    expect(page.entries).toEqual(all.entries.slice(5, 10));
    expect(page).toMatchObject({ matched: all.entries.length, total: all.entries.length });
    expect(all.canPublish).toBe(true);
  });

  it('lets a department head review only the classes of their department; a leader reviews but cannot publish', async () => {
    const run = await h.ok(p.clerkUser, 'warnings', 'run', { semester: '2025-2026-1' });
    const dept = await h.ok('t-dept-bioeng', 'warnings', 'review', { runId: run.runId });
    const bioeng = new Set(h.demo.classes.filter((c) => c.departmentId === 'bioeng').map((c) => c._id));
    expect(dept.entries.length).toBeGreaterThan(0);
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
    expect(all.courses.every((c) => c.failRate > 0.15 && c.departmentName.length > 0)).toBe(true);
    const dept = await h.ok('t-dept-bioeng', 'warnings', 'courseAnalysis', { runId: run.runId });
    expect(dept.courses.every((c) => c.departmentId === 'bioeng')).toBe(true);
    expect(dept.courses.length).toBeLessThanOrEqual(all.courses.length);
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
