import { z } from 'zod';
import { action } from '../envelope';
import { Errors } from '../errors';
import { id, isoTime, requiredText, text } from '../fields';
import { GradeRowChange } from '../grade';
import { OutboxStatus } from '../message';
import {
  InboxItem,
  Notice,
  NoticeCopies,
  NoticeCopy,
  NoticeEnding,
  NoticeFlag,
  NoticeObjection,
  NoticeReceipt,
  ObjectionState,
  PhoneContact,
} from '../notice';
import { signature } from '../signature';

/**
 * Per-install random id the app keeps in local storage and sends with acknowledge / receipt.
 * NOT an identity (the caller is always the OPENID): only a fingerprint input, so a receipt
 * sent from the phone that just signed as the student can be flagged for the counselor.
 */
export const deviceId = z
  .string({ required_error: '缺少设备标识' })
  .regex(/^[A-Za-z0-9_-]{8,64}$/, '设备标识格式不正确');

/** A handwritten signature: a PNG data URL (H5) or the cloud file id of the uploaded image (WeChat). */
export { signature };

/** Whether a notice is in force, how it stopped (null while issued: the server says, the app never parses ids), and what replaced it. */
const standing = {
  status: Notice.shape.status,
  ending: NoticeEnding.nullable(),
  supersededBy: z.string().nullable(),
};

export const NoticeSummary = z.object({
  noticeId: z.string(),
  studentId: z.string(),
  studentName: z.string(),
  semester: z.string(),
  levelName: z.string(),
  version: z.number(),
  ...standing,
  issuedAt: z.string(),
  acknowledged: z.boolean(),
  objection: ObjectionState.nullable(),
  receiptReturned: z.boolean(),
});
export type NoticeSummary = z.infer<typeof NoticeSummary>;

/** What the student sees: their copy and their own answer (never the parent's receipt message). */
export const StudentNoticeView = z.object({
  noticeId: z.string(),
  studentName: z.string(),
  version: z.number(),
  ...standing,
  correction: Notice.shape.correction,
  copy: NoticeCopy,
  issuedAt: z.string(),
  readAt: z.string().nullable(),
  ack: z.object({ at: z.string() }).nullable(),
  objection: NoticeObjection.nullable(),
  /** WeChat template ids to ask consent for on the next tap (future reminders). */
  subscribe: z.array(z.string()),
});
export type StudentNoticeView = z.infer<typeof StudentNoticeView>;

export const ParentNoticeView = z.object({
  noticeId: z.string(),
  studentName: z.string(),
  version: z.number(),
  ...standing,
  copy: NoticeCopy,
  issuedAt: z.string(),
  parentDeadline: z.string(),
  receipt: NoticeReceipt.pick({ at: true, parentName: true, message: true }).nullable(),
  subscribe: z.array(z.string()),
});
export type ParentNoticeView = z.infer<typeof ParentNoticeView>;

/** The counselor's line per warned student (parents informed within 1 week; rules: 001-2.5). */
export const NoticeStatusRow = z.object({
  noticeId: z.string(),
  studentId: z.string(),
  studentName: z.string(),
  /** The list's semester: older semesters' notices can still be open. */
  semester: z.string(),
  levelName: z.string(),
  version: z.number(),
  /** Why this version replaced the previous one (a clerk's correction after an objection). */
  correction: z.string().nullable(),
  issuedAt: z.string(),
  parentDeadline: z.string(),
  /** The student's subscription message: queued, sent, refused (43101: contact another way), failed; none when the student has no WeChat user. */
  sent: z.union([OutboxStatus, z.literal('none')]),
  read: z.boolean(),
  answer: z.enum(['signed', 'objected', 'none']),
  objection: z.object({ state: ObjectionState, reason: z.string(), note: z.string().optional() }).nullable(),
  parentBound: z.boolean(),
  parentRead: z.boolean(),
  contact: z.enum(['receipt', 'phone', 'none']),
  contactAt: z.string().nullable(),
  receiptMessage: z.string().nullable(),
  phoneContacts: z.array(PhoneContact),
  overdue: z.boolean(),
  flags: z.array(NoticeFlag),
  /** Messages WeChat refused or that failed for good, so the counselor contacts the person another way. */
  undelivered: z.array(z.object({ kind: z.string(), toUserId: z.string(), status: OutboxStatus, error: z.string() })),
  /** The parent on file: the number itself for staff who handle the student (tap to call), masked for others. */
  parent: z.object({ name: z.string(), phone: z.string(), callable: z.boolean() }),
});
export type NoticeStatusRow = z.infer<typeof NoticeStatusRow>;

