import type { Recipient } from '../../core/notices/message-intents';
import { enqueue, type OutboxEntry } from '../../platform/messenger/outbox';
import type { TxStore, WriteContext } from '../../platform/store/store';
import { studentUserId } from './settings';

/**
 * Inside the caller's transaction: queues a message to the student's WeChat user, found by a get
 * (a transaction cannot query). A student without a WeChat user yet is not told; false then, and
 * false when the message was queued already.
 */
export async function tellStudentInTx(
  tx: TxStore,
  studentId: string,
  intent: (to: Recipient) => OutboxEntry,
  write: WriteContext,
): Promise<boolean> {
  const student = await tx.get('users', studentUserId(studentId));
  return student ? enqueue(tx, intent({ userId: student._id, openid: student.openid }), write) : false;
}
