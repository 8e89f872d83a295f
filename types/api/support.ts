import { z } from 'zod';
import { action } from '../envelope';
import { Errors } from '../errors';
import { id, isoTime, requiredText, text } from '../fields';
import { Gender } from '../domain';
import { DutyStatus } from '../duty';
import { OwedCourse } from '../warning';
import {
  DifficultyInput,
  DifficultyType,
  Meeting,
  MeetingAnswer,
  Pairing,
  PairingInput,
  PlanDraftInput,
  PlanStatus,
  ReviewerRole,
  ScheduleMeetingInput,
  StudyPlan,
  TalkInput,
  TalkRecord,
  TalkerRole,
} from '../support';

/** A talk as its reader may see it: the first impression only for those allowed the notes. */
export const TalkView = TalkRecord.extend({ firstImpression: z.string().optional() });
export type TalkView = z.infer<typeof TalkView>;

/** What the talk form starts from: the student, the caller's roles for them, the last talk. */
export const TalkDefaults = z.object({
  student: z.object({
    studentId: z.string(),
    name: z.string(),
    gender: Gender,
    classId: z.string(),
    className: z.string(),
  }),
  talkerRoles: z.array(TalkerRole),
  /** The n-th talk this one will be, with this talker. */
  nextNth: z.number(),
  last: TalkRecord.pick({
    at: true,
    mode: true,
    place: true,
    minutes: true,
    topics: true,
    initiatedBy: true,
  }).nullable(),
  difficulty: DifficultyType.nullable(),
  warningLevel: z.string().nullable(),
});
export type TalkDefaults = z.infer<typeof TalkDefaults>;

export const DifficultyView = z.object({
  type: DifficultyType,
  label: z.string(),
  note: z.string().optional(),
  at: z.string(),
  byName: z.string(),
});
export type DifficultyView = z.infer<typeof DifficultyView>;

export const PlanView = StudyPlan.omit({ actorId: true }).extend({
  /** 大几: from the cohort and the current semester. */
  studyYear: z.number(),
  /** Whether the caller is the reviewer of this plan now. */
  canReview: z.boolean(),
});
export type PlanView = z.infer<typeof PlanView>;

export const PairingView = Pairing.omit({ bankAccountSealed: true, bankAccountLast4: true }).extend({
  /** `**** 1234` for everyone but the school-level approver. */
  bankAccount: z.string(),
  bankAccountMasked: z.boolean(),
});
export type PairingView = z.infer<typeof PairingView>;

export const MeetingView = Meeting.extend({
  /** The caller may answer (accept / ask to reschedule) or confirm the parent record. */
  canRespond: z.boolean(),
  canConfirm: z.boolean(),
  isOrganizer: z.boolean(),
});
export type MeetingView = z.infer<typeof MeetingView>;

export const TimelineKind = z.enum([
  'warning',
  'notice',
  'talk',
  'difficulty',
  'plan',
  'pairing',
  'meeting',
  'parentContact',
  'concern',
]);
export type TimelineKind = z.infer<typeof TimelineKind>;

export const TimelineEntry = z.object({
  at: z.string(),
  kind: TimelineKind,
  title: z.string(),
  detail: z.string(),
  refId: z.string(),
});
export type TimelineEntry = z.infer<typeof TimelineEntry>;

export const DutyLine = z.object({
  title: z.string(),
  role: z.string(),
  personName: z.string(),
  required: z.number(),
  progress: z.number(),
  status: DutyStatus,
  dueAt: z.string(),
});
export type DutyLine = z.infer<typeof DutyLine>;

export const CaseAudience = z.enum(['staff', 'student', 'parent']);
export type CaseAudience = z.infer<typeof CaseAudience>;

