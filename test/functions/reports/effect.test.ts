import { runAndPublish } from '../../support/build/warnings';
import type { EffectReport } from '../../../types/api/reports';
import type { Warning } from '../../../types/warning';
import { parseScore } from '../../../cloudfunctions/core/rules';
import { queryAll } from '../../../cloudfunctions/platform/store/store';
import { openEmptyHarness, SUITE_DATES, type EmptyHarness } from '../../support/harness';
import type { TwoClasses } from '../../support/build/two-classes';
import { seedWarnedClasses } from '../../support/build/reports';
import { readXlsx } from '../../support/xlsx-read';
import { talkInput } from '../../support/support-factories';
import { sentFrom } from '../../support/checkins-factories';

const S = '2025-2026-1';
const NEXT = '2025-2026-2';
const BUILT_AT = '2026-09-01T08:00:00.000+08:00';

/** The report's figures recomputed simply from the raw records, for the classes given. */
async function independent(h: EmptyHarness, classIds: Set<string>) {
  const all = (await queryAll(h.store, 'warnings')).filter((w) => classIds.has(w.classId) && w.status !== 'withdrawn');
  const latest = (semester: string) => {
    const m = new Map<string, Warning>();
    for (const w of all.filter((x) => x.semester === semester)) {
      const seen = m.get(w.studentId);
      if (!seen || w.publishedAt > seen.publishedAt) m.set(w.studentId, w);
    }
    return m;
  };
  const before = latest(S);
  const after = latest(NEXT);
  const students = new Set((await queryAll(h.store, 'students')).map((s) => s._id));
  const outcome = new Map<string, string>();
  for (const [id, w] of before) {
    const a = after.get(id);
    outcome.set(
      id,
      w.status === 'lifted'
        ? 'lifted'
        : a
          ? a.levelRank > w.levelRank
            ? 'escalated'
            : a.levelRank < w.levelRank
              ? 'deescalated'
              : 'kept'
          : students.has(id)
            ? 'kept'
            : 'left',
    );
  }
  const byClass = new Map<string, { warned: number; lifted: number }>();
  for (const [id, w] of before) {
    const c = byClass.get(w.classId) ?? { warned: 0, lifted: 0 };
    c.warned += 1;
    if (outcome.get(id) === 'lifted') c.lifted += 1;
    byClass.set(w.classId, c);
  }
  const grades = await queryAll(h.store, 'grades');
  const plans = await queryAll(h.store, 'studyPlans');
  const lines = new Map<string, { code: string; retaken: boolean; passed: boolean }[]>();
  for (const [id, w] of before) {
    const plan = plans.find((p) => p.warningId === w._id);
    const codes = plan ? plan.lines.map((l) => l.courseCode) : w.failedCourses.map((c) => c.code);
    lines.set(
      id,
      codes.map((code) => {
        const later = grades
          .filter((g) => g.studentId === id && g.courseCode === code && g.semester > S)
          .map((g) => parseScore(g.score, 60).outcome);
        return { code, retaken: later.some((o) => o !== 'none'), passed: later.includes('pass') };
      }),
    );
  }
  const talks = await queryAll(h.store, 'talks');
  const talkCount = new Map<string, number>();
  for (const [id, w] of before) {
    const until = after.get(id)?.publishedAt ?? '9999';
    talkCount.set(id, talks.filter((t) => t.studentId === id && t.at >= w.publishedAt && t.at < until).length);
  }
  const contacts = (await queryAll(h.store, 'dutyRecords')).filter((r) => r.kind === 'parentContact');
  const contactCount = new Map<string, number>();
  for (const [id, w] of before)
    contactCount.set(id, contacts.filter((r) => r.studentId === id && r.at >= w.publishedAt).length);
  return { before, after, outcome, byClass, lines, talkCount, contactCount };
}

