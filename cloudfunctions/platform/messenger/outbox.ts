import type { MessageKind, OutboxMessage } from '../../../types/message';
import type { TxStore, WriteContext } from '../store/store';

export const OUTBOX = 'outbox';

export type OutboxEntry = {
  /** Stable key: enqueuing the same key twice keeps one message (idempotent writes, one reminder per duty per period). */
  key: string;
  kind: MessageKind;
  toUserId: string;
  toOpenid: string;
  page: string;
  data: Record<string, string>;
  subjectId: string;
  /** ISO instant before which the message must not be sent (defaults to now). */
  sendAfter?: string;
};

/**
 * Puts a message in the outbox inside the caller's transaction, so the change and its message
 * land together or not at all; the scheduler sends it later. Returns false when the key exists.
 */
export async function enqueue(tx: TxStore, entry: OutboxEntry, ctx: WriteContext): Promise<boolean> {
  const id = `msg:${entry.key}`;
  if (await tx.get(OUTBOX, id)) return false;
  const message: OutboxMessage = {
    _id: id,
    kind: entry.kind,
    toUserId: entry.toUserId,
    toOpenid: entry.toOpenid,
    page: entry.page,
    data: entry.data,
    status: 'pending',
    attempts: 0,
    sendAfter: entry.sendAfter ?? ctx.at,
    subjectId: entry.subjectId,
  };
  await tx.add(OUTBOX, message, ctx);
  return true;
}
