import type { MessagesConfig } from '../../../types/messages-config';
import type { OutboxStatus } from '../../../types/message';

/** What WeChat (or the local inbox) answered for one send. errcode 0 = delivered. */
export type SendResult = { errcode: number; errmsg: string };

export type SendClass = 'sent' | 'refused' | 'permanent' | 'transient';

/** Not retried: the openid or the data is wrong, or the template id is missing from configuration. */
const PERMANENT = new Set([40003, 47003, 40037, 41028, 41029, 41030, 43104, -2]);

/**
 * 43101: the person has not subscribed (or used up their one-time consent) — a refusal the
 * counselor must see and work around; 40003 / 47003 and other request errors are permanent; the
 * rest (system busy −1, network, 45009 rate limit…) are transient and retried.
 */
export function classify(errcode: number): SendClass {
  if (errcode === 0) return 'sent';
  if (errcode === 43101) return 'refused';
  if (PERMANENT.has(errcode)) return 'permanent';
  return 'transient';
}

/** Exponential backoff: base, 2×base, 4×base… capped. Deterministic so tests and operators can predict it. */
export function backoffMs(attempt: number, sending: MessagesConfig['sending']): number {
  const exponent = Math.max(0, attempt - 1);
  return Math.min(sending.backoffMaxMs, sending.backoffBaseMs * 2 ** Math.min(exponent, 30));
}

export type OutcomePatch = {
  status: OutboxStatus;
  attempts: number;
  lastError?: string;
  sentAt?: string;
  /** Next try, for a transient failure with attempts left. */
  sendAfterMs?: number;
};

/** The row's next state after one send attempt (attempts counts this one). */
export function outcomeOf(
  result: SendResult,
  attemptsBefore: number,
  nowMs: number,
  sending: MessagesConfig['sending'],
  nowIso: string,
): OutcomePatch {
  const attempts = attemptsBefore + 1;
  const error = `${result.errcode} ${result.errmsg}`.trim();
  switch (classify(result.errcode)) {
    case 'sent':
      return { status: 'sent', attempts, sentAt: nowIso };
    case 'refused':
      return { status: 'refused', attempts, lastError: error };
    case 'permanent':
      return { status: 'failed', attempts, lastError: error };
    case 'transient':
      if (attempts >= sending.maxAttempts)
        return { status: 'failed', attempts, lastError: `${error}（已重试 ${attempts} 次）` };
      return { status: 'pending', attempts, lastError: error, sendAfterMs: nowMs + backoffMs(attempts, sending) };
  }
}
