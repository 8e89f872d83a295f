import { systemClock } from '../core/time/clock';
import { wechatSender } from '../platform/messenger/wechat-sender';
import { openCloudbaseStore } from '../platform/store/cloudbase-store';
import type { Store } from '../platform/store/store';
import { runScheduler } from './run';
import { loadWxCloud } from './wx-cloud';

let store: Store | null = null;

function isTimerEvent(event: unknown): boolean {
  return typeof event === 'object' && event !== null && (Reflect.get(event, 'Type') === 'Timer' || typeof Reflect.get(event, 'TriggerName') === 'string');
}

/**
 * CloudBase entry, run by the timer trigger in config.json every minute. Only timer events act:
 * a mini-program calling this function by name gets nothing done.
 */
export const main = async (event: unknown) => {
  if (!isTimerEvent(event)) return { ok: false, code: 'ACTION.UNKNOWN', message: '仅由定时触发器调用' };
  store ??= openCloudbaseStore();
  const cloud = loadWxCloud();
  const result = await runScheduler(store, systemClock, wechatSender(cloud.openapi.subscribeMessage), `scheduler-${process.pid}-${Date.now().toString(36)}`);
  return { ok: true, data: result };
};