describe('帮扶效果分析报告 (issue 14)', () => {
  let h: EmptyHarness;
  let p: TwoClasses;
  beforeAll(async () => {
    h = await openEmptyHarness(SUITE_DATES.termTime);
    // Three warned in S; in NEXT one lifted, one kept, one escalated (seedWarnedClasses).
    p = await seedWarnedClasses(h.store, BUILT_AT, S, NEXT);
    await runAndPublish(h, S);
    // A counselor talks with a warned student of their class between the two lists.
    const warned = (await queryAll(h.store, 'warnings')).find((w) => w.classId === p.firstClass._id);
    if (!warned) throw new Error('no warned student in the first class');
    h.clock.advance(86_400_000);
    await h.ok(
      p.counselorUser,
      'support',
      'recordTalk',
      talkInput(warned.studentId, { at: h.clock.now().toISOString() }),
    );
    // And calls the parent (a check-in): the report counts it from the class's duty digest.
    await h.ok(p.counselorUser, 'checkins', 'parentContact', {
      ...sentFrom(h.clock),
      studentId: warned.studentId,
      channel: '电话',
      notes: '沟通学习情况',
    });
    h.clock.advance(86_400_000);
    await runAndPublish(h, NEXT);
  });
  afterAll(() => h.close());

  it("every figure of the leader's report matches a computation from the raw records", async () => {
    const report: EffectReport = await h.ok(p.leaderUser, 'reports', 'effect', { semester: S });
    const classes = await queryAll(h.store, 'classes');
    const x = await independent(h, new Set(classes.map((c) => c._id)));
    expect(report.ready).toBe(true);
    expect(report.students.length).toBe(x.before.size);
    expect(report.students.length).toBe(3);
    for (const s of report.students) {
      expect(s.outcome).toBe(x.outcome.get(s.studentId));
      expect(s.lines.map((l) => ({ code: l.courseCode, retaken: l.retaken, passed: l.passed }))).toEqual(
        x.lines.get(s.studentId),
      );
      expect(s.support.talks).toBe(x.talkCount.get(s.studentId));
      // Parent contacts: the check-ins (meetings with parents count too, none here).
      expect(s.support.parentContacts).toBe(x.contactCount.get(s.studentId));
    }
    expect(report.students.some((s) => s.support.talks > 0)).toBe(true);
    expect(report.students.some((s) => s.support.parentContacts > 0)).toBe(true);
    // Several kinds of outcome occur, so the rates are not trivially 0 or 1.
    expect(new Set(report.students.map((s) => s.outcome)).size).toBeGreaterThan(1);
    const outcomeOf = (id: string) => report.students.find((s) => s.studentId === id)?.outcome;
    expect([outcomeOf(p.student._id), outcomeOf(p.classmate._id), outcomeOf(p.outsider._id)]).toEqual([
      'lifted',
      'kept',
      'escalated',
    ]);
    for (const row of report.byClass) {
      const c = x.byClass.get(row.key);
      expect({ warned: row.warned, lifted: row.lifted }).toEqual(c);
      expect(row.rate).toBeCloseTo((c?.lifted ?? 0) / (c?.warned ?? 1), 4);
    }
    const warned = [...x.byClass.values()].reduce((n, c) => n + c.warned, 0);
    const lifted = [...x.byClass.values()].reduce((n, c) => n + c.lifted, 0);
    expect(report.college).toMatchObject({ warned, lifted });
    expect(report.college.rate).toBeCloseTo(lifted / warned, 4);
    // By counselor: the sum over their classes.
    for (const row of report.byCounselor) {
      const theirs = classes
        .filter((c) => c.counselorId === row.key)
        .map((c) => x.byClass.get(c._id) ?? { warned: 0, lifted: 0 });
      expect(row.warned).toBe(theirs.reduce((n, c) => n + c.warned, 0));
      expect(row.lifted).toBe(theirs.reduce((n, c) => n + c.lifted, 0));
    }
    for (const row of report.byDepartment) {
      const theirs = classes
        .filter((c) => c.departmentId === row.key)
        .map((c) => x.byClass.get(c._id) ?? { warned: 0, lifted: 0 });
      expect(row.warned).toBe(theirs.reduce((n, c) => n + c.warned, 0));
    }
    // Staff: warnings in their classes this semester and next, and the reduction.
    for (const row of report.staff.filter((r) => r.role === '班主任')) {
      const theirs = new Set(classes.filter((c) => c.headTeacherId === row.staffId).map((c) => c._id));
      const before = [...x.before.values()].filter((w) => theirs.has(w.classId)).length;
      const after = [...x.after.values()].filter((w) => theirs.has(w.classId)).length;
      expect(row).toMatchObject({ warnedBefore: before, warnedAfter: after, reduction: before - after });
    }
    // Warnings by level: the next semester's count of each level.
    const nextCounts = new Map<string, number>();
    for (const w of x.after.values()) nextCounts.set(w.level, (nextCounts.get(w.level) ?? 0) + 1);
    for (const l of report.levels.filter((r) => r.semester === NEXT)) expect(l.count).toBe(nextCounts.get(l.level));
    expect(report.trend.map((t) => t.semester)).toEqual([S]);
  });

  it('a counselor sees only their classes; a department head only their department', async () => {
    const mine = await h.ok(p.counselorUser, 'reports', 'effect', { semester: S });
    const classes = await queryAll(h.store, 'classes');
    const own = new Set(
      classes.filter((c) => c.counselorId === p.counselorUser || c.headTeacherId === p.counselorUser).map((c) => c._id),
    );
    expect(mine.students.length).toBeGreaterThan(0);
    expect(mine.students.every((s) => own.has(s.classId))).toBe(true);
    const dept = await h.ok('t-dept-bioeng', 'reports', 'effect', { semester: S });
    const inDept = new Set(classes.filter((c) => c.departmentId === 'bioeng').map((c) => c._id));
    expect(dept.byClass.every((r) => inDept.has(r.key))).toBe(true);
    const x = await independent(h, inDept);
    expect(dept.college.warned).toBe(x.before.size);
  });

  it('students, parents, assistants and course teachers are refused', async () => {
    await h.store.add(
      'users',
      {
        _id: 't-course-teacher',
        openid: 'demo:t-course-teacher',
        name: '任课教师',
        grants: [{ role: 'courseTeacher', courseCodes: ['MA1011'] }],
      },
      { by: 'test', at: '2026-11-25T10:00:00+08:00' },
    );
    for (const user of [p.studentUser, p.parentUser, p.assistantUser, 't-course-teacher']) {
      expect(await h.callAs(user, 'reports', 'effect', { semester: S })).toMatchObject({
        ok: false,
        code: 'ACCESS.DENIED',
      });
      expect(await h.callAs(user, 'reports', 'effectXlsx', { semester: S })).toMatchObject({
        ok: false,
        code: 'ACCESS.DENIED',
      });
    }
    expect(await h.callAs(p.leaderUser, 'reports', 'effect', { semester: '2025-13' })).toMatchObject({
      ok: false,
      code: 'INPUT.INVALID',
      field: 'semester',
    });
  });

  it('the xlsx holds the students and the rates of the screen', async () => {
    const report = await h.ok(p.leaderUser, 'reports', 'effect', { semester: S });
    const file = await h.ok(p.leaderUser, 'reports', 'effectXlsx', { semester: S });
    expect(file.fileName).toBe(`帮扶效果分析报告-${S}.xlsx`);
    const sheets = await readXlsx(file.base64);
    expect(sheets.map((s) => s.name)).toEqual([
      '学生明细',
      '按班级',
      '按辅导员',
      '按班主任',
      '按系',
      '学期对比',
      '人员绩效',
    ]);
    const students = sheets[0]?.rows.slice(2) ?? [];
    expect(students.map((r) => r[0])).toEqual(report.students.map((s) => s.studentId));
    const classes = sheets[1]?.rows.slice(2) ?? [];
    expect(classes.map((r) => [r[0], r[1], r[2], r[7]])).toEqual(
      report.byClass.map((c) => [c.name, String(c.warned), String(c.lifted), `${(c.rate * 100).toFixed(1)}%`]),
    );
  });

  it('before the next list is out the outcomes are pending, not lifted', async () => {
    const early = await openEmptyHarness(SUITE_DATES.termTime);
    try {
      await seedWarnedClasses(early.store, BUILT_AT, S);
      await runAndPublish(early, S);
      const report = await early.ok('t-leader', 'reports', 'effect', { semester: S });
      expect(report.ready).toBe(false);
      expect(report.students.length).toBe(3);
      expect(report.students.every((st) => st.outcome === 'pending')).toBe(true);
      expect(report.college.rate).toBe(0);
    } finally {
      await early.close();
    }
  });
});
