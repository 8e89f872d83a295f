import { z } from 'zod';
import { OutboxMessage } from '../../../../types/message';

/** An outbox row as the sender sees it: the message plus the claim that stops two senders sending it. */
export const OutboxDocument = OutboxMessage.extend({
  /** The sender pass holding the row, and until when: after that the row is claimable again. */
  claimedBy: z.string().optional(),
  claimedUntil: z.string().optional(),
  /** WeChat's (or the local inbox's) last answer, for the counselor and for operators. */
  response: z.object({ errcode: z.number(), errmsg: z.string(), at: z.string() }).optional(),
});
export type OutboxDocument = z.infer<typeof OutboxDocument>;
