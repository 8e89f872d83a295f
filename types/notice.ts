/**
 * 学业警示通知单 (seed 004 annexes 2–3): one notice per published warning, in three copies.
 * The copies' text is stored as issued and never edited: a correction is a new version that
 * names the version it replaces and why. Everything else on the record is workflow state.
 */
export type NoticeCopyKind = 'college' | 'student' | 'parent';

/** One copy as printed: a title and paragraphs, rendered once from the level's template. */
export type NoticeCopy = { title: string; paragraphs: string[] };

export type NoticeCopies = Record<NoticeCopyKind, NoticeCopy>;

/** The student's answer: signed (signature kept in 'noticeSignatures'), or none yet. */
export type NoticeAck = { at: string; deviceId: string };

export type ObjectionState = 'open' | 'confirmed' | 'corrected';

/** A student's objection (seed 004: the list is published after students confirm it has no error). */
export type NoticeObjection = {
  reason: string;
  at: string;
  state: ObjectionState;
  resolvedBy?: string;
  resolvedByName?: string;
  resolvedAt?: string;
  /** The clerk's answer, shown to the student and the counselor. */
  note?: string;
};

/** Why a receipt or binding needs a second look by the counselor ("fake parent" signs). */
export type NoticeFlag = 'receiptRightAfterAck' | 'parentOfUnrelatedStudents';

export type NoticeReceipt = {
  parentUserId: string;
  parentName: string;
  at: string;
  /** To the counselor; never shown to the student. */
  message: string;
  deviceId: string;
};

/** A parent without WeChat: the counselor phoned. Counts as the contact, marked as a phone contact. */
export type PhoneContact = { at: string; by: string; byName: string; summary: string; recordedAt: string; clientId?: string };

export type NoticeStatus = 'issued' | 'superseded';

/**
 * How a notice stopped being in force, recorded when it happens so no reader guesses from ids:
 * a correction replaced it, a later list replaced the warning, the warning was lifted, or an
 * objection's correction withdrew it.
 */
export type NoticeEnding = 'corrected' | 'replaced' | 'lifted' | 'withdrawn';

export type Notice = {
  _id: string;
  warningId: string;
  /** 1 for the first issue; a correction adds 1. */
  version: number;
  /** The version this one corrects, and the reason given (null on the first issue). */
  correction: { replaces: string; reason: string } | null;
  status: NoticeStatus;
  supersededBy?: string;
  /** Set with status 'superseded' (records from before it was kept: see core/notices/ending.ts). */
  endedAs?: NoticeEnding;
  studentId: string;
  studentName: string;
  classId: string;
  collegeId: string;
  semester: string;
  level: string;
  levelName: string;
  levelRank: number;
  copies: NoticeCopies;
  issuedAt: string;
  /** The clerk who published the warning: objections go to them. */
  issuedBy: string;
  /** Parents must be informed within 1 week of the publication (seed 001). */
  parentDeadline: string;
  readAt: string | null;
  ack: NoticeAck | null;
  objection: NoticeObjection | null;
  parentReadAt: string | null;
  receipt: NoticeReceipt | null;
  phoneContacts: PhoneContact[];
  flags: NoticeFlag[];
};

/** Fields a handler may change after issue: the copies are not among them. */
export type NoticeStatePatch = Partial<
  Pick<Notice, 'status' | 'supersededBy' | 'endedAs' | 'readAt' | 'ack' | 'objection' | 'parentReadAt' | 'receipt' | 'phoneContacts' | 'flags'>
>;

/** A handwritten signature (PNG data URL), kept apart so lists never carry images. */
export type NoticeSignature = { noticeId: string; who: 'student' | 'parent'; userId: string; image: string; at: string };

/** A one-time parent binding code, stored by its hash only. */
export type BindingCode = {
  _id: string; // sha-256 of the code
  studentId: string;
  classId: string;
  collegeId: string;
  expiresAt: string;
  usedAt: string | null;
  usedByUserId: string | null;
  /** Wrong proofs (学号 + parent name) so far: the code burns after a few, so the proof cannot be guessed. */
  failedAttempts: number;
  revoked: boolean;
};

/** A WeChat bound as a student's parent, and whether the binding looks suspicious. */
export type ParentBinding = {
  _id: string; // `${studentId}:${userId}`
  studentId: string;
  classId: string;
  userId: string;
  openid: string;
  boundAt: string;
  /** The install that bound (a fingerprint for the counselor's review, not an identity). */
  deviceId?: string;
  flags: NoticeFlag[];
};

export const NOTICES = 'notices';
export const NOTICE_SIGNATURES = 'noticeSignatures';
export const BINDING_CODES = 'bindingCodes';
export const PARENT_BINDINGS = 'parentBindings';
export const INBOX = 'inbox';

/** A message as the local inbox shows it (what WeChat would have shown the person). */
export type InboxItem = {
  _id: string;
  toUserId: string;
  kind: string;
  title: string;
  lines: { label: string; value: string }[];
  page: string;
  deliveredAt: string;
};
