import { openidFromWechatContext } from '../platform/identity/wechat-context';

/**
 * Whether CloudBase's timer trigger made this call. The event body alone proves nothing (a
 * mini-program can send `{ Type: 'Timer' }`), so a call that WeChat attributes to a user — an
 * OPENID in the context, or the `userInfo` the SDK adds to calls from the app — is never a timer.
 * A context the SDK cannot read is refused too.
 */
export function isTimerInvocation(event: unknown, context: unknown): event is object {
  if (typeof event !== 'object' || event === null) return false;
  if (Reflect.get(event, 'userInfo') !== undefined) return false;
  if (Reflect.get(event, 'Type') !== 'Timer' && typeof Reflect.get(event, 'TriggerName') !== 'string') return false;
  try {
    return openidFromWechatContext(context) === null;
  } catch {
    return false;
  }
}
