import type { SendResult } from '../../core/messages/send-outcome';
import type { OutboxRow } from './outbox';

/**
 * Delivers one outbox row: WeChat's subscribeMessage in the cloud, the local inbox on a laptop.
 * Answers WeChat's errcode (0 = delivered). Throwing means the sender itself died mid-pass: the
 * claimed row then waits for its lease to lapse and is sent by a later pass.
 */
export interface MessageSender {
  readonly name: string;
  send(row: OutboxRow, nowIso: string): Promise<SendResult>;
}
