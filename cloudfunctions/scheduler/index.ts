import { systemClock } from '../core/time/clock';
import { wechatSender } from '../platform/messenger/wechat-sender';
import { openCloudbaseStore } from '../platform/store/cloudbase-store';
import type { Store } from '../platform/store/store';
import { queueDutyReminders } from '../duties/reminders-job';
import { runScheduler } from './run';
import { loadWxCloud } from './wx-cloud';

let store: Store | null = null;

function isTimerEvent(event: unknown): event is object {
  return typeof event === 'object' && event !== null && (Reflect.get(event, 'Type') === 'Timer' || typeof Reflect.get(event, 'TriggerName') === 'string');
}

/**
 * CloudBase entry, run by the timer triggers in config.json: `send-outbox` every minute (deadline
 * messages, then the outbox), `duty-reminders` every hour (a whole college's duties are evaluated,
 * too heavy for every minute; the outbox key keeps one reminder per duty and window). Only timer
 * events act: a mini-program calling this function by name gets nothing done.
 */
export const main = async (event: unknown) => {
  if (!isTimerEvent(event)) return { ok: false, code: 'ACTION.UNKNOWN', message: '仅由定时触发器调用' };
  store ??= openCloudbaseStore();
  if (Reflect.get(event, 'TriggerName') === 'duty-reminders') return { ok: true, data: await queueDutyReminders(store, systemClock) };
  const cloud = loadWxCloud();
  const result = await runScheduler(store, systemClock, wechatSender(cloud.openapi.subscribeMessage), `scheduler-${process.pid}-${Date.now().toString(36)}`);
  return { ok: true, data: result };
};
