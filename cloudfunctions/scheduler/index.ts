import { systemClock } from '../core/time/clock';
import { wechatSender } from '../platform/messenger/wechat-sender';
import { openCloudbaseStore } from '../platform/store/cloudbase-store';
import type { Store } from '../platform/store/store';
import { queueDutyReminders } from '../application/duties/reminders-job';
import { queueCourseTaskReminders } from '../application/reports/course-task-reminders';
import { hourlyWorkDue, runScheduler } from '../application/reminders/scheduler-tick';
import { isTimerInvocation } from './timer-invocation';
import { loadWxCloud } from './wx-cloud';

let store: Store | null = null;

/**
 * CloudBase entry, run by its one timer trigger (config/deployment.json) every minute: deadline
 * messages, then the outbox; at minute 0 also the duty reminders (a whole college's duties are
 * evaluated, too heavy for every minute; the outbox key keeps one reminder per duty and window).
 * Only timer invocations act: a mini-program calling this function by name (whatever it puts in
 * the event) gets nothing done.
 */
export const main = async (event: unknown, context?: unknown) => {
  if (!isTimerInvocation(event, context)) return { ok: false, code: 'ACTION.UNKNOWN', message: '仅由定时触发器调用' };
  store ??= openCloudbaseStore();
  const now = systemClock.now();
  const cloud = loadWxCloud();
  const result = await runScheduler(
    store,
    systemClock,
    wechatSender(cloud.openapi.subscribeMessage),
    `scheduler-${process.pid}-${now.getTime().toString(36)}`,
  );
  const reminders = hourlyWorkDue(now) ? await queueDutyReminders(store, systemClock) : null;
  const courseTasks = hourlyWorkDue(now) ? await queueCourseTaskReminders(store, systemClock) : null;
  return { ok: true, data: { ...result, reminders, courseTasks } };
};
