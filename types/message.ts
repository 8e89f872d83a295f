import { z } from 'zod';

/**
 * Subscription-message kinds (one WeChat template each; template ids come from configuration).
 * Issues: warnings/notices (warningIssued, receiptDue, receiptOverdue, objectionRaised,
 * parentContactOverdue), casework (meetingScheduled), duties (dutyDueSoon).
 */
export const MessageKind = z.enum([
  'warningIssued',
  'receiptDue',
  'receiptOverdue',
  'objectionRaised',
  'parentContactOverdue',
  'meetingScheduled',
  'dutyDueSoon',
  // The clerk's answer to a student's objection (kept or corrected), and a lifted warning (issue 9).
  'objectionAnswered',
  'warningLifted',
  // A head teacher returned or approved a study plan: the student is told (issue 9).
  'planReviewed',
  // A counselor closed a course teacher's concern about a student: the teacher is told the outcome (issue 13).
  'concernAnswered',
  // A parent's WeChat-verified phone did not match the phone on file: the class counselor is told (issue 13).
  'bindingPhoneMismatch',
  // A step of the academic-assistant selection, to its next owner (issue 16).
  'assistantStep',
]);
export type MessageKind = z.infer<typeof MessageKind>;

export const OutboxStatus = z.enum(['pending', 'sent', 'refused', 'failed']);
export type OutboxStatus = z.infer<typeof OutboxStatus>;

/** A message waiting in (or done with) the outbox. Written in the same transaction as its cause. */
export const OutboxMessage = z.object({
  _id: z.string(),
  kind: MessageKind,
  toUserId: z.string(),
  toOpenid: z.string(),
  /** Mini-program page the message opens, e.g. 'packages/student/notice/index?id=…'. */
  page: z.string(),
  /** Template fields, already cut to WeChat's limits by the sender. */
  data: z.record(z.string(), z.string()),
  status: OutboxStatus,
  attempts: z.number(),
  /** Not before this instant (ISO): reminders wait for their time, retries back off. */
  sendAfter: z.string(),
  lastError: z.string().optional(),
  sentAt: z.string().optional(),
  /** What caused it (warning id, meeting id, duty key), for the counselor's view. */
  subjectId: z.string(),
});
export type OutboxMessage = z.infer<typeof OutboxMessage>;
