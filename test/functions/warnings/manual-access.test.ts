import { publishSettings } from '../../../cloudfunctions/application/publishing/publish-run';
import type { Grant } from '../../../types/domain';
import { DEMO_OPENID_PREFIX } from '../../../scripts/demo/generate';
import { demoPeople, openHarness, type Harness } from '../../support/harness';
import { entriesOf } from '../../support/warnings-runs';

/** A staff user of another college (the demo has one college), to check college boundaries. */
async function addUser(h: Harness, userId: string, grants: Grant[]): Promise<string> {
  await h.store.add(
    'users',
    { _id: userId, openid: DEMO_OPENID_PREFIX + userId, name: '外院老师', grants },
    { by: 'test', at: '2026-11-23T09:00:00+08:00' },
  );
  return userId;
}

const denied = { ok: false, code: 'ACCESS.DENIED' };

describe("warnings: only the clerk takes students off the list (rules: 002-4.2.1, the project's reading)", () => {
  let h: Harness;
  let p: ReturnType<typeof demoPeople>;
  let runId: string;
  beforeAll(async () => {
    h = await openHarness();
    p = demoPeople(h.demo);
    runId = (await h.ok(p.clerkUser, 'warnings', 'run', { semester: '2025-2026-1', policyId: 'gxu-ee' })).runId;
  });
  afterAll(() => h.close());

  const ruleListed = async (n: number) => {
    const listed = (await entriesOf(h, runId)).filter(
      (e) => e.source === 'rules' && e.manual === null && e.classId === p.firstClass._id,
    );
    const entry = listed[n];
    if (!entry) throw new Error(`the first class has fewer than ${n + 1} students listed by the rules`);
    return entry;
  };
  const unlisted = async (n: number) => {
    const listed = new Set((await entriesOf(h, runId)).map((e) => e.studentId));
    const s = h.demo.students.filter((x) => x.classId === p.firstClass._id && !listed.has(x._id))[n];
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
    expect((await entriesOf(h, runId)).find((e) => e.studentId === entry.studentId)).toEqual(entry);
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
    const still = (await entriesOf(h, runId)).find((e) => e.studentId === entry.studentId);
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
    expect((await entriesOf(h, runId)).find((e) => e.studentId === s._id)).toMatchObject({
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
  let h: Harness;
  let p: ReturnType<typeof demoPeople>;
  beforeAll(async () => {
    h = await openHarness();
    p = demoPeople(h.demo);
  });
  afterAll(() => h.close());

  it('refuses manual changes between the calls of an interrupted publish, then publishes the list as it was', async () => {
    const run = await h.ok(p.clerkUser, 'warnings', 'run', { semester: '2025-2026-1', policyId: 'gxu-ee' });
    const entries = await entriesOf(h, run.runId);
    const listed = entries.find((e) => e.level !== null && e.classId === p.firstClass._id);
    const notListed = h.demo.students.find(
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
      expect(await entriesOf(h, run.runId)).toEqual(entries);
      let last = first;
      while (!last.done) last = await h.ok(p.clerkUser, 'warnings', 'publish', { runId: run.runId });
    } finally {
      publishSettings.budgetMs = saved;
    }
    expect(await h.store.count('warnings', { runId: run.runId })).toBe(entries.filter((e) => e.level !== null).length);
    await expect(
      h.callAs(p.clerkUser, 'warnings', 'clearManual', { runId: run.runId, studentId: listed.studentId }),
    ).resolves.toMatchObject({ ok: false, code: 'RUN.PUBLISHED' });
  });
});

describe('warnings: export and course analysis only for the run college', () => {
  let h: Harness;
  let p: ReturnType<typeof demoPeople>;
  let runId: string;
  beforeAll(async () => {
    h = await openHarness();
    p = demoPeople(h.demo);
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
    const dept = await h.ok('t-dept-bioeng', 'warnings', 'exportSummary', { runId });
    const bioeng = new Set(h.demo.classes.filter((c) => c.departmentId === 'bioeng').map((c) => c._id));
    const expected = (await entriesOf(h, runId)).filter(
      (e) => bioeng.has(e.classId) && (e.level !== null || e.change === 'lifted'),
    ).length;
    expect(dept.rows).toBe(expected);
    expect(dept.rows).toBeLessThan(all.rows);
    await expect(h.ok('t-dept-bioeng', 'warnings', 'courseAnalysis', { runId })).resolves.toMatchObject({ runId });
  });
});
