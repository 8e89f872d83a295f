import type { CourseTaskView, CourseTaskWrite } from '../../types/api/reports';
import type { College, User } from '../../types/domain';
import { authorizeList, isAllowed, rolesWith } from '../core/access/authorize';
import { AccessDeniedError, NotFoundError } from '../core/errors';
import { collegeOfActor, mayWriteCourseTask } from '../core/access/report-reach';
import { latestPublishedRun } from '../core/reports/published-run';
import { taskState, tasksOfRun, type CourseTask } from '../core/reports/course-tasks';
import { mapSurviving } from '../platform/runtime/skip-bad-records';
import type { Context } from '../platform/runtime/define-function';
import { queryAll, type Stored } from '../platform/store/store';
import { usersByIds } from '../platform/directory/directory';
import {
  passTasksToOwners,
  isActingOwner,
  loadCollegeOwners,
  ownerFor,
} from '../application/reports/course-task-owners';
import { loadRun } from '../application/repositories/runs';
import { policyOfRun } from '../core/publishing/run-state';

function collegeOf(ctx: Context): string {
  return collegeOfActor(ctx.actor);
}

/** Opens a task per flagged course and teacher of the semester's published list; again: nothing new. */
export async function openCourseTasks(ctx: Context, semester: string): Promise<{ opened: number; tasks: number }> {
  const collegeId = collegeOf(ctx);
  const runs = await queryAll(ctx.store, 'warningRuns', { where: { collegeId, semester, status: 'published' } });
  const latest = latestPublishedRun(runs, semester);
  const run = await loadRun(ctx.store, latest._id);
  const owners = await loadCollegeOwners(ctx.store, collegeId);
  const policy = policyOfRun(run);
  const tasks = tasksOfRun(
    {
      runId: run._id,
      collegeId,
      semester,
      publishedAt: latest.publishedAt,
      threshold: run.threshold,
      courses: run.courses,
      teachers: run.teachers,
      duties: policy.courseAnalysis.duties,
    },
    (d) => ownerFor(owners, d),
  );
  let opened = 0;
  const existing: Stored<CourseTask>[] = [];
  for (const task of tasks) {
    const kept = await ctx.store.get('courseTasks', task._id);
    if (kept) {
      existing.push(kept);
      continue;
    }
    await ctx.store.transaction(async (tx) => {
      if (await tx.get('courseTasks', task._id)) return;
      await tx.add('courseTasks', task, ctx.write());
      opened += 1;
    });
  }
  // Opening again also gives a head appointed since the tasks their leader was standing in for.
  await passTasksToOwners(ctx.store, existing, await usersByIds(ctx.store, ownerIdsOf(existing)), ctx.write());
  return { opened, tasks: tasks.length };
}

const ownerIdsOf = (tasks: readonly CourseTask[]) => tasks.flatMap((t) => (t.ownerId ? [t.ownerId] : []));

function viewOf(ctx: Context, t: CourseTask, college: College | null, owner: User | undefined): CourseTaskView {
  const resource = { collegeId: t.collegeId, ...(t.departmentId ? { departmentId: t.departmentId } : {}) };
  return {
    taskId: t._id,
    semester: t.semester,
    subject: t.subject,
    subjectName: t.subjectName,
    courseCodes: t.courseCodes,
    departmentId: t.departmentId,
    departmentName: college?.departments.find((d) => d.id === t.departmentId)?.name ?? '未注明院系',
    graded: t.graded,
    failed: t.failed,
    failRate: t.failRate,
    threshold: t.threshold,
    ownerName: t.ownerName,
    ownerActing: isActingOwner(t, owner),
    dueDate: t.dueDate,
    analysis: t.analysis,
    measures: t.measures,
    state: taskState(t, ctx.clock.now().getTime()),
    doneAt: t.doneAt,
    canWrite: isAllowed(ctx.actor, 'courseTasks.write', resource) && mayWriteCourseTask(ctx.actor, t),
  };
}

export async function listCourseTasks(
  ctx: Context,
  semester: string | undefined,
): Promise<{ tasks: CourseTaskView[]; canOpen: boolean }> {
  const collegeId = collegeOf(ctx);
  const college = await ctx.store.get('colleges', collegeId);
  const rows = await queryAll(ctx.store, 'courseTasks', { where: { collegeId, ...(semester ? { semester } : {}) } });
  const visible = rows.filter((t) =>
    isAllowed(ctx.actor, 'courseTasks.read', {
      collegeId: t.collegeId,
      ...(t.departmentId ? { departmentId: t.departmentId } : {}),
    }),
  );
  const owners = await usersByIds(ctx.store, ownerIdsOf(visible));
  const tasks = mapSurviving(
    'courseTasks',
    visible.sort((a, b) => a._id.localeCompare(b._id)),
    (t) => t._id,
    (t) => viewOf(ctx, t, college, t.ownerId ? owners.get(t.ownerId) : undefined),
  );
  return { tasks, canOpen: rolesWith(ctx.actor, 'courseTasks.open').length > 0 };
}

export async function taskResource(ctx: Context, taskId: string) {
  // Someone who could never write a task learns nothing about which ids exist.
  authorizeList(ctx.actor, 'courseTasks.write');
  const t = await ctx.store.get('courseTasks', taskId);
  if (!t) throw new NotFoundError('课程分析任务');
  return { collegeId: t.collegeId, ...(t.departmentId ? { departmentId: t.departmentId } : {}) };
}

/**
 * The department head writes the analysis and measures; done once marked so (audited in history).
 * A task without an owner, or one its leader stood in for, becomes the writing head's.
 */
export async function writeCourseTask(ctx: Context, input: CourseTaskWrite): Promise<CourseTaskView> {
  const w = ctx.write();
  const saved = await ctx.store.transaction(async (tx) => {
    const t = await tx.get('courseTasks', input.taskId);
    if (!t) throw new NotFoundError('课程分析任务');
    if (!mayWriteCourseTask(ctx.actor, t)) throw new AccessDeniedError();
    const doneAt = t.doneAt ?? (input.done ? w.at : null);
    if (t.analysis === input.analysis && t.measures === input.measures && t.doneAt === doneAt) return t;
    const history = [...t.history, { at: w.at, by: ctx.actor.userId, byName: ctx.actor.name, done: doneAt !== null }];
    const standIn = t.ownerId === null || isActingOwner(t, (await tx.get('users', t.ownerId)) ?? undefined);
    const patch = {
      analysis: input.analysis,
      measures: input.measures,
      doneAt,
      history,
      ...(standIn && t.ownerId !== ctx.actor.userId ? { ownerId: ctx.actor.userId, ownerName: ctx.actor.name } : {}),
    };
    await tx.update('courseTasks', t._id, patch, t._version, w);
    return { ...t, ...patch };
  });
  const college = await ctx.store.get('colleges', saved.collegeId);
  const owner = saved.ownerId ? ((await ctx.store.get('users', saved.ownerId)) ?? undefined) : undefined;
  return viewOf(ctx, saved, college, owner);
}
