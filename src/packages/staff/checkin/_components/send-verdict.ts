import { Errors } from '../../../../../types/errors';

/**
 * What a failed send means for a check-in waiting on the phone. Only a refusal of the check-in
 * itself is final (bad input, no access to that class or dorm, a dorm or student that is not
 * there): resending the same thing cannot succeed, so it leaves the queue with a notice. Anything
 * about the moment — no network, an expired session (AUTH.REQUIRED), a concurrent write
 * (STORE.VERSION_CONFLICT), a server fault, a code this app version does not know — keeps it
 * queued: a duty record must not be lost because the session ran out in a dorm corridor.
 * `code` is null when the send never got an answer (offline, timeout).
 */
export type SendVerdict = 'keep' | 'drop';

const FINAL = new Set<string>([
  Errors.common.InputInvalid,
  Errors.common.AccessDenied,
  Errors.common.NotFound,
  ...Object.values(Errors.checkins),
]);

export function sendVerdict(code: string | null): SendVerdict {
  if (code === null) return 'keep';
  return FINAL.has(code) ? 'drop' : 'keep';
}

/** Why it is still waiting, in words for the person holding the phone. */
export function keptReason(code: string | null, message: string): string {
  if (code === Errors.common.AuthRequired) return '登录已过期，请重新登录后补交';
  if (code === null) return '网络不可用';
  return message;
}
