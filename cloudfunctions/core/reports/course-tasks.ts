import type { TaskState } from '../../../types/api/reports';
import type { Duty } from '../../../types/policy';
import type { CourseResult, TeacherResult } from '../rules';
import { shanghai } from '../time/shanghai';

/** rules: 003-3 gives no deadline; bistu-me's course-analysis duty says 30 days, used when a policy names none. */
export const DEFAULT_TASK_DAYS = 30;
/** Reminded this many days before the due date, as duties are. */
export const REMIND_BEFORE_DAYS = 3;

export type CourseTask = {
  _id: string;
  collegeId: string;
  semester: string;
  runId: string;
  subject: 'course' | 'teacher';
  subjectName: string;
  courseCodes: string[];
  departmentId: string | null;
  graded: number;
  failed: number;
  failRate: number;
  threshold: number;
  ownerId: string | null;
  ownerName: string | null;
  /** Last day (Shanghai date) the analysis and measures are due. */
  dueDate: string;
  analysis: string;
  measures: string;
  doneAt: string | null;
  history: { at: string; by: string; byName: string; done: boolean }[];
};

export type RunFacts = {
  runId: string;
  collegeId: string;
  semester: string;
  publishedAt: string;
  threshold: number;
  courses: readonly CourseResult[];
  teachers: readonly TeacherResult[];
  duties: readonly Duty[];
};

export const taskIdOf = (collegeId: string, semester: string, subject: 'course' | 'teacher', name: string) =>
  `ct:${collegeId}:${semester}:${subject}:${name}`;

/** The department's days from the policy's course-analysis duty, else the default. */
export function taskDays(duties: readonly Duty[]): number {
  return duties.find((d) => d.role === 'departmentHead' && d.withinDays !== undefined)?.withinDays ?? DEFAULT_TASK_DAYS;
}

/** One task per flagged course and per flagged teacher of a published run (rules: 003-3). */
export function tasksOfRun(
  run: RunFacts,
  ownerOf: (departmentId: string | null) => { id: string; name: string } | null,
): CourseTask[] {
  const dueDate = shanghai(run.publishedAt).add(taskDays(run.duties), 'day').format('YYYY-MM-DD');
  const base = {
    collegeId: run.collegeId,
    semester: run.semester,
    runId: run.runId,
    threshold: run.threshold,
    dueDate,
    analysis: '',
    measures: '',
    doneAt: null,
    history: [],
  };
  const owner = (d: string | null) => {
    const o = ownerOf(d);
    return { ownerId: o?.id ?? null, ownerName: o?.name ?? null };
  };
  return [
    ...run.courses
      .filter((c) => c.failRate > run.threshold)
      .map((c): CourseTask => ({
        ...base,
        _id: taskIdOf(run.collegeId, run.semester, 'course', c.courseCode),
        subject: 'course',
        subjectName: `${c.courseName}（${c.courseCode}）`,
        courseCodes: [c.courseCode],
        departmentId: c.departmentId,
        graded: c.graded,
        failed: c.failed,
        failRate: c.failRate,
        ...owner(c.departmentId),
      })),
    ...run.teachers
      .filter((t) => t.failRate > run.threshold)
      .map((t): CourseTask => ({
        ...base,
        _id: taskIdOf(run.collegeId, run.semester, 'teacher', t.teacherName),
        subject: 'teacher',
        subjectName: t.teacherName,
        courseCodes: [...t.courseCodes],
        departmentId: t.departmentId,
        graded: t.graded,
        failed: t.failed,
        failRate: t.failRate,
        ...owner(t.departmentId),
      })),
  ];
}

/** done once written as done; overdue after the due day ends (Shanghai); else due. */
export function taskState(task: Pick<CourseTask, 'doneAt' | 'dueDate'>, now: number): TaskState {
  if (task.doneAt !== null) return 'done';
  if (!/^\d{4}-\d{2}-\d{2}$/.test(task.dueDate)) throw new Error(`due date ${String(task.dueDate)} is not a date`);
  return now >= shanghai(`${task.dueDate}T00:00:00+08:00`).add(1, 'day').valueOf() ? 'overdue' : 'due';
}

export type TaskReminder = {
  key: string;
  taskId: string;
  toUserId: string;
  title: string;
  dueDate: string;
  overdue: boolean;
};

/** Open tasks within REMIND_BEFORE_DAYS of their due day, or past it: one message each (dedup by key). */
export function taskRemindersDue(tasks: readonly CourseTask[], now: number): TaskReminder[] {
  const out: TaskReminder[] = [];
  for (const t of tasks) {
    if (t.doneAt !== null || t.ownerId === null) continue;
    const state = taskState(t, now);
    const soon =
      now >=
      shanghai(`${t.dueDate}T00:00:00+08:00`)
        .subtract(REMIND_BEFORE_DAYS - 1, 'day')
        .valueOf();
    if (state === 'overdue')
      out.push({
        key: `${t._id}:overdue`,
        taskId: t._id,
        toUserId: t.ownerId,
        title: `课程分析：${t.subjectName}`,
        dueDate: t.dueDate,
        overdue: true,
      });
    else if (soon)
      out.push({
        key: `${t._id}:soon`,
        taskId: t._id,
        toUserId: t.ownerId,
        title: `课程分析：${t.subjectName}`,
        dueDate: t.dueDate,
        overdue: false,
      });
  }
  return out;
}
