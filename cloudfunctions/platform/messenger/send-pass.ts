import type { MessagesConfig } from '../../../types/messages-config';
import { messagesConfig } from '../../core/messages/config';
import { outcomeOf } from '../../core/messages/send-outcome';
import type { Clock } from '../../core/time/clock';
import { toIso } from '../../core/time/shanghai';
import { instantProblem } from '../../../types/fields';
import { claim, dueRows, markResult, unreadableTimeRows, type OutboxRow } from './outbox';
import type { Store, Stored } from '../store/store';
import type { MessageSender } from './sender';

export type SendPassResult = { sent: number; refused: number; failed: number; retried: number; lost: number };

/**
 * One pass of the sender: each due row is claimed (version-checked, with a lease), sent, and its
 * result recorded. Rows are claimed one at a time, so a crash strands at most one row, until its
 * lease lapses. A row marked sent, refused or failed is never picked again.
 */
export async function sendDue(
  store: Store,
  sender: MessageSender,
  clock: Clock,
  claimer: string,
  config: MessagesConfig = messagesConfig,
): Promise<SendPassResult> {
  const result: SendPassResult = { sent: 0, refused: 0, failed: 0, retried: 0, lost: 0 };
  const { sending } = config;
  const due = await dueRows(store, toIso(clock.now()), sending.batchSize);
  const unreadable = (row: OutboxRow) => instantProblem(row.sendAfter, '发送时间') !== null;
  result.failed += await failUnreadable(store, clock, claimer, [
    ...(await unreadableTimeRows(store, sending.batchSize)),
    ...due.filter(unreadable),
  ]);
  for (const row of due.filter((r) => !unreadable(r))) {
    const claimedAt = clock.now();
    const claimed = await claim(
      store,
      row,
      claimer,
      toIso(claimedAt),
      toIso(new Date(claimedAt.getTime() + sending.leaseMs)),
    );
    if (!claimed) continue;
    const answer = await sender.send(claimed, toIso(clock.now()));
    const now = clock.now();
    const nowIso = toIso(now);
    const outcome = outcomeOf(answer, claimed.attempts, now.getTime(), sending, nowIso);
    const marked = await markResult(
      store,
      claimed,
      {
        status: outcome.status,
        attempts: outcome.attempts,
        response: { errcode: answer.errcode, errmsg: answer.errmsg, at: nowIso },
        claimedUntil: nowIso,
        ...(outcome.lastError !== undefined ? { lastError: outcome.lastError } : {}),
        ...(outcome.sentAt !== undefined ? { sentAt: outcome.sentAt } : {}),
        ...(outcome.sendAfterMs !== undefined ? { sendAfter: toIso(new Date(outcome.sendAfterMs)) } : {}),
      },
      claimer,
      nowIso,
    );
    if (!marked) result.lost += 1;
    else if (outcome.status === 'sent') result.sent += 1;
    else if (outcome.status === 'refused') result.refused += 1;
    else if (outcome.status === 'failed') result.failed += 1;
    else result.retried += 1;
  }
  return result;
}

/**
 * A row stored with a send time nobody can read (by an older version, or by hand) would stay
 * pending forever or go out at once: it is marked failed with the reason, which its owner sees.
 */
async function failUnreadable(store: Store, clock: Clock, claimer: string, rows: Stored<OutboxRow>[]): Promise<number> {
  const nowIso = toIso(clock.now());
  let failed = 0;
  for (const row of rows) {
    const claimed = await claim(store, row, claimer, nowIso, nowIso);
    if (!claimed) continue;
    const reason = `发送时间无效（${String(row.sendAfter).slice(0, 40)}），未发送`;
    if (
      await markResult(
        store,
        claimed,
        { status: 'failed', attempts: claimed.attempts, lastError: reason, claimedUntil: nowIso },
        claimer,
        nowIso,
      )
    )
      failed += 1;
  }
  return failed;
}
