import { z } from 'zod';
import { action } from '../envelope';
import { id, isoTime, requiredText, text } from '../fields';
import type { DutyStatus } from '../duty';
import {
  DifficultyInput,
  MeetingAnswer,
  PairingInput,
  PlanDraftInput,
  ScheduleMeetingInput,
  TalkInput,
  type DifficultyType,
  type Meeting,
  type Pairing,
  type PlanStatus,
  type ReviewerRole,
  type StudyPlan,
  type TalkInitiator,
  type TalkMode,
  type TalkRecord,
  type TalkTopic,
  type TalkerRole,
} from '../support';

/** A talk as its reader may see it: the first impression only for those allowed the notes. */
export type TalkView = Omit<TalkRecord, 'firstImpression'> & { firstImpression?: string };

/** What the talk form starts from: the student, the caller's roles for them, the last talk. */
export type TalkDefaults = {
  student: { studentId: string; name: string; gender: '男' | '女'; classId: string; className: string };
  talkerRoles: TalkerRole[];
  /** The n-th talk this one will be, with this talker. */
  nextNth: number;
  last: { at: string; mode: TalkMode; place: string; minutes: number; topics: TalkTopic[]; initiatedBy: TalkInitiator } | null;
  difficulty: DifficultyType | null;
  warningLevel: string | null;
};

export type DifficultyView = { type: DifficultyType; label: string; note?: string; at: string; byName: string };

export type PlanView = Omit<StudyPlan, 'actorId'> & {
  /** 大几: from the cohort and the current semester. */
  studyYear: number;
  /** Whether the caller is the reviewer of this plan now. */
  canReview: boolean;
};

export type PairingView = Omit<Pairing, 'bankAccountSealed' | 'bankAccountLast4'> & {
  /** `**** 1234` for everyone but the school-level approver. */
  bankAccount: string;
  bankAccountMasked: boolean;
};

export type MeetingView = Meeting & {
  /** The caller may answer (accept / ask to reschedule) or confirm the parent record. */
  canRespond: boolean;
  canConfirm: boolean;
  isOrganizer: boolean;
};

export type TimelineKind = 'warning' | 'notice' | 'talk' | 'difficulty' | 'plan' | 'pairing' | 'meeting' | 'parentContact' | 'concern';

export type TimelineEntry = { at: string; kind: TimelineKind; title: string; detail: string; refId: string };

export type DutyLine = {
  title: string;
  role: string;
  personName: string;
  required: number;
  progress: number;
  status: DutyStatus;
  dueAt: string;
};

export type CaseAudience = 'staff' | 'student' | 'parent';

export type CaseView = {
  audience: CaseAudience;
  student: { studentId: string; name: string; classId: string; className: string; cohort: number; studyYear: number };
  warning: { id: string; levelName: string; semester: string; explanation: string[]; failedCourses: { code: string; name: string; credits: number }[]; publishedAt: string; manual: boolean } | null;
  difficulty: DifficultyView | null;
  plan: PlanView | null;
  talks: TalkView[];
  pairings: PairingView[];
  meetings: MeetingView[];
  timeline: TimelineEntry[];
  /** Staff only: the duties this warning creates, counted from the records above. */
  duties: DutyLine[];
  /** Why the duty lines may be missing (e.g. the school calendar does not cover today). */
  dutiesNote: string | null;
  next: string[];
  /** Staff: may set the learning-difficulty type here (counselor, head teacher), or report one to the counselor (assistant). */
  difficultyAction: 'set' | 'report' | null;
};

export type CaseloadRow = {
  studentId: string;
  name: string;
  classId: string;
  className: string;
  levelName: string;
  warningId: string;
  planStatus: PlanStatus | 'none';
  talks: number;
  lastTalkAt: string | null;
  overdue: number;
  next: string[];
};

export type PlanQueueRow = { planId: string; studentId: string; studentName: string; className: string; levelName: string; status: PlanStatus; submittedAt: string | null; reviewerRole: ReviewerRole; /** Who reviews, named: 班主任 / 辅导员 / 班主任与辅导员（联合审核）. */ reviewers: string };

export type MyPlan = {
  warning: { id: string; levelName: string; semester: string; failedCourses: { code: string; name: string; credits: number }[] } | null;
  plan: PlanView | null;
};

const decision = z.enum(['approve', 'return'], { errorMap: () => ({ message: '请选择通过或退回' }) });
const pairingDecision = z.enum(['approve', 'reject'], { errorMap: () => ({ message: '请选择同意或不同意' }) });
const approval = z.object({ pairingId: id, decision: pairingDecision, opinion: requiredText(300, '审核意见') });

export const supportApi = {
  talkDefaults: action(z.object({ studentId: id })).returns<TalkDefaults>(),
  recordTalk: action(TalkInput).returns<TalkView>(),
  /** One saved talk (quick or full form), as its reader may see it: first impressions only with talk.readNotes. */
  talk: action(z.object({ talkId: id })).returns<TalkView>(),
  setDifficulty: action(DifficultyInput).returns<DifficultyView>(),

  caseView: action(z.object({ studentId: id })).returns<CaseView>(),
  caseload: action(z.object({})).returns<CaseloadRow[]>(),

  myPlan: action(z.object({})).returns<MyPlan>(),
  savePlan: action(PlanDraftInput).returns<PlanView>(),
  submitPlan: action(z.object({ planId: id, signature: requiredText(20, '学生签名') })).returns<PlanView>(),
  reviewPlan: action(z.object({ planId: id, decision, opinion: requiredText(500, '审核意见') })).returns<PlanView>(),
  reportPlan: action(z.object({ planId: id, report: requiredText(2000, '执行情况报告') })).returns<PlanView>(),
  plan: action(z.object({ planId: id })).returns<PlanView>(),
  planQueue: action(z.object({})).returns<PlanQueueRow[]>(),

  applyPairing: action(PairingInput).returns<PairingView>(),
  approvePairingClass: action(approval).returns<PairingView>(),
  approvePairingCollege: action(approval).returns<PairingView>(),
  approvePairingSchool: action(approval).returns<PairingView>(),
  pairing: action(z.object({ pairingId: id })).returns<PairingView>(),
  pairings: action(z.object({})).returns<PairingView[]>(),

  scheduleMeeting: action(ScheduleMeetingInput).returns<MeetingView>(),
  rescheduleMeeting: action(z.object({ meetingId: id, startAt: isoTime })).returns<MeetingView>(),
  cancelMeeting: action(z.object({ meetingId: id })).returns<MeetingView>(),
  recordMeeting: action(
    z.object({
      meetingId: id,
      summary: requiredText(3000, '纪要'),
      minutes: z.number({ invalid_type_error: '时长应为数字' }).int().min(1, '时长至少 1 分钟').max(600, '时长最多 600 分钟'),
      presentIds: z.array(id).max(60).default([]),
    }),
  ).returns<MeetingView>(),
  respondMeeting: action(
    z
      .object({ meetingId: id, answer: MeetingAnswer, note: text(200, '说明').default(''), proposedAt: isoTime.optional() })
      .refine((r) => r.answer !== 'reschedule' || r.note !== '' || r.proposedAt !== undefined, { message: '申请改期请写明原因或希望的时间', path: ['note'] }),
  ).returns<MeetingView>(),
  confirmParentMeeting: action(z.object({ meetingId: id })).returns<MeetingView>(),
  meeting: action(z.object({ meetingId: id })).returns<MeetingView>(),
  meetings: action(z.object({})).returns<MeetingView[]>(),
  myMeetings: action(z.object({})).returns<MeetingView[]>(),
};
export type SupportApi = typeof supportApi;
