import { taskRemindersDue } from '../../core/reports/course-tasks';
import type { Clock } from '../../core/time/clock';
import { toIso } from '../../core/time/shanghai';
import { enqueue } from '../../platform/messenger/outbox';
import { usersByIds } from '../../platform/directory/directory';
import { queryAll, type Store } from '../../platform/store/store';
import { passTasksToOwners, isActingOwner } from './course-task-owners';

export const TASK_REMINDER_WRITER = 'system:course-task-reminders';

/** What the reminder asks (a WeChat thing field: at most 20 characters). */
function noteOf(overdue: boolean, acting: boolean): string {
  if (acting) return overdue ? '已逾期；该系未任命系主任，由您代管' : '该系未任命系主任，由您代管，请督办';
  return overdue ? '已逾期，请尽快填写原因分析与改进措施' : '请在截止前填写原因分析与改进措施';
}

/**
 * The scheduler's pass: tasks a leader stood in for pass to a head appointed since; then a
 * message to the owner when a task is about to be due or is overdue (once each). A leader
 * standing in is told the department has no head.
 */
export async function queueCourseTaskReminders(
  store: Store,
  clock: Clock,
): Promise<{ reminders: number; queued: number }> {
  const now = clock.now().getTime();
  const at = toIso(clock.now());
  const stored = await queryAll(store, 'courseTasks', { where: { doneAt: null } });
  const open = await passTasksToOwners(
    store,
    stored,
    await usersByIds(
      store,
      stored.flatMap((t) => (t.ownerId ? [t.ownerId] : [])),
    ),
    { by: TASK_REMINDER_WRITER, at },
  );
  const due = taskRemindersDue(open, now);
  const owners = await usersByIds(
    store,
    due.map((d) => d.toUserId),
  );
  const tasks = new Map(open.map((t) => [t._id, t]));
  let queued = 0;
  for (const r of due) {
    const owner = owners.get(r.toUserId);
    const task = tasks.get(r.taskId);
    if (!owner || !task) continue;
    const acting = isActingOwner(task, owner);
    // A leader's reminders as stand-in are their own: a head appointed later is still reminded.
    const key = acting ? `${r.key}:acting` : r.key;
    if (await store.get('outbox', `msg:${key}`)) continue;
    const entry = {
      key,
      kind: 'dutyDueSoon' as const,
      toUserId: owner._id,
      toOpenid: owner.openid,
      page: 'packages/reports/tasks/index',
      data: {
        duty: r.title.slice(0, 20),
        deadline: r.dueDate,
        remaining: '1',
        note: noteOf(r.overdue, acting),
      },
      subjectId: r.taskId,
    };
    if (await store.transaction((tx) => enqueue(tx, entry, { by: TASK_REMINDER_WRITER, at }))) queued += 1;
  }
  return { reminders: due.length, queued };
}
