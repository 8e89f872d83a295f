import { runAndPublish } from '../../support/build/warnings';
import { parseScore } from '../../../cloudfunctions/core/rules';
import { queryAll } from '../../../cloudfunctions/platform/store/store';
import { queueCourseTaskReminders } from '../../../cloudfunctions/application/reports/course-task-reminders';
import { openEmptyHarness, SUITE_DATES, type EmptyHarness } from '../../support/harness';
import type { TwoClasses } from '../../support/build/two-classes';
import { seedCourseGrades } from '../../support/build/reports';

const S = '2025-2026-1';
const BUILT_AT = '2026-09-01T08:00:00.000+08:00';

describe('course-improvement tasks (issue 14, rules: 003-3)', () => {
  let h: EmptyHarness;
  let p: TwoClasses;
  let runId: string;
  beforeAll(async () => {
    h = await openEmptyHarness(SUITE_DATES.termTime);
    // Four graded courses, three of them and both teachers over the threshold (COURSE_GRADES).
    p = await seedCourseGrades(h.store, BUILT_AT, S);
    runId = await runAndPublish(h, S);
  });
  afterAll(() => h.close());

  it('each course and teacher over the threshold becomes one task of its department; opening again adds nothing', async () => {
    const run = await h.store.get('warningRuns', runId);
    if (!run) throw new Error('no run');
    // Independent: the regular-exam fail rate of each course from the raw grade rows of the semester.
    const grades = await queryAll(h.store, 'grades');
    const tally = new Map<string, { graded: number; failed: number }>();
    for (const g of grades.filter((r) => r.semester === S && r.attempt === 'regular')) {
      const outcome = parseScore(g.score, 60).outcome;
      if (outcome === 'none') continue;
      const t = tally.get(g.courseCode) ?? { graded: 0, failed: 0 };
      t.graded += 1;
      if (outcome === 'fail') t.failed += 1;
      tally.set(g.courseCode, t);
    }
    const over = [...tally.entries()]
      .filter(([, t]) => t.failed / t.graded > run.threshold)
      .map(([code]) => code)
      .sort();
    const opened = await h.ok(p.leaderUser, 'reports', 'openCourseTasks', { semester: S });
    expect(opened.tasks).toBe(over.length + run.teachers.filter((t) => t.failRate > run.threshold).length);
    // MA1011, BI2001, FS1001 and the teachers 刘老师 and 陈老师.
    expect(over).toEqual(['BI2001', 'FS1001', 'MA1011']);
    expect(opened.tasks).toBe(5);
    expect(opened.opened).toBe(opened.tasks);
    expect(await h.ok(p.leaderUser, 'reports', 'openCourseTasks', { semester: S })).toEqual({
      opened: 0,
      tasks: opened.tasks,
    });

    const { tasks } = await h.ok(p.leaderUser, 'reports', 'courseTasks', { semester: S });
    expect(tasks).toHaveLength(opened.tasks);
    expect(
      tasks
        .filter((t) => t.subject === 'course')
        .map((t) => t.courseCodes[0])
        .sort(),
    ).toEqual(over);
    expect(tasks.every((t) => t.state === 'due' && t.failRate > t.threshold && t.dueDate === '2026-12-25')).toBe(true);
    const mine = (await h.ok('t-dept-bioeng', 'reports', 'courseTasks', { semester: S })).tasks;
    // bioeng's: MA1011, BI2001 and 刘老师; food's two stay with food.
    expect(mine).toHaveLength(3);
    expect(mine.every((t) => t.departmentId === 'bioeng' && t.canWrite)).toBe(true);
    // The leader writes only what they stand in for: food has no head (course-task-owner.test.ts).
    expect(tasks.filter((t) => t.canWrite).map((t) => t.departmentId)).toEqual(['food', 'food']);
  });

  it('the department head writes the analysis and measures; done is recorded with who and when', async () => {
    const [task] = (await h.ok('t-dept-bioeng', 'reports', 'courseTasks', { semester: S })).tasks;
    if (!task) throw new Error('no task');
    const bad = await h.callAs('t-dept-bioeng', 'reports', 'writeCourseTask', {
      taskId: task.taskId,
      analysis: '',
      measures: '加强习题课',
    });
    expect(bad).toMatchObject({ ok: false, code: 'INPUT.INVALID', field: 'analysis' });
    const done = await h.ok('t-dept-bioeng', 'reports', 'writeCourseTask', {
      taskId: task.taskId,
      analysis: '基础薄弱，缺课多',
      measures: '增设习题课与答疑',
      done: true,
    });
    expect(done).toMatchObject({
      state: 'done',
      analysis: '基础薄弱，缺课多',
      doneAt: '2026-11-25T10:00:00.000+08:00',
    });
    const stored = await h.store.get('courseTasks', task.taskId);
    expect(stored?.updatedBy).toBe('t-dept-bioeng');
    // The same again writes nothing.
    await h.ok('t-dept-bioeng', 'reports', 'writeCourseTask', {
      taskId: task.taskId,
      analysis: '基础薄弱，缺课多',
      measures: '增设习题课与答疑',
      done: true,
    });
    expect((await h.store.get('courseTasks', task.taskId))?.history).toHaveLength(1);
  });

  it('only the department head writes; class staff and students do not see tasks', async () => {
    const [task] = (await h.ok(p.leaderUser, 'reports', 'courseTasks', { semester: S })).tasks;
    for (const user of [p.leaderUser, p.counselorUser, p.clerkUser]) {
      expect(
        await h.callAs(user, 'reports', 'writeCourseTask', {
          taskId: task?.taskId ?? '',
          analysis: 'x',
          measures: 'y',
        }),
      ).toMatchObject({ ok: false, code: 'ACCESS.DENIED' });
    }
    for (const user of [p.counselorUser, p.headTeacherUser, p.studentUser]) {
      expect(await h.callAs(user, 'reports', 'courseTasks', { semester: S })).toMatchObject({
        ok: false,
        code: 'ACCESS.DENIED',
      });
      expect(await h.callAs(user, 'reports', 'openCourseTasks', { semester: S })).toMatchObject({
        ok: false,
        code: 'ACCESS.DENIED',
      });
    }
  });

  it('open tasks are reminded once before the due day and once when overdue, then shown overdue', async () => {
    expect((await queueCourseTaskReminders(h.store, h.clock)).queued).toBe(0);
    h.clock.advance(28 * 86_400_000); // 2026-12-23: within three days of the due day
    const soon = await queueCourseTaskReminders(h.store, h.clock);
    expect(soon.queued).toBeGreaterThan(0);
    expect((await queueCourseTaskReminders(h.store, h.clock)).queued).toBe(0);
    h.clock.advance(3 * 86_400_000); // 2026-12-26: overdue
    const late = await queueCourseTaskReminders(h.store, h.clock);
    expect(late.queued).toBe(soon.queued);
    const { tasks } = await h.ok(p.leaderUser, 'reports', 'courseTasks', { semester: S });
    expect(tasks.filter((t) => t.state === 'overdue')).toHaveLength(tasks.filter((t) => t.doneAt === null).length);
    const outbox = await queryAll(h.store, 'outbox');
    expect(outbox.filter((m) => m.kind === 'dutyDueSoon' && tasks.some((t) => t.taskId === m.subjectId))).toHaveLength(
      soon.queued * 2,
    );
  });
});

describe('course tasks survive one bad record', () => {
  it('a task without a readable due date is left out of the list, the others shown', async () => {
    const h = await openEmptyHarness(SUITE_DATES.termTime);
    try {
      await seedCourseGrades(h.store, BUILT_AT, S);
      await runAndPublish(h, S);
      const opened = await h.ok('t-leader', 'reports', 'openCourseTasks', { semester: S });
      const [first] = await queryAll(h.store, 'courseTasks');
      if (!first) throw new Error('no task');
      await h.store.update('courseTasks', first._id, { dueDate: 'soon' }, 1, {
        by: 'test',
        at: '2026-11-25T10:00:00+08:00',
      });
      const logged = jest.spyOn(console, 'error').mockImplementation(() => undefined);
      const { tasks } = await h.ok('t-leader', 'reports', 'courseTasks', { semester: S });
      logged.mockRestore();
      expect(tasks).toHaveLength(opened.tasks - 1);
    } finally {
      await h.close();
    }
  });
});
