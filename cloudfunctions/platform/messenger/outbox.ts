import type { MessageKind, OutboxMessage } from '../../../types/message';
import type { OutboxDocument } from '../store/documents/outbox';
import {
  VersionConflictError,
  type Condition,
  type Store,
  type Stored,
  type TxStore,
  type WriteContext,
} from '../store/store';

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
  if (await tx.get('outbox', id)) return false;
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
  await tx.add('outbox', message, ctx);
  return true;
}

/** An outbox row as the sender sees it: the message plus the claim that stops two senders sending it. */
export type OutboxRow = OutboxDocument;

/**
 * Pending rows whose time has come and whose claim (if any) has lapsed, oldest first. A lapsed
 * claim means a sender died between claiming and marking: the row is simply sent again later.
 * The claim is part of the query, so `limit` rows held by a live claim never hide the due rows
 * behind them. The store has no `or`: never-claimed rows (no claimedUntil, which `null` matches)
 * and lapsed claims are two queries, merged.
 */
export async function dueRows(store: Store, nowIso: string, limit: number): Promise<Stored<OutboxRow>[]> {
  const due = { status: 'pending', sendAfter: { lte: nowIso } };
  const query = (claimedUntil: Condition) =>
    store.query('outbox', {
      where: { ...due, claimedUntil },
      orderBy: [{ field: 'sendAfter', direction: 'asc' }],
      limit,
    });
  const [unclaimed, lapsed] = await Promise.all([query(null), query({ lte: nowIso })]);
  return [...unclaimed, ...lapsed]
    .sort((a, b) => (a.sendAfter < b.sendAfter ? -1 : a.sendAfter > b.sendAfter ? 1 : 0))
    .slice(0, limit);
}

/**
 * Pending rows whose send time is past any year the product can mean: ISO times of 2000–2099 sort
 * below '2100', and text such as 'Invalid Date' sorts above it, so one range query finds them.
 */
export async function unreadableTimeRows(store: Store, limit: number): Promise<Stored<OutboxRow>[]> {
  return store.query('outbox', { where: { status: 'pending', sendAfter: { gt: '2100' } }, limit });
}

/**
 * Takes a row for sending with a version-checked update: of two senders that read the same row,
 * one wins and the other gets null. The claim lasts `leaseMs`.
 */
export async function claim(
  store: Store,
  row: Stored<OutboxRow>,
  claimer: string,
  nowIso: string,
  leaseUntilIso: string,
): Promise<Stored<OutboxRow> | null> {
  try {
    return await store.update('outbox', row._id, { claimedBy: claimer, claimedUntil: leaseUntilIso }, row._version, {
      by: claimer,
      at: nowIso,
    });
  } catch (error) {
    if (error instanceof VersionConflictError) return null;
    throw error;
  }
}

export type OutboxResultPatch = Pick<OutboxRow, 'status' | 'attempts'> &
  Partial<Pick<OutboxRow, 'lastError' | 'sentAt' | 'sendAfter' | 'response' | 'claimedUntil'>>;

/** Records the send's result on the claimed row; false when the claim was lost meanwhile. */
export async function markResult(
  store: Store,
  claimed: Stored<OutboxRow>,
  patch: OutboxResultPatch,
  claimer: string,
  nowIso: string,
): Promise<boolean> {
  try {
    await store.update('outbox', claimed._id, patch, claimed._version, { by: claimer, at: nowIso });
    return true;
  } catch (error) {
    if (error instanceof VersionConflictError) return false;
    throw error;
  }
}
