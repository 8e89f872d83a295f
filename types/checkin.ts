import { z } from 'zod';
import type { DutyRecordKind } from './duty';

/**
 * Check-ins and the other duty records staff file (meetings, activities, talks, contacts), as
 * stored in the 'dutyRecords' collection. The top-level fields are exactly what the duty
 * evaluator counts (types/duty.ts DutyRecord); the form's content sits in `details`.
 */
export const DUTY_RECORDS = 'dutyRecords';
export const FOLLOW_UPS = 'followUps';

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

export type GeoFix = { latitude: number; longitude: number; accuracy?: number };

export const ResidentStatus = z.enum(['present', 'absent', 'onLeave'], { errorMap: () => ({ message: '在位情况应为在寝、缺勤或请假' }) });
export type ResidentStatus = z.infer<typeof ResidentStatus>;

export const residentStatusLabel: Record<ResidentStatus, string> = { present: '在寝', absent: '缺勤', onLeave: '请假' };

export const TalkMode = z.enum(['faceToFace', 'phone', 'wechatQq', 'group'], { errorMap: () => ({ message: '谈话方式不正确' }) });
export type TalkMode = z.infer<typeof TalkMode>;

export const talkModeLabel: Record<TalkMode, string> = { faceToFace: '面谈', phone: '电话', wechatQq: '微信/QQ', group: '集体座谈' };

/** The form behind a record. */
export type CheckinDetails =
  | { form: 'dormCheck'; hygieneScore: number; hygieneNotes: string; residents: { studentId: string; name: string; status: ResidentStatus }[] }
  | { form: 'classCheck'; course: string; late: string[]; absent: string[]; leftEarly: string[] }
  | { form: 'lecture'; course: string; teacherName: string; notes: string }
  | { form: 'meeting'; title: string; summary: string; attendees: number }
  | { form: 'themedActivity'; theme: string; participants: number; summary: string }
  | { form: 'talk'; notes: string }
  | { form: 'contact'; channel: string; notes: string; teacherName?: string };

/** One stored record (without the store's meta fields). */
export type DutyRecordDoc = {
  _id: string;
  kind: DutyRecordKind;
  actorId: string;
  /** When it happened, on the server's clock (see core/checkins/record-time.ts). */
  at: string;
  /** When the server received it. */
  receivedAt: string;
  collegeId: string;
  classId: string;
  dormId?: string;
  studentId?: string;
  teacherId?: string;
  minutes?: number;
  topics?: string[];
  mode?: string;
  documented: boolean;
  /** The phone's own id for this check-in (uuid): a resend is the same record. */
  clientId: string;
  /** The device's clock when the person tapped and when the phone sent it (ISO). */
  deviceAt: string;
  sentAt: string;
  placeId?: string;
  location?: GeoFix;
  distanceMeters?: number;
  flags: CheckinFlag[];
  details: CheckinDetails;
};

export type FollowUpStatus = 'open' | 'closed';

/**
 * Something waiting for the counselor: an absence without leave found at a dorm check, or a
 * learning difficulty an assistant reported (seed 000: 及时向辅导员反映学生学习困难).
 */
export type FollowUp = {
  _id: string;
  reason: 'dormAbsence' | 'difficultyReport';
  /** difficultyReport: what the assistant saw, and the type they think it is (the counselor decides). */
  note?: string;
  /** A DifficultyType of types/support.ts (kept as text here: support imports this module). */
  difficulty?: string;
  studentId: string;
  studentName: string;
  classId: string;
  collegeId: string;
  dormId?: string;
  counselorId: string;
  recordId: string;
  reportedBy: string;
  at: string;
  status: FollowUpStatus;
};

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
