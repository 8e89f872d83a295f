import type { MessageIntent } from '../core/notices/message-intents';
import { enqueue } from '../platform/messenger/outbox';
import type { TxStore, WriteContext } from '../platform/store/store';

/** Messages land in the outbox in the same transaction as the step that caused them. */
export async function sendAll(tx: TxStore, intents: readonly MessageIntent[], write: WriteContext): Promise<void> {
  for (const m of intents) await enqueue(tx, m, write);
}
