import { publishSettings } from '../../../cloudfunctions/application/publishing/publish-run';
import type { Grant } from '../../../types/domain';
import { DEMO_OPENID_PREFIX } from '../../../scripts/demo/generate';
import { openEmptyHarness, type EmptyHarness } from '../../support/harness';
import type { CollegeBuilder } from '../../support/build/college';
import { seedTwoClasses, type TwoClassesDraft, type TwoClasses } from '../../support/build/two-classes';
import { runEntries, sat, twoSemesters } from '../../support/build/warnings';

const AT = '2026-09-01T08:00:00.000+08:00';

/**
 * 2025-2026-1 under gxu-ee: 孙一鸣 and 钱二妹 fail MF1 and MF2 after the make-up (cumulative GPA 0,
 * listed by the rules); 赵三强 passes both (unlisted) — 生工251班 has two listed and one unlisted.
 */
function twoListedOneNot(b: CollegeBuilder, c: TwoClassesDraft): void {
  const course = (code: string) => ({ code, semester: '2025-2026-1', departmentId: 'bioeng' });
  for (const s of [c.student, c.classmate]) {
    sat(b, s, course('MF1'), { regular: '40', makeup: '50' });
    sat(b, s, course('MF2'), { regular: '40', makeup: '50' });
  }
  sat(b, c.third, course('MF1'), { regular: '85' });
  sat(b, c.third, course('MF2'), { regular: '90' });
}

/** A staff user of another college (the built college is the only one), to check college boundaries. */
async function addUser(h: EmptyHarness, userId: string, grants: Grant[]): Promise<string> {
  await h.store.add(
    'users',
    { _id: userId, openid: DEMO_OPENID_PREFIX + userId, name: '外院老师', grants },
    { by: 'test', at: '2026-11-23T09:00:00+08:00' },
  );
  return userId;
}

const denied = { ok: false, code: 'ACCESS.DENIED' };

