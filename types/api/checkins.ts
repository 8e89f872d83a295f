import { z } from 'zod';
import { action } from '../envelope';
import { Errors } from '../errors';
import { id, isoTime, text } from '../fields';
import { CheckinFlag, FollowUp, FollowUpStatus, ResidentStatus, TalkMode } from '../checkin';
import { DifficultyType, TalkerRole } from '../support';
import { DutyRecordKind } from '../duty';
import { Place } from '../place';

const location = z.object(
  {
    latitude: z.number({ invalid_type_error: '纬度应为数字' }).min(-90, '纬度超出范围').max(90, '纬度超出范围'),
    longitude: z.number({ invalid_type_error: '经度应为数字' }).min(-180, '经度超出范围').max(180, '经度超出范围'),
    accuracy: z.number({ invalid_type_error: '精度应为数字' }).min(0).max(100_000).optional(),
  },
  { invalid_type_error: '位置格式不正确' },
);

/** What every record carries from the phone: its own id (a resend is the same record) and its clock. */
const sent = {
  clientId: z.string({ required_error: '缺少签到编号' }).uuid('签到编号格式不正确'),
  /** Device clock when the person tapped. */
  deviceAt: isoTime,
  /** Device clock when this request left the phone (later than deviceAt for a queued check-in). */
  sentAt: isoTime,
  location: location.optional(),
};

const studentIds = z.array(id).max(200, '学生过多').default([]);
const count = (label: string, max: number) =>
  z
    .number({ invalid_type_error: `${label}应为数字` })
    .int(`${label}应为整数`)
    .min(0, `${label}不能为负`)
    .max(max, `${label}过大`);
const duration = z
  .number({ required_error: '缺少时长', invalid_type_error: '时长应为数字' })
  .int('时长应为整数分钟')
  .min(1, '时长至少 1 分钟')
  .max(600, '时长最多 600 分钟');

export const DormCheckInput = z.object({
  ...sent,
  classId: id,
  dormId: id,
  hygieneScore: count('卫生评分', 100),
  hygieneNotes: text(300, '卫生情况').default(''),
  residents: z
    .array(z.object({ studentId: id, status: ResidentStatus }))
    .min(1, '请登记每位住宿学生的在位情况')
    .max(12, '住宿学生过多'),
});

export const ClassCheckInput = z.object({
  ...sent,
  classId: id,
  placeId: id,
  course: text(60, '课程').pipe(z.string().min(1, '请填写课程')),
  late: studentIds,
  absent: studentIds,
  leftEarly: studentIds,
});

export const LectureInput = z.object({
  ...sent,
  classId: id,
  placeId: id.optional(),
  course: text(60, '课程').pipe(z.string().min(1, '请填写课程')),
  teacherName: text(30, '授课教师').default(''),
  notes: text(500, '听课意见').default(''),
});

export const MeetingKind = z.enum(
  ['classMeeting', 'classCommitteeMeeting', 'headTeacherMeeting', 'collectiveActivity'],
  {
    errorMap: () => ({ message: '会议类型不正确' }),
  },
);
export type MeetingKind = z.infer<typeof MeetingKind>;

export const MeetingInput = z.object({
  ...sent,
  kind: MeetingKind,
  classId: id,
  title: text(60, '主题').pipe(z.string().min(1, '请填写主题')),
  /** e.g. 'studyMethods' for a study-methods class meeting (head teacher's quota). */
  topics: z.array(z.string().trim().min(1).max(30)).max(5).default([]),
  /** 会议纪要: a meeting counts as documented only with them. */
  summary: text(2000, '会议纪要').default(''),
  attendees: count('参加人数', 500).default(0),
  minutes: duration.optional(),
});

export const ThemedActivityInput = z.object({
  ...sent,
  classId: id,
  theme: text(60, '活动主题').pipe(z.string().min(1, '请填写活动主题')),
  participants: count('参加人数', 500),
  minutes: duration,
  summary: text(1000, '活动总结').default(''),
});

/**
 * The quick form of the one talk record (types/support.ts `TalkRecord`, collection `talks`): filed from
 * the check-in screen with mode, length and a note; the casework screen's full form is `TalkInput`.
 */
export const QuickTalkInput = z.object({
  ...sent,
  studentId: id,
  mode: TalkMode,
  minutes: duration,
  notes: text(1000, '谈话内容').default(''),
  /** Who talked, when the caller holds several roles in the class (else the class's own role first). */
  talkerRole: TalkerRole.optional(),
});

export const ParentContactInput = z.object({
  ...sent,
  studentId: id,
  channel: text(20, '联系方式').pipe(z.string().min(1, '请填写联系方式')),
  notes: text(1000, '沟通内容').default(''),
});