export const ClassNoticeStatus = z.object({
  classId: z.string(),
  className: z.string(),
  rows: z.array(NoticeStatusRow),
});
export type ClassNoticeStatus = z.infer<typeof ClassNoticeStatus>;

export const BindingCodeIssued = z.object({
  /** Shown once, to the counselor who made it, to read or text to the phone on file. */
  code: z.string(),
  expiresAt: z.string(),
  studentName: z.string(),
  parentName: z.string(),
  parentPhoneMasked: z.string(),
  /** The number on file, to call now: only the student's own class staff make codes. */
  parentPhone: z.string(),
});
export type BindingCodeIssued = z.infer<typeof BindingCodeIssued>;

/**
 * Everything filed for one notice, for the class staff and the clerk (rules: 004-2.7 — 学院存根 and
 * 家长回执 kept): the three copies as issued, the student's signature, the parent's signed receipt.
 */
export const NoticeRecordView = z.object({
  noticeId: z.string(),
  studentId: z.string(),
  studentName: z.string(),
  version: z.number(),
  ...standing,
  copies: NoticeCopies,
  issuedAt: z.string(),
  /** The image is a PNG data URL (H5) or a cloud file id (WeChat); both show in an Image. */
  studentSignature: z.object({ at: z.string(), image: z.string() }).nullable(),
  receipt: NoticeReceipt.pick({ at: true, parentName: true, message: true })
    .extend({ image: z.string().nullable() })
    .nullable(),
  objection: NoticeObjection.nullable(),
  phoneContacts: z.array(PhoneContact),
});
export type NoticeRecordView = z.infer<typeof NoticeRecordView>;

export const BindResult = z.object({
  studentId: z.string(),
  studentName: z.string(),
  openNotices: z.array(z.string()),
  subscribe: z.array(z.string()),
});
export type BindResult = z.infer<typeof BindResult>;

/** One stored grade row of a disputed course, as the clerk sees it while answering an objection. */
export const ObjectionGradeRow = z.object({
  gradeId: z.string(),
  courseCode: z.string(),
  courseName: z.string(),
  semester: z.string(),
  attemptLabel: z.string(),
  score: z.string(),
  credits: z.number(),
  /** The standing correction of this row (after an earlier objection), if any. */
  correction: z
    .object({
      action: z.enum(['exclude', 'correct']),
      text: z.string(),
      reason: z.string(),
      byName: z.string(),
      at: z.string(),
    })
    .nullable(),
});
export type ObjectionGradeRow = z.infer<typeof ObjectionGradeRow>;

export const ObjectionRow = z.object({
  noticeId: z.string(),
  studentId: z.string(),
  studentName: z.string(),
  classId: z.string(),
  levelName: z.string(),
  semester: z.string(),
  reasons: z.array(z.string()),
  objection: NoticeObjection,
  ...standing,
  /** The student's grade rows of the courses the warning names (open objections only). */
  grades: z.array(ObjectionGradeRow),
});
export type ObjectionRow = z.infer<typeof ObjectionRow>;

export const ObjectionOutcome = z.object({
  noticeId: z.string(),
  state: ObjectionState,
  newNoticeId: z.string().nullable(),
  /** standing, lifted, replaced: a correction of a warning a later list kept, as that list now decides. */
  outcome: z.enum(['kept', 'amended', 'withdrawn', 'standing', 'lifted', 'replaced']),
});
export type ObjectionOutcome = z.infer<typeof ObjectionOutcome>;

const noticeId = id;

const {
  NoticeAlreadyAcknowledged,
  NoticeNoOpenObjection,
  NoticeObjectionOpen,
  NoticeObjectionResolved,
  NoticeSuperseded,
} = Errors.notices;
const {
  BindingBusy,
  BindingExpired,
  BindingInvalid,
  BindingLocked,
  BindingNoPhone,
  BindingPhoneMismatch,
  BindingPhoneUnavailable,
} = Errors.notices;
const { BindingPhoneUnverified, BindingProofMismatch, BindingStaffWechat, BindingStudentWechat, BindingUsed } =
  Errors.notices;