describe("warnings: only the clerk takes students off the list (rules: 002-4.2.1, the project's reading)", () => {
  let h: EmptyHarness;
  let p: TwoClasses;
  let runId: string;
  beforeAll(async () => {
    h = await openEmptyHarness();
    p = await seedTwoClasses(h.store, AT, twoListedOneNot);
    runId = (await h.ok(p.clerkUser, 'warnings', 'run', { semester: '2025-2026-1', policyId: 'gxu-ee' })).runId;
  });
  afterAll(() => h.close());

  const ruleListed = async (n: number) => {
    const listed = (await runEntries(h, runId)).filter(
      (e) => e.source === 'rules' && e.manual === null && e.classId === p.firstClass._id,
    );
    const entry = listed[n];
    if (!entry) throw new Error(`the first class has fewer than ${n + 1} students listed by the rules`);
    return entry;
  };
  const unlisted = async (n: number) => {
    const listed = new Set((await runEntries(h, runId)).map((e) => e.studentId));
    const s = p.built.students.filter((x) => x.classId === p.firstClass._id && !listed.has(x._id))[n];
    if (!s) throw new Error('too few unlisted students in the class');
    return s;
  };

  it.each([
    ['the counselor', () => p.counselorUser],
    ['the head teacher', () => p.headTeacherUser],
  ])('denies %s removing a rule-listed student of their own class, and leaves the entry', async (_who, user) => {
    const entry = await ruleListed(0);
    await expect(
      h.callAs(user(), 'warnings', 'removeManual', { runId, studentId: entry.studentId, note: '我觉得不用警示' }),
    ).resolves.toMatchObject(denied);
    expect((await runEntries(h, runId)).find((e) => e.studentId === entry.studentId)).toEqual(entry);
  });

  it("denies class staff undoing or overwriting the clerk's removal; the clerk undoes it", async () => {
    const entry = await ruleListed(1);
    await h.ok(p.clerkUser, 'warnings', 'removeManual', { runId, studentId: entry.studentId, note: '学籍异动' });
    await expect(
      h.callAs(p.counselorUser, 'warnings', 'clearManual', { runId, studentId: entry.studentId }),
    ).resolves.toMatchObject(denied);
    await expect(
      h.callAs(p.headTeacherUser, 'warnings', 'clearManual', { runId, studentId: entry.studentId }),
    ).resolves.toMatchObject(denied);
    await expect(
      h.callAs(p.counselorUser, 'warnings', 'addManual', {
        runId,
        studentId: entry.studentId,
        level: 'warning',
        reason: 'attitude',
      }),
    ).resolves.toMatchObject(denied);
    const still = (await runEntries(h, runId)).find((e) => e.studentId === entry.studentId);
    expect(still).toMatchObject({ level: null, manual: { action: 'remove', by: p.clerkUser } });
    await expect(h.ok(p.clerkUser, 'warnings', 'clearManual', { runId, studentId: entry.studentId })).resolves.toEqual(
      entry,
    );
  });

  it("lets a counselor change their own addition but not a head teacher's, and neither may clear it", async () => {
    const s = await unlisted(0);
    await h.ok(p.counselorUser, 'warnings', 'addManual', {
      runId,
      studentId: s._id,
      level: 'warning',
      reason: 'attendance',
    });
    await expect(
      h.ok(p.counselorUser, 'warnings', 'addManual', {
        runId,
        studentId: s._id,
        level: 'probation',
        reason: 'attendance',
      }),
    ).resolves.toMatchObject({ level: 'probation' });
    await expect(
      h.callAs(p.headTeacherUser, 'warnings', 'addManual', {
        runId,
        studentId: s._id,
        level: 'warning',
        reason: 'mentalState',
      }),
    ).resolves.toMatchObject(denied);
    await expect(
      h.callAs(p.headTeacherUser, 'warnings', 'clearManual', { runId, studentId: s._id }),
    ).resolves.toMatchObject(denied);
    await expect(
      h.callAs(p.counselorUser, 'warnings', 'clearManual', { runId, studentId: s._id }),
    ).resolves.toMatchObject(denied);
    expect((await runEntries(h, runId)).find((e) => e.studentId === s._id)).toMatchObject({
      level: 'probation',
      manual: { by: p.counselorUser, reason: 'attendance' },
    });
    // The clerk may overwrite anyone's change.
    await expect(
      h.ok(p.clerkUser, 'warnings', 'addManual', { runId, studentId: s._id, level: 'warning', reason: 'attitude' }),
    ).resolves.toMatchObject({ level: 'warning', manual: { by: p.clerkUser } });
    await expect(h.ok(p.clerkUser, 'warnings', 'clearManual', { runId, studentId: s._id })).resolves.toBeNull();
  });

  it('denies the clerk of another college', async () => {
    const other = await addUser(h, 't-clerk-other', [{ role: 'clerk', collegeId: 'other' }]);
    const entry = await ruleListed(0);
    await expect(
      h.callAs(other, 'warnings', 'removeManual', { runId, studentId: entry.studentId, note: '外院操作' }),
    ).resolves.toMatchObject(denied);
    await expect(
      h.callAs(other, 'warnings', 'clearManual', { runId, studentId: entry.studentId }),
    ).resolves.toMatchObject(denied);
  });
});