export const TeacherContactInput = z.object({
  ...sent,
  classId: id,
  /** The course teacher's user id when they have one; else their name identifies them. */
  teacherId: id.optional(),
  teacherName: text(30, '任课教师').pipe(z.string().min(1, '请填写任课教师')),
  notes: text(1000, '沟通内容').default(''),
});

/** What the server kept: the same answer for a first send and a resend. */
export const CheckinReceipt = z.object({
  recordId: z.string(),
  kind: DutyRecordKind,
  at: z.string(),
  flags: z.array(CheckinFlag),
  distanceMeters: z.number().nullable(),
  placeName: z.string().nullable(),
  /** True when this clientId was already stored: nothing new was written. */
  duplicate: z.boolean(),
  /** Follow-ups raised for the counselor (absences without leave). */
  followUps: z.number(),
});
export type CheckinReceipt = z.infer<typeof CheckinReceipt>;

export const CheckinOptions = z.object({
  classes: z.array(z.object({ classId: z.string(), name: z.string(), roles: z.array(z.string()) })),
  dorms: z.array(
    z.object({ dormId: z.string(), label: z.string(), classIds: z.array(z.string()), placeId: z.string().nullable() }),
  ),
  places: z.array(Place),
  /** The record kinds the caller's duties count (an assistant is not offered 班主任工作会 or 听课). */
  recordKinds: z.array(DutyRecordKind),
  /** Shortest face-to-face talk that counts toward one of the caller's duties (an assistant's 30 minutes), else null. */
  talkMinMinutes: z.number().nullable(),
});
export type CheckinOptions = z.infer<typeof CheckinOptions>;

export const DormResident = z.object({ studentId: z.string(), name: z.string() });
export type DormResident = z.infer<typeof DormResident>;

export const FollowUpRow = z.object({
  followUpId: z.string(),
  studentId: z.string(),
  studentName: z.string(),
  classId: z.string(),
  dormLabel: z.string(),
  reason: FollowUp.shape.reason,
  /** One line saying why it waits (缺勤未请假 / 学业助理反映的学习困难). */
  summary: z.string(),
  reportedByName: z.string(),
  at: z.string(),
  status: FollowUpStatus,
});
export type FollowUpRow = z.infer<typeof FollowUpRow>;

export const RecordRow = z.object({
  recordId: z.string(),
  kind: DutyRecordKind,
  at: z.string(),
  classId: z.string(),
  label: z.string(),
  flags: z.array(CheckinFlag),
});
export type RecordRow = z.infer<typeof RecordRow>;

const { ClientIdReused, DormNotOfClass, NotInClass, NotResident, PlaceUnknown, ResidentMissing, ResidentTwice } =
  Errors.checkins;

export const checkinsApi = {
  options: action(z.object({})).returns(CheckinOptions).fails(),
  dormResidents: action(z.object({ classId: id, dormId: id }))
    .returns(z.array(DormResident))
    .fails(),
  dormCheck: action(DormCheckInput)
    .returns(CheckinReceipt)
    .fails(DormNotOfClass, NotResident, ResidentTwice, ResidentMissing, ClientIdReused),
  classCheck: action(ClassCheckInput).returns(CheckinReceipt).fails(NotInClass, PlaceUnknown, ClientIdReused),
  lecture: action(LectureInput).returns(CheckinReceipt).fails(PlaceUnknown, ClientIdReused),
  meeting: action(MeetingInput).returns(CheckinReceipt).fails(ClientIdReused),
  themedActivity: action(ThemedActivityInput).returns(CheckinReceipt).fails(ClientIdReused),
  talk: action(QuickTalkInput).returns(CheckinReceipt).fails(ClientIdReused, Errors.support.TalkTalkerRole),
  parentContact: action(ParentContactInput).returns(CheckinReceipt).fails(ClientIdReused),
  teacherContact: action(TeacherContactInput).returns(CheckinReceipt).fails(ClientIdReused),
  myRecords: action(z.object({ limit: z.number().int().min(1).max(100).default(30) }))
    .returns(z.array(RecordRow))
    .fails(),
  followUps: action(z.object({ status: z.enum(['open', 'closed']).default('open') }))
    .returns(z.array(FollowUpRow))
    .fails(),
  /** An assistant (or any class staff) reports a student's learning difficulty to the counselor's queue. */
  reportDifficulty: action(
    z.object({
      clientId: sent.clientId,
      studentId: id,
      difficulty: DifficultyType.optional(),
      note: text(500, '情况说明').pipe(z.string().min(1, '请写明学生的学习困难情况')),
    }),
  )
    .returns(z.object({ followUpId: z.string(), duplicate: z.boolean() }))
    .fails(),
  closeFollowUp: action(z.object({ followUpId: id }))
    .returns(z.object({ followUpId: z.string(), status: FollowUpStatus }))
    .fails(),
};
export type CheckinsApi = typeof checkinsApi;
