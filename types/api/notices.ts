import { z } from 'zod';
import { action } from '../envelope';
import { id, isoTime, requiredText, text } from '../fields';
import { GradeRowChange } from '../grade';
import type { OutboxStatus } from '../message';
import type { InboxItem, NoticeCopies, NoticeCopy, NoticeFlag, NoticeObjection, ObjectionState, PhoneContact, NoticeEnding } from '../notice';
import { signature } from '../signature';

/**
 * Per-install random id the app keeps in local storage and sends with acknowledge / receipt.
 * NOT an identity (the caller is always the OPENID): only a fingerprint input, so a receipt
 * sent from the phone that just signed as the student can be flagged for the counselor.
 */
export const deviceId = z.string({ required_error: '缺少设备标识' }).regex(/^[A-Za-z0-9_-]{8,64}$/, '设备标识格式不正确');

/** A handwritten signature: a PNG data URL (H5) or the cloud file id of the uploaded image (WeChat). */
export { signature };

export type NoticeSummary = {
  noticeId: string;
  studentId: string;
  studentName: string;
  semester: string;
  levelName: string;
  version: number;
  status: 'issued' | 'superseded';
  /** How it stopped being in force (null while issued): the server says, the app never parses ids. */
  ending: NoticeEnding | null;
  /** The notice that replaced it (a correction or a later list), if any. */
  supersededBy: string | null;
  issuedAt: string;
  acknowledged: boolean;
  objection: ObjectionState | null;
  receiptReturned: boolean;
};

/** What the student sees: their copy and their own answer (never the parent's receipt message). */
export type StudentNoticeView = {
  noticeId: string;
  studentName: string;
  version: number;
  status: 'issued' | 'superseded';
  /** How it stopped being in force (null while issued): the server says, the app never parses ids. */
  ending: NoticeEnding | null;
  supersededBy: string | null;
  correction: { replaces: string; reason: string } | null;
  copy: NoticeCopy;
  issuedAt: string;
  readAt: string | null;
  ack: { at: string } | null;
  objection: NoticeObjection | null;
  /** WeChat template ids to ask consent for on the next tap (future reminders). */
  subscribe: string[];
};

export type ParentNoticeView = {
  noticeId: string;
  studentName: string;
  version: number;
  status: 'issued' | 'superseded';
  /** How it stopped being in force (null while issued): the server says, the app never parses ids. */
  ending: NoticeEnding | null;
  supersededBy: string | null;
  copy: NoticeCopy;
  issuedAt: string;
  parentDeadline: string;
  receipt: { at: string; parentName: string; message: string } | null;
  subscribe: string[];
};

/** The counselor's line per warned student (seed 001: parents informed within 1 week). */
export type NoticeStatusRow = {
  noticeId: string;
  studentId: string;
  studentName: string;
  /** The list's semester: older semesters' notices can still be open. */
  semester: string;
  levelName: string;
  version: number;
  /** Why this version replaced the previous one (a clerk's correction after an objection). */
  correction: string | null;
  issuedAt: string;
  parentDeadline: string;
  /** The student's subscription message: queued, sent, refused (43101: contact another way), failed; none when the student has no WeChat user. */
  sent: OutboxStatus | 'none';
  read: boolean;
  answer: 'signed' | 'objected' | 'none';
  objection: { state: ObjectionState; reason: string; note?: string } | null;
  parentBound: boolean;
  parentRead: boolean;
  contact: 'receipt' | 'phone' | 'none';
  contactAt: string | null;
  receiptMessage: string | null;
  phoneContacts: PhoneContact[];
  overdue: boolean;
  flags: NoticeFlag[];
  /** Messages WeChat refused or that failed for good, so the counselor contacts the person another way. */
  undelivered: { kind: string; toUserId: string; status: OutboxStatus; error: string }[];
  /** The parent on file: the number itself for staff who handle the student (tap to call), masked for others. */
  parent: { name: string; phone: string; callable: boolean };
};

export type ClassNoticeStatus = { classId: string; className: string; rows: NoticeStatusRow[] };

export type BindingCodeIssued = {
  /** Shown once, to the counselor who made it, to read or text to the phone on file. */
  code: string;
  expiresAt: string;
  studentName: string;
  parentName: string;
  parentPhoneMasked: string;
  /** The number on file, to call now: only the student's own class staff make codes. */
  parentPhone: string;
};

/**
 * Everything filed for one notice, for the class staff and the clerk (seed 004 §二.7: 学院存根 and
 * 家长回执 kept): the three copies as issued, the student's signature, the parent's signed receipt.
 */
export type NoticeRecordView = {
  noticeId: string;
  studentId: string;
  studentName: string;
  version: number;
  status: 'issued' | 'superseded';
  /** How it stopped being in force (null while issued): the server says, the app never parses ids. */
  ending: NoticeEnding | null;
  supersededBy: string | null;
  copies: NoticeCopies;
  issuedAt: string;
  /** The image is a PNG data URL (H5) or a cloud file id (WeChat); both show in an Image. */
  studentSignature: { at: string; image: string } | null;
  receipt: { at: string; parentName: string; message: string; image: string | null } | null;
  objection: NoticeObjection | null;
  phoneContacts: PhoneContact[];
};