describe('warnings: a run being published takes no changes', () => {
  let h: EmptyHarness;
  let p: TwoClasses;
  beforeAll(async () => {
    h = await openEmptyHarness();
    p = await seedTwoClasses(h.store, AT, twoListedOneNot);
  });
  afterAll(() => h.close());

  it('refuses manual changes between the calls of an interrupted publish, then publishes the list as it was', async () => {
    const run = await h.ok(p.clerkUser, 'warnings', 'run', { semester: '2025-2026-1', policyId: 'gxu-ee' });
    const entries = await runEntries(h, run.runId);
    const listed = entries.find((e) => e.level !== null && e.classId === p.firstClass._id);
    const notListed = p.built.students.find(
      (s) => s.classId === p.firstClass._id && !entries.some((e) => e.studentId === s._id),
    );
    if (!listed || !notListed) throw new Error('the first class has listed and unlisted students');
    const saved = publishSettings.budgetMs;
    publishSettings.budgetMs = -1; // one student per call
    try {
      const first = await h.ok(p.clerkUser, 'warnings', 'publish', { runId: run.runId });
      expect(first.done).toBe(false);
      const publishing = { ok: false, code: 'RUN.PUBLISHING' };
      await expect(
        h.callAs(p.clerkUser, 'warnings', 'removeManual', {
          runId: run.runId,
          studentId: listed.studentId,
          note: '发布中移出',
        }),
      ).resolves.toMatchObject(publishing);
      await expect(
        h.callAs(p.clerkUser, 'warnings', 'clearManual', { runId: run.runId, studentId: listed.studentId }),
      ).resolves.toMatchObject(publishing);
      await expect(
        h.callAs(p.counselorUser, 'warnings', 'addManual', {
          runId: run.runId,
          studentId: notListed._id,
          level: 'warning',
          reason: 'attitude',
        }),
      ).resolves.toMatchObject(publishing);
      expect(await runEntries(h, run.runId)).toEqual(entries);
      let last = first;
      while (!last.done) last = await h.ok(p.clerkUser, 'warnings', 'publish', { runId: run.runId });
    } finally {
      publishSettings.budgetMs = saved;
    }
    expect(await h.store.count('warnings', { runId: run.runId })).toBe(entries.filter((e) => e.level !== null).length);
    // 孙一鸣 and 钱二妹.
    expect(await h.store.count('warnings', { runId: run.runId })).toBe(2);
    await expect(
      h.callAs(p.clerkUser, 'warnings', 'clearManual', { runId: run.runId, studentId: listed.studentId }),
    ).resolves.toMatchObject({ ok: false, code: 'RUN.PUBLISHED' });
  });
});

describe('warnings: export and course analysis only for the run college', () => {
  let h: EmptyHarness;
  let p: TwoClasses;
  let runId: string;
  beforeAll(async () => {
    h = await openEmptyHarness();
    // Warned in 2025-2026-2 (twoSemesters, nothing published before): 孙一鸣 (bioeng) and 李四海 (food) for MF3 and FD3.
    p = await seedTwoClasses(h.store, AT, twoSemesters);
    runId = (await h.ok(p.clerkUser, 'warnings', 'run', { semester: '2025-2026-2' })).runId;
    await addUser(h, 't-clerk-other', [{ role: 'clerk', collegeId: 'other' }]);
    await addUser(h, 't-leader-other', [{ role: 'leader', collegeId: 'other' }]);
    await addUser(h, 't-dept-other', [{ role: 'departmentHead', collegeId: 'other', departmentId: 'bioeng' }]);
  });
  afterAll(() => h.close());

  it.each([
    ['the clerk of another college', () => 't-clerk-other'],
    ['a leader of another college', () => 't-leader-other'],
    ['a department head of another college (same department id)', () => 't-dept-other'],
    ['a counselor', () => p.counselorUser],
    ['a head teacher', () => p.headTeacherUser],
  ])('denies %s', async (_who, user) => {
    for (const action of ['exportSummary', 'courseAnalysis', 'review'] as const) {
      await expect(h.callAs(user(), 'warnings', action, { runId })).resolves.toMatchObject(denied);
    }
  });

  it('still serves the clerk, the leader and a department head of the college (their department only)', async () => {
    const all = await h.ok(p.clerkUser, 'warnings', 'exportSummary', { runId });
    await expect(h.ok(p.leaderUser, 'warnings', 'exportSummary', { runId })).resolves.toMatchObject({ rows: all.rows });
    const dept = await h.ok(p.departmentHeadUser, 'warnings', 'exportSummary', { runId });
    const bioeng = new Set(p.built.classes.filter((c) => c.departmentId === 'bioeng').map((c) => c._id));
    const expected = (await runEntries(h, runId)).filter(
      (e) => bioeng.has(e.classId) && (e.level !== null || e.change === 'lifted'),
    ).length;
    expect(dept.rows).toBe(expected);
    expect([dept.rows, all.rows]).toEqual([1, 2]);
    expect(dept.rows).toBeLessThan(all.rows);
    await expect(h.ok(p.departmentHeadUser, 'warnings', 'courseAnalysis', { runId })).resolves.toMatchObject({ runId });
  });
});
