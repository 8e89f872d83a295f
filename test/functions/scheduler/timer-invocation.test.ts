import { main } from '../../../cloudfunctions/scheduler/index';
import { isTimerInvocation } from '../../../cloudfunctions/scheduler/timer-invocation';

/** Contexts as CloudBase passes them: the WeChat caller (if any) is in `environment` / `environ`. */
const timerContext = {
  request_id: 'r1',
  function_name: 'scheduler',
  environment: JSON.stringify({ SCF_NAMESPACE: 'env-1', TRIGGER_SRC: 'timer' }),
};
const appContext = {
  request_id: 'r2',
  function_name: 'scheduler',
  environment: JSON.stringify({ WX_OPENID: 'o-student-1', WX_APPID: 'wx123', SCF_NAMESPACE: 'env-1' }),
};
const oldAppContext = { request_id: 'r3', function_name: 'scheduler', environ: 'WX_OPENID=o-student-2;WX_APPID=wx123' };
const timerEvent = { Type: 'Timer', TriggerName: 'send-outbox', Time: '2026-11-23T01:00:00Z', Message: '' };

describe('only the timer trigger runs the scheduler', () => {
  it.each<[string, unknown, unknown, boolean]>([
    ['a timer event in a timer context', timerEvent, timerContext, true],
    ['the hourly timer', { ...timerEvent, TriggerName: 'duty-reminders' }, timerContext, true],
    ['a timer-shaped event sent from the app (OPENID in the context)', timerEvent, appContext, false],
    ['a timer-shaped event sent from the app (old-style context)', timerEvent, oldAppContext, false],
    [
      'a timer-shaped event carrying the app’s userInfo',
      { ...timerEvent, userInfo: { appId: 'wx123', openId: 'o-student-1' } },
      timerContext,
      false,
    ],
    ['an ordinary call', { action: 'send' }, timerContext, false],
    ['no event', null, timerContext, false],
    ['a context the SDK cannot read', timerEvent, { request_id: 'r4' }, false],
  ])('%s → %s', (_name, event, context, expected) => {
    expect(isTimerInvocation(event, context)).toBe(expected);
  });

  it.each<[string, unknown, unknown]>([
    ['OPENID in the context', timerEvent, appContext],
    ['userInfo in the event', { Type: 'Timer', userInfo: { openId: 'o-student-1' } }, timerContext],
  ])('the cloud entry refuses a mini-program call dressed as a timer (%s)', async (_name, event, context) => {
    expect(await main(event, context)).toEqual({ ok: false, code: 'ACTION.UNKNOWN', message: '仅由定时触发器调用' });
  });
});