export type BindResult = { studentId: string; studentName: string; openNotices: string[]; subscribe: string[] };

/** One stored grade row of a disputed course, as the clerk sees it while answering an objection. */
export type ObjectionGradeRow = {
  gradeId: string;
  courseCode: string;
  courseName: string;
  semester: string;
  attemptLabel: string;
  score: string;
  credits: number;
  /** The standing correction of this row (after an earlier objection), if any. */
  correction: { action: 'exclude' | 'correct'; text: string; reason: string; byName: string; at: string } | null;
};

export type ObjectionRow = {
  noticeId: string;
  studentId: string;
  studentName: string;
  classId: string;
  levelName: string;
  semester: string;
  reasons: string[];
  objection: NoticeObjection;
  status: 'issued' | 'superseded';
  /** How it stopped being in force (null while issued): the server says, the app never parses ids. */
  ending: NoticeEnding | null;
  supersededBy: string | null;
  /** The student's grade rows of the courses the warning names (open objections only). */
  grades: ObjectionGradeRow[];
};

const noticeId = id;

export const noticesApi = {
  studentNotices: action(z.object({})).returns<NoticeSummary[]>(),
  studentCopy: action(z.object({ noticeId })).returns<StudentNoticeView>(),
  acknowledge: action(z.object({ noticeId, signature, deviceId })).returns<StudentNoticeView>(),
  object: action(z.object({ noticeId, reason: requiredText(300, '异议原因') })).returns<StudentNoticeView>(),

  childNotices: action(z.object({})).returns<NoticeSummary[]>(),
  parentCopy: action(z.object({ noticeId })).returns<ParentNoticeView>(),
  returnReceipt: action(z.object({ noticeId, message: text(300, '留言').default(''), signature, deviceId })).returns<ParentNoticeView>(),
  bindParent: action(
    z.object({
      code: z.string({ required_error: '请输入绑定码' }).trim().min(4, '请输入绑定码').max(20, '绑定码不正确'),
      /** The child's 学号 and the parent's name as the college registered them (see bind-parent.ts for why not phone digits). */
      studentNo: z.string({ required_error: '请输入孩子的学号' }).trim().regex(/^[A-Za-z0-9]{4,20}$/, '学号只含字母和数字'),
      parentName: z.string({ required_error: '请输入家长姓名' }).trim().min(1, '请输入家长姓名').max(30, '家长姓名过长'),
      deviceId: deviceId.optional(),
    }),
  ).returns<BindResult>(),
  /** In WeChat: the same code, proven by the phone WeChat verified (the getPhoneNumber button's code), see bind-by-phone.ts. */
  bindParentByPhone: action(
    z.object({
      code: z.string({ required_error: '请输入绑定码' }).trim().min(4, '请输入绑定码').max(20, '绑定码不正确'),
      phoneCode: z.string({ required_error: '请授权微信手机号' }).trim().min(1, '请授权微信手机号').max(128, '手机号授权码不正确'),
      deviceId: deviceId.optional(),
    }),
  ).returns<BindResult>(),

  classStatus: action(z.object({ classId: id })).returns<ClassNoticeStatus>(),
  noticeRecord: action(z.object({ noticeId })).returns<NoticeRecordView>(),
  createBindingCode: action(z.object({ studentId: id, days: z.number().int().min(1).max(30).optional() })).returns<BindingCodeIssued>(),
  recordPhoneContact: action(z.object({ noticeId, at: isoTime, summary: requiredText(500, '通话摘要'), clientId: z.string().regex(/^[A-Za-z0-9_-]{8,64}$/, '请求标识格式不正确').optional() })).returns<{ phoneContacts: PhoneContact[] }>(),

  objections: action(z.object({})).returns<ObjectionRow[]>(),
  resolveObjection: action(
    z.object({
      noticeId,
      decision: z.enum(['confirm', 'correct'], { errorMap: () => ({ message: '请选择维持或更正' }) }),
      note: requiredText(300, '答复'),
      /** For a correction: extra lines of explanation for the corrected notice (optional). */
      explanation: z.array(requiredText(300, '更正后的原因')).max(20).default([]),
      /** For a correction: the grade rows to leave out or correct; the level is judged again on them. */
      grades: z.array(GradeRowChange).max(20, '一次最多更正 20 行成绩').default([]),
    }),
  ).returns<{ noticeId: string; state: ObjectionState; newNoticeId: string | null; outcome: 'kept' | 'amended' | 'withdrawn' }>(),

  inbox: action(z.object({})).returns<InboxItem[]>(),
};
export type NoticesApi = typeof noticesApi;
