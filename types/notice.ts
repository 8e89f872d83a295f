import { z } from 'zod';

/**
 * 学业警示通知单 (rules: 004-A2, 004-A3): one notice per published warning, in three copies.
 * The copies' text is stored as issued and never edited: a correction is a new version that
 * names the version it replaces and why. Everything else on the record is workflow state.
 */
export const NoticeCopyKind = z.enum(['college', 'student', 'parent']);
export type NoticeCopyKind = z.infer<typeof NoticeCopyKind>;

/** One copy as printed: a title and paragraphs, rendered once from the level's template. */
export const NoticeCopy = z.object({ title: z.string(), paragraphs: z.array(z.string()) });
export type NoticeCopy = z.infer<typeof NoticeCopy>;

export const NoticeCopies = z.object({ college: NoticeCopy, student: NoticeCopy, parent: NoticeCopy });
export type NoticeCopies = z.infer<typeof NoticeCopies>;

/** The student's answer: signed (signature kept in 'noticeSignatures'), or none yet. */
export const NoticeAck = z.object({ at: z.string(), deviceId: z.string() });
export type NoticeAck = z.infer<typeof NoticeAck>;

export const ObjectionState = z.enum(['open', 'confirmed', 'corrected']);
export type ObjectionState = z.infer<typeof ObjectionState>;

/** A student's objection (the list is published after students confirm it has no error; rules: 004-2.3). */
export const NoticeObjection = z.object({
  reason: z.string(),
  at: z.string(),
  state: ObjectionState,
  resolvedBy: z.string().optional(),
  resolvedByName: z.string().optional(),
  resolvedAt: z.string().optional(),
  /** The clerk's answer, shown to the student and the counselor. */
  note: z.string().optional(),
});
export type NoticeObjection = z.infer<typeof NoticeObjection>;

/** Why a receipt or binding needs a second look by the counselor ("fake parent" signs). */
export const NoticeFlag = z.enum(['receiptRightAfterAck', 'parentOfUnrelatedStudents']);
export type NoticeFlag = z.infer<typeof NoticeFlag>;

export const NoticeReceipt = z.object({
  parentUserId: z.string(),
  parentName: z.string(),
  at: z.string(),
  /** To the counselor; never shown to the student. */
  message: z.string(),
  deviceId: z.string(),
});
export type NoticeReceipt = z.infer<typeof NoticeReceipt>;

/** A parent without WeChat: the counselor phoned. Counts as the contact, marked as a phone contact. */
export const PhoneContact = z.object({
  at: z.string(),
  by: z.string(),
  byName: z.string(),
  summary: z.string(),
  recordedAt: z.string(),
  clientId: z.string().optional(),
});
export type PhoneContact = z.infer<typeof PhoneContact>;

export const NoticeStatus = z.enum(['issued', 'superseded']);
export type NoticeStatus = z.infer<typeof NoticeStatus>;

/**
 * How a notice stopped being in force, recorded when it happens so no reader guesses from ids:
 * a correction replaced it, a later list replaced the warning, the warning was lifted, or an
 * objection's correction withdrew it.
 */
export const NoticeEnding = z.enum(['corrected', 'replaced', 'lifted', 'withdrawn']);
export type NoticeEnding = z.infer<typeof NoticeEnding>;

export const Notice = z.object({
  _id: z.string(),
  warningId: z.string(),
  /** 1 for the first issue; a correction adds 1. */
  version: z.number(),
  /** The version this one corrects, and the reason given (null on the first issue). */
  correction: z.object({ replaces: z.string(), reason: z.string() }).nullable(),
  status: NoticeStatus,
  supersededBy: z.string().optional(),
  /** Set with status 'superseded' (records from before it was kept: see core/notices/ending.ts). */
  endedAs: NoticeEnding.optional(),
  studentId: z.string(),
  studentName: z.string(),
  classId: z.string(),
  collegeId: z.string(),
  semester: z.string(),
  level: z.string(),
  levelName: z.string(),
  levelRank: z.number(),
  copies: NoticeCopies,
  issuedAt: z.string(),
  /** The clerk who published the warning: objections go to them. */
  issuedBy: z.string(),
  /** Parents must be informed within 1 week of the publication (rules: 001-2.5, which counts from the college document). */
  parentDeadline: z.string(),
  readAt: z.string().nullable(),
  ack: NoticeAck.nullable(),
  objection: NoticeObjection.nullable(),
  parentReadAt: z.string().nullable(),
  receipt: NoticeReceipt.nullable(),
  phoneContacts: z.array(PhoneContact),
  flags: z.array(NoticeFlag),
});
export type Notice = z.infer<typeof Notice>;

/** Fields a handler may change after issue: the copies are not among them. */
export type NoticeStatePatch = Partial<
  Pick<
    Notice,
    | 'status'
    | 'supersededBy'
    | 'endedAs'
    | 'readAt'
    | 'ack'
    | 'objection'
    | 'parentReadAt'
    | 'receipt'
    | 'phoneContacts'
    | 'flags'
  >
>;

/** A handwritten signature (PNG data URL), kept apart so lists never carry images. */
export const NoticeSignature = z.object({
  noticeId: z.string(),
  who: z.enum(['student', 'parent']),
  userId: z.string(),
  image: z.string(),
  at: z.string(),
});
export type NoticeSignature = z.infer<typeof NoticeSignature>;

/** A one-time parent binding code, stored by its hash only. */
export const BindingCode = z.object({
  _id: z.string(), // sha-256 of the code
  studentId: z.string(),
  classId: z.string(),
  collegeId: z.string(),
  expiresAt: z.string(),
  usedAt: z.string().nullable(),
  usedByUserId: z.string().nullable(),
  /** Wrong proofs (学号 + parent name) so far: the code burns after a few, so the proof cannot be guessed. */
  failedAttempts: z.number(),
  revoked: z.boolean(),
});
export type BindingCode = z.infer<typeof BindingCode>;

/** A WeChat bound as a student's parent, and whether the binding looks suspicious. */
export const ParentBinding = z.object({
  _id: z.string(), // `${studentId}:${userId}`
  studentId: z.string(),
  classId: z.string(),
  userId: z.string(),
  openid: z.string(),
  boundAt: z.string(),
  /** The install that bound (a fingerprint for the counselor's review, not an identity). */
  deviceId: z.string().optional(),
  flags: z.array(NoticeFlag),
});
export type ParentBinding = z.infer<typeof ParentBinding>;

/** A message as the local inbox shows it (what WeChat would have shown the person). */
export const InboxItem = z.object({
  _id: z.string(),
  toUserId: z.string(),
  kind: z.string(),
  title: z.string(),
  lines: z.array(z.object({ label: z.string(), value: z.string() })),
  page: z.string(),
  deliveredAt: z.string(),
});
export type InboxItem = z.infer<typeof InboxItem>;
