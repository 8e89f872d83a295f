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

export type OutboxStatus = 'pending' | 'sent' | 'refused' | 'failed';

/** A message waiting in (or done with) the outbox. Written in the same transaction as its cause. */
export type OutboxMessage = {
  _id: string;
  kind: MessageKind;
  toUserId: string;
  toOpenid: string;
  /** Mini-program page the message opens, e.g. 'packages/student/notice/index?id=…'. */
  page: string;
  /** Template fields, already cut to WeChat's limits by the sender. */
  data: Record<string, string>;
  status: OutboxStatus;
  attempts: number;
  /** Not before this instant (ISO): reminders wait for their time, retries back off. */
  sendAfter: string;
  lastError?: string;
  sentAt?: string;
  /** What caused it (warning id, meeting id, duty key), for the counselor's view. */
  subjectId: string;
};
