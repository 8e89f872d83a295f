import { taskRemindersDue } from '../../core/reports/course-tasks';
import type { Clock } from '../../core/time/clock';
import { toIso } from '../../core/time/shanghai';
import { enqueue } from '../../platform/messenger/outbox';
import { queryAll, type Store } from '../../platform/store/store';

export const TASK_REMINDER_WRITER = 'system:course-task-reminders';

/** The scheduler's pass: a message to the owner when a task is about to be due or is overdue (once each). */
export async function queueCourseTaskReminders(
  store: Store,
  clock: Clock,
): Promise<{ reminders: number; queued: number }> {
  const now = clock.now().getTime();
  const at = toIso(clock.now());
  const open = await queryAll(store, 'courseTasks', { where: { doneAt: null } });
  const due = taskRemindersDue(open, now);
  const owners = new Map(
    (await queryAll(store, 'users', { where: { _id: { in: [...new Set(due.map((d) => d.toUserId))] } } })).map((u) => [
      u._id,
      u,
    ]),
  );
  let queued = 0;
  for (const r of due) {
    const owner = owners.get(r.toUserId);
    if (!owner || (await store.get('outbox', `msg:${r.key}`))) continue;
    const entry = {
      key: r.key,
      kind: 'dutyDueSoon' as const,
      toUserId: owner._id,
      toOpenid: owner.openid,
      page: 'packages/reports/tasks/index',
      data: {
        duty: r.title.slice(0, 20),
        deadline: r.dueDate,
        remaining: '1',
        note: r.overdue ? '已逾期，请尽快填写原因分析与改进措施' : '请在截止前填写原因分析与改进措施',
      },
      subjectId: r.taskId,
    };
    if (await store.transaction((tx) => enqueue(tx, entry, { by: TASK_REMINDER_WRITER, at }))) queued += 1;
  }
  return { reminders: due.length, queued };
}