export const CaseView = z.object({
  audience: CaseAudience,
  student: z.object({
    studentId: z.string(),
    name: z.string(),
    classId: z.string(),
    className: z.string(),
    cohort: z.number(),
    studyYear: z.number(),
  }),
  warning: z
    .object({
      id: z.string(),
      levelName: z.string(),
      semester: z.string(),
      explanation: z.array(z.string()),
      failedCourses: z.array(OwedCourse),
      publishedAt: z.string(),
      manual: z.boolean(),
    })
    .nullable(),
  difficulty: DifficultyView.nullable(),
  plan: PlanView.nullable(),
  talks: z.array(TalkView),
  pairings: z.array(PairingView),
  meetings: z.array(MeetingView),
  timeline: z.array(TimelineEntry),
  /** Staff only: the duties this warning creates, counted from the records above. */
  duties: z.array(DutyLine),
  /** Why the duty lines may be missing (e.g. the school calendar does not cover today). */
  dutiesNote: z.string().nullable(),
  next: z.array(z.string()),
  /** Staff: may set the learning-difficulty type here (counselor, head teacher), or report one to the counselor (assistant). */
  difficultyAction: z.enum(['set', 'report']).nullable(),
});
export type CaseView = z.infer<typeof CaseView>;

export const CaseloadRow = z.object({
  studentId: z.string(),
  name: z.string(),
  classId: z.string(),
  className: z.string(),
  levelName: z.string(),
  warningId: z.string(),
  planStatus: z.union([PlanStatus, z.literal('none')]),
  talks: z.number(),
  lastTalkAt: z.string().nullable(),
  overdue: z.number(),
  next: z.array(z.string()),
});
export type CaseloadRow = z.infer<typeof CaseloadRow>;

export const PlanQueueRow = z.object({
  planId: z.string(),
  studentId: z.string(),
  studentName: z.string(),
  className: z.string(),
  levelName: z.string(),
  status: PlanStatus,
  submittedAt: z.string().nullable(),
  reviewerRole: ReviewerRole,
  /** Who reviews, named: 班主任 / 辅导员 / 班主任与辅导员（联合审核）. */
  reviewers: z.string(),
});
export type PlanQueueRow = z.infer<typeof PlanQueueRow>;

export const MyPlan = z.object({
  warning: z
    .object({ id: z.string(), levelName: z.string(), semester: z.string(), failedCourses: z.array(OwedCourse) })
    .nullable(),
  plan: PlanView.nullable(),
});
export type MyPlan = z.infer<typeof MyPlan>;

const decision = z.enum(['approve', 'return'], { errorMap: () => ({ message: '请选择通过或退回' }) });
const pairingDecision = z.enum(['approve', 'reject'], { errorMap: () => ({ message: '请选择同意或不同意' }) });
const approval = z.object({ pairingId: id, decision: pairingDecision, opinion: requiredText(300, '审核意见') });

const { TalkTalkerRole, TalkInFuture, TalkTooOld, TalkMeetingMismatch } = Errors.support;
const {
  PlanWarningClosed,
  PlanCourseUnknown,
  PlanCourseRepeated,
  PlanLocked,
  PlanNotEditable,
  PlanLinesMissing,
  PlanSignature,
} = Errors.support;
const { PlanNotReviewer, PlanNotSubmitted, PlanNotApproved } = Errors.support;
const { PairingHelperUnknown, PairingHelpeeUnknown, PairingHelperCollege, PairingHelperWarned, PairingOutOfOrder } =
  Errors.support;
const {
  MeetingInPast,
  MeetingTooFar,
  MeetingStudentNotInClass,
  MeetingNotScheduled,
  MeetingNotOpen,
  MeetingNotStarted,
} = Errors.support;
const { MeetingNotInvited, MeetingProposedTime, MeetingNotParentMeeting, MeetingNotRecorded } = Errors.support;