/** Binding with a code: the caller's WeChat must be a parent's, the code one that can still be used. */
const byCode = [
  BindingStudentWechat,
  BindingStaffWechat,
  BindingInvalid,
  BindingUsed,
  BindingLocked,
  BindingExpired,
] as const;

export const noticesApi = {
  studentNotices: action(z.object({})).returns(z.array(NoticeSummary)).fails(),
  studentCopy: action(z.object({ noticeId })).returns(StudentNoticeView).fails(),
  acknowledge: action(z.object({ noticeId, signature, deviceId }))
    .returns(StudentNoticeView)
    .fails(NoticeSuperseded, NoticeObjectionOpen),
  object: action(z.object({ noticeId, reason: requiredText(300, '异议原因') }))
    .returns(StudentNoticeView)
    .fails(NoticeAlreadyAcknowledged, NoticeSuperseded, NoticeObjectionResolved),

  childNotices: action(z.object({})).returns(z.array(NoticeSummary)).fails(),
  parentCopy: action(z.object({ noticeId })).returns(ParentNoticeView).fails(),
  returnReceipt: action(z.object({ noticeId, message: text(300, '留言').default(''), signature, deviceId }))
    .returns(ParentNoticeView)
    .fails(NoticeSuperseded),
  bindParent: action(
    z.object({
      code: z.string({ required_error: '请输入绑定码' }).trim().min(4, '请输入绑定码').max(20, '绑定码不正确'),
      /** The child's 学号 and the parent's name as the college registered them (see bind-parent.ts for why not phone digits). */
      studentNo: z
        .string({ required_error: '请输入孩子的学号' })
        .trim()
        .regex(/^[A-Za-z0-9]{4,20}$/, '学号只含字母和数字'),
      parentName: z
        .string({ required_error: '请输入家长姓名' })
        .trim()
        .min(1, '请输入家长姓名')
        .max(30, '家长姓名过长'),
      deviceId: deviceId.optional(),
    }),
  )
    .returns(BindResult)
    .fails(...byCode, BindingBusy, BindingProofMismatch),
  /** In WeChat: the same code, proven by the phone WeChat verified (the getPhoneNumber button's code), see bind-by-phone.ts. */
  bindParentByPhone: action(
    z.object({
      code: z.string({ required_error: '请输入绑定码' }).trim().min(4, '请输入绑定码').max(20, '绑定码不正确'),
      phoneCode: z
        .string({ required_error: '请授权微信手机号' })
        .trim()
        .min(1, '请授权微信手机号')
        .max(128, '手机号授权码不正确'),
      deviceId: deviceId.optional(),
    }),
  )
    .returns(BindResult)
    .fails(BindingPhoneUnavailable, ...byCode, BindingPhoneUnverified, BindingPhoneMismatch, BindingBusy),

  classStatus: action(z.object({ classId: id }))
    .returns(ClassNoticeStatus)
    .fails(),
  noticeRecord: action(z.object({ noticeId })).returns(NoticeRecordView).fails(),
  createBindingCode: action(z.object({ studentId: id, days: z.number().int().min(1).max(30).optional() }))
    .returns(BindingCodeIssued)
    .fails(BindingNoPhone),
  recordPhoneContact: action(
    z.object({
      noticeId,
      at: isoTime,
      summary: requiredText(500, '通话摘要'),
      clientId: z
        .string()
        .regex(/^[A-Za-z0-9_-]{8,64}$/, '请求标识格式不正确')
        .optional(),
    }),
  )
    .returns(z.object({ phoneContacts: z.array(PhoneContact) }))
    .fails(NoticeSuperseded),

  objections: action(z.object({})).returns(z.array(ObjectionRow)).fails(),
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
  )
    .returns(ObjectionOutcome)
    .fails(
      NoticeNoOpenObjection,
      Errors.warnings.WarningClosed,
      Errors.warnings.PolicyUnknown,
      Errors.warnings.ManualRejected,
    ),

  inbox: action(z.object({})).returns(z.array(InboxItem)).fails(),
};
export type NoticesApi = typeof noticesApi;
