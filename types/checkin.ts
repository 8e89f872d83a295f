import { z } from 'zod';
import { DutyRecordKind } from './duty';

/**
 * Check-ins and the other duty records staff file (meetings, activities, talks, contacts), as
 * stored in the 'dutyRecords' collection. The top-level fields are exactly what the duty
 * evaluator counts (types/duty.ts DutyRecord); the form's content sits in `details`.
 */

/**
 * Why a record is not to be trusted blindly. Flags never reject: the record is kept and shown
 * with its flags, so a counselor judges (weak signal in a dorm is normal).
 */
export const CheckinFlag = z.enum(['outsideRadius', 'clockSkew', 'poorAccuracy', 'noLocation', 'delayedSync']);
export type CheckinFlag = z.infer<typeof CheckinFlag>;

export const checkinFlagLabel: Record<CheckinFlag, string> = {
  outsideRadius: '不在签到范围内',
  clockSkew: '手机时间与服务器相差过大',
  poorAccuracy: '定位精度差',
  noLocation: '未获取到位置',
  delayedSync: '事后补交',
};

export const GeoFix = z.object({ latitude: z.number(), longitude: z.number(), accuracy: z.number().optional() });
export type GeoFix = z.infer<typeof GeoFix>;

export const ResidentStatus = z.enum(['present', 'absent', 'onLeave'], {
  errorMap: () => ({ message: '在位情况应为在寝、缺勤或请假' }),
});
export type ResidentStatus = z.infer<typeof ResidentStatus>;

export const residentStatusLabel: Record<ResidentStatus, string> = { present: '在寝', absent: '缺勤', onLeave: '请假' };

export const TalkMode = z.enum(['faceToFace', 'phone', 'wechatQq', 'group'], {
  errorMap: () => ({ message: '谈话方式不正确' }),
});
export type TalkMode = z.infer<typeof TalkMode>;

export const talkModeLabel: Record<TalkMode, string> = {
  faceToFace: '面谈',
  phone: '电话',
  wechatQq: '微信/QQ',
  group: '集体座谈',
};

/** The form behind a record. */
export const CheckinDetails = z.discriminatedUnion('form', [
  z.object({
    form: z.literal('dormCheck'),
    hygieneScore: z.number(),
    hygieneNotes: z.string(),
    residents: z.array(z.object({ studentId: z.string(), name: z.string(), status: ResidentStatus })),
  }),
  z.object({
    form: z.literal('classCheck'),
    course: z.string(),
    late: z.array(z.string()),
    absent: z.array(z.string()),
    leftEarly: z.array(z.string()),
  }),
  z.object({ form: z.literal('lecture'), course: z.string(), teacherName: z.string(), notes: z.string() }),
  z.object({ form: z.literal('meeting'), title: z.string(), summary: z.string(), attendees: z.number() }),
  z.object({ form: z.literal('themedActivity'), theme: z.string(), participants: z.number(), summary: z.string() }),
  z.object({ form: z.literal('talk'), notes: z.string() }),
  z.object({ form: z.literal('contact'), channel: z.string(), notes: z.string(), teacherName: z.string().optional() }),
]);
export type CheckinDetails = z.infer<typeof CheckinDetails>;

/** One stored record (without the store's meta fields). */
export const DutyRecordDoc = z.object({
  _id: z.string(),
  kind: DutyRecordKind,
  actorId: z.string(),
  /** When it happened, on the server's clock (see core/checkins/record-time.ts). */
  at: z.string(),
  /** When the server received it. */
  receivedAt: z.string(),
  collegeId: z.string(),
  classId: z.string(),
  dormId: z.string().optional(),
  studentId: z.string().optional(),
  teacherId: z.string().optional(),
  minutes: z.number().optional(),
  topics: z.array(z.string()).optional(),
  mode: z.string().optional(),
  documented: z.boolean(),
  /** The phone's own id for this check-in (uuid): a resend is the same record. */
  clientId: z.string(),
  /** The device's clock when the person tapped and when the phone sent it (ISO). */
  deviceAt: z.string(),
  sentAt: z.string(),
  placeId: z.string().optional(),
  location: GeoFix.optional(),
  distanceMeters: z.number().optional(),
  flags: z.array(CheckinFlag),
  details: CheckinDetails,
});
export type DutyRecordDoc = z.infer<typeof DutyRecordDoc>;

export const FollowUpStatus = z.enum(['open', 'closed']);
export type FollowUpStatus = z.infer<typeof FollowUpStatus>;

/**
 * Something waiting for the counselor: an absence without leave found at a dorm check, or a
 * learning difficulty an assistant reported (rules: 000-2.3 — 及时向辅导员反映学生学习困难).
 */
export const FollowUp = z.object({
  _id: z.string(),
  reason: z.enum(['dormAbsence', 'difficultyReport']),
  /** difficultyReport: what the assistant saw, and the type they think it is (the counselor decides). */
  note: z.string().optional(),
  /** A DifficultyType of types/support.ts (kept as text here: support imports this module). */
  difficulty: z.string().optional(),
  studentId: z.string(),
  studentName: z.string(),
  classId: z.string(),
  collegeId: z.string(),
  dormId: z.string().optional(),
  counselorId: z.string(),
  recordId: z.string(),
  reportedBy: z.string(),
  at: z.string(),
  status: FollowUpStatus,
});
export type FollowUp = z.infer<typeof FollowUp>;

export const recordKindLabel: Record<DutyRecordKind, string> = {
  talk: '谈心谈话',
  classMeeting: '班会',
  dormCheck: '查寝',
  classCheck: '查课',
  lectureAttendance: '听课',
  parentContact: '家长联系',
  teacherContact: '任课教师联系',
  classCommitteeMeeting: '班委会',
  headTeacherMeeting: '班主任工作会',
  themedActivity: '主题活动',
  collectiveActivity: '班集体活动',
  studyPlan: '学习计划',
};