export const supportApi = {
  talkDefaults: action(z.object({ studentId: id }))
    .returns(TalkDefaults)
    .fails(),
  recordTalk: action(TalkInput).returns(TalkView).fails(TalkTalkerRole, TalkInFuture, TalkTooOld, TalkMeetingMismatch),
  /** One saved talk (quick or full form), as its reader may see it: first impressions only with talk.readNotes. */
  talk: action(z.object({ talkId: id }))
    .returns(TalkView)
    .fails(),
  setDifficulty: action(DifficultyInput).returns(DifficultyView).fails(),

  caseView: action(z.object({ studentId: id }))
    .returns(CaseView)
    .fails(),
  caseload: action(z.object({})).returns(z.array(CaseloadRow)).fails(),

  myPlan: action(z.object({})).returns(MyPlan).fails(),
  savePlan: action(PlanDraftInput)
    .returns(PlanView)
    .fails(PlanWarningClosed, PlanCourseUnknown, PlanCourseRepeated, PlanLocked),
  submitPlan: action(z.object({ planId: id, signature: requiredText(20, '学生签名') }))
    .returns(PlanView)
    .fails(PlanNotEditable, PlanLinesMissing, PlanSignature),
  reviewPlan: action(z.object({ planId: id, decision, opinion: requiredText(500, '审核意见') }))
    .returns(PlanView)
    .fails(PlanNotReviewer, PlanNotSubmitted),
  reportPlan: action(z.object({ planId: id, report: requiredText(2000, '执行情况报告') }))
    .returns(PlanView)
    .fails(PlanNotApproved),
  plan: action(z.object({ planId: id }))
    .returns(PlanView)
    .fails(),
  planQueue: action(z.object({})).returns(z.array(PlanQueueRow)).fails(),

  applyPairing: action(PairingInput)
    .returns(PairingView)
    .fails(PairingHelperUnknown, PairingHelpeeUnknown, PairingHelperCollege, PairingHelperWarned),
  approvePairingClass: action(approval).returns(PairingView).fails(PairingOutOfOrder),
  approvePairingCollege: action(approval).returns(PairingView).fails(PairingOutOfOrder),
  approvePairingSchool: action(approval).returns(PairingView).fails(PairingOutOfOrder),
  pairing: action(z.object({ pairingId: id }))
    .returns(PairingView)
    .fails(),
  pairings: action(z.object({})).returns(z.array(PairingView)).fails(),

  scheduleMeeting: action(ScheduleMeetingInput)
    .returns(MeetingView)
    .fails(MeetingInPast, MeetingTooFar, MeetingStudentNotInClass),
  rescheduleMeeting: action(z.object({ meetingId: id, startAt: isoTime }))
    .returns(MeetingView)
    .fails(MeetingNotScheduled, MeetingInPast, MeetingTooFar),
  cancelMeeting: action(z.object({ meetingId: id }))
    .returns(MeetingView)
    .fails(MeetingNotScheduled),
  recordMeeting: action(
    z.object({
      meetingId: id,
      summary: requiredText(3000, '纪要'),
      minutes: z
        .number({ invalid_type_error: '时长应为数字' })
        .int()
        .min(1, '时长至少 1 分钟')
        .max(600, '时长最多 600 分钟'),
      presentIds: z.array(id).max(60).default([]),
    }),
  )
    .returns(MeetingView)
    .fails(MeetingNotOpen, MeetingNotStarted, MeetingNotInvited),
  respondMeeting: action(
    z
      .object({
        meetingId: id,
        answer: MeetingAnswer,
        note: text(200, '说明').default(''),
        proposedAt: isoTime.optional(),
      })
      .refine((r) => r.answer !== 'reschedule' || r.note !== '' || r.proposedAt !== undefined, {
        message: '申请改期请写明原因或希望的时间',
        path: ['note'],
      }),
  )
    .returns(MeetingView)
    .fails(MeetingNotScheduled, MeetingProposedTime),
  confirmParentMeeting: action(z.object({ meetingId: id }))
    .returns(MeetingView)
    .fails(MeetingNotParentMeeting, MeetingNotRecorded, MeetingNotStarted),
  meeting: action(z.object({ meetingId: id }))
    .returns(MeetingView)
    .fails(),
  meetings: action(z.object({})).returns(z.array(MeetingView)).fails(),
  myMeetings: action(z.object({})).returns(z.array(MeetingView)).fails(),
};
export type SupportApi = typeof supportApi;
