import { z } from 'zod';
import { id, isoTime, requiredText, text } from './fields';
import { CheckinFlag } from './checkin';

/**
 * Support casework (帮扶) records as data: the talk record (rules: 002-A3), the learning-
 * difficulty types (rules: 002-4.2.3.1), the study plan (rules: 002-A4, 004-A5), the peer
 * pairing form (朋辈帮扶申请表, rules: 002-A2) and meetings (座谈会, rules: 002-4.2.3.1; 班会, rules: 001-1.2, 003-5.1;
 * 家长面谈, rules: 004-4.10).
 * Every stored record carries `kind`, `actorId`, `at` (ISO +08:00), `studentId`/`classId` and
 * `minutes` where it has a length, so duty quotas can count them without knowing the forms.
 */

const enumOf = <const T extends [string, ...string[]]>(values: T, message: string) =>
  z.enum(values, { errorMap: () => ({ message }) });

/** Who talked (谈话人). A tutor (导师) is part of the form; no tutor role exists yet (see report). */
export const TalkerRole = enumOf(['counselor', 'headTeacher', 'assistant', 'tutor'], '谈话人身份不正确');
export type TalkerRole = z.infer<typeof TalkerRole>;
export const talkerRoleLabel: Record<TalkerRole, string> = {
  counselor: '辅导员',
  headTeacher: '班主任',
  assistant: '学业助理',
  tutor: '导师',
};

/** 约谈方式: the student asked for it, or the teacher did. */
export const TalkInitiator = enumOf(['student', 'teacher'], '请选择约谈方式');
export type TalkInitiator = z.infer<typeof TalkInitiator>;
export const talkInitiatorLabel: Record<TalkInitiator, string> = { student: '学生主动约谈', teacher: '老师约谈' };

/** 谈话方式. */
export const TalkMode = enumOf(['faceToFace', 'phone', 'wechatQq', 'group'], '请选择谈话方式');
export type TalkMode = z.infer<typeof TalkMode>;
export const talkModeLabel: Record<TalkMode, string> = {
  faceToFace: '面谈',
  phone: '电话',
  wechatQq: '微信/QQ',
  group: '集体座谈',
};

/** 谈话主题 (multi-select; "other" needs its text). */
export const TalkTopic = enumOf(
  ['ideology', 'academics', 'career', 'relationships', 'adaptation', 'dormFamily', 'other'],
  '谈话主题不正确',
);
export type TalkTopic = z.infer<typeof TalkTopic>;
export const talkTopicLabel: Record<TalkTopic, string> = {
  ideology: '思想政治',
  academics: '学业',
  career: '就业及规划',
  relationships: '人际关系（情感）',
  adaptation: '适应性',
  dormFamily: '宿舍（家庭）',
  other: '其他',
};

/** Learning-difficulty types (rules: 002-4.2.3.1.1 to 002-4.2.3.1.5). */
export const DifficultyType = enumOf(
  ['temporary', 'ability', 'motivation', 'holistic', 'adaptation'],
  '请选择学习困难类型',
);
export type DifficultyType = z.infer<typeof DifficultyType>;
export const difficultyLabel: Record<DifficultyType, string> = {
  temporary: '暂时性困难',
  ability: '能力型困难',
  motivation: '动力型困难',
  holistic: '整体型困难',
  adaptation: '适应型困难',
};

const minutesField = (label: string) =>
  z
    .number({ required_error: `缺少${label}`, invalid_type_error: `${label}应为数字` })
    .int(`${label}应为整数分钟`)
    .min(1, `${label}至少 1 分钟`)
    .max(600, `${label}最多 600 分钟`);

/** What a talker fills in (谈心谈话登记表). The talker, the n-th count and the class come from the server. */
export const TalkInput = z
  .object({
    studentId: id,
    talkerRole: TalkerRole,
    initiatedBy: TalkInitiator,
    mode: TalkMode,
    topics: z.array(TalkTopic, { required_error: '请选择谈话主题' }).min(1, '至少选择一个谈话主题').max(7),
    otherTopic: text(40, '其他主题').default(''),
    at: isoTime,
    place: requiredText(60, '谈话地点'),
    minutes: minutesField('谈话时长'),
    firstImpression: text(500, '初步印象').default(''),
    content: requiredText(2000, '谈话主要内容'),
    measures: text(1000, '措施及效果').default(''),
    /** 谈话人签名: the talker confirms the record is theirs and true. */
    confirmed: z.literal(true, { errorMap: () => ({ message: '请谈话人确认并签名' }) }),
    /** Set or revise the learning-difficulty type from this talk. */
    difficulty: DifficultyType.optional(),
    /** The scheduled talk (meeting of kind 'talk') this record fulfils. */
    meetingId: id.optional(),
  })
  .superRefine((t, ctx) => {
    if (t.topics.includes('other') && t.otherTopic === '')
      ctx.addIssue({ code: 'custom', path: ['otherTopic'], message: '选择“其他”时请写明主题' });
    if (new Set(t.topics).size !== t.topics.length)
      ctx.addIssue({ code: 'custom', path: ['topics'], message: '谈话主题重复' });
  });
export type TalkInput = z.infer<typeof TalkInput>;

export const TalkRecord = z.object({
  _id: z.string(),
  kind: z.literal('talk'),
  /** The talker (谈话人). */
  actorId: z.string(),
  actorName: z.string(),
  talkerRole: TalkerRole,
  at: z.string(),
  studentId: z.string(),
  studentName: z.string(),
  classId: z.string(),
  collegeId: z.string(),
  initiatedBy: TalkInitiator,
  /** 第 n 次 with this talker, at the time of writing (reads recompute it from the list). */
  nth: z.number(),
  mode: TalkMode,
  topics: z.array(TalkTopic),
  otherTopic: z.string(),
  place: z.string(),
  minutes: z.number(),
  /** Counselor's notes: never shown to the student or parents. */
  firstImpression: z.string(),
  content: z.string(),
  measures: z.string(),
  confirmedAt: z.string(),
  meetingId: z.string().optional(),
  /**
   * Which form wrote it: the full 谈心谈话登记表, or the quick form of 签到与记录 (a subset: student,
   * mode, minutes, content), which may have been sent from a phone offline (`clientId`, `flags`).
   */
  form: z.enum(['full', 'quick']).optional(),
  clientId: z.string().optional(),
  flags: z.array(CheckinFlag).optional(),
});
export type TalkRecord = z.infer<typeof TalkRecord>;

export const DifficultyInput = z.object({
  studentId: id,
  type: DifficultyType,
  note: text(300, '说明').default(''),
});
export type DifficultyInput = z.infer<typeof DifficultyInput>;

/** One assessment; the latest is the student's current type, earlier ones are the history. */
export const DifficultyRecord = z.object({
  _id: z.string(),
  kind: z.literal('difficulty'),
  actorId: z.string(),
  actorName: z.string(),
  at: z.string(),
  studentId: z.string(),
  classId: z.string(),
  collegeId: z.string(),
  type: DifficultyType,
  note: z.string(),
  talkId: z.string().optional(),
});
export type DifficultyRecord = z.infer<typeof DifficultyRecord>;

// ---- Study plan ---------------------------------------------------------------------------

export const PlanStatus = z.enum(['draft', 'submitted', 'returned', 'approved']);
export type PlanStatus = z.infer<typeof PlanStatus>;
export const planStatusLabel: Record<PlanStatus, string> = {
  draft: '草稿',
  submitted: '待审核',
  returned: '已退回修改',
  approved: '已通过',
};

/** 学习计划: one line per owed course with its retake plan (含考核未通过的每一门课程的重修计划，须具体). */
export const PlanLineInput = z.object({
  courseCode: id,
  retakePlan: text(500, '重修计划'),
});
export type PlanLineInput = z.infer<typeof PlanLineInput>;

export const PlanDraftInput = z.object({
  warningId: id,
  /** Self-analysis of the difficulty (学生可附上更详细的自我分析). */
  analysis: text(1000, '自我分析').default(''),
  lines: z.array(PlanLineInput).max(40, '课程过多'),
  goals: text(1000, '学期目标与安排').default(''),
});
export type PlanDraftInput = z.infer<typeof PlanDraftInput>;

export const PlanLine = z.object({
  courseCode: z.string(),
  courseName: z.string(),
  credits: z.number(),
  retakePlan: z.string(),
});
export type PlanLine = z.infer<typeof PlanLine>;

/** Who reviews: head teacher for years 1–2, tutor for year 3+ (counselor while no tutor role exists). */
export const ReviewerRole = z.enum(['headTeacher', 'tutor', 'counselor']);
export type ReviewerRole = z.infer<typeof ReviewerRole>;
export const reviewerRoleLabel: Record<ReviewerRole, string> = {
  headTeacher: '班主任',
  tutor: '导师',
  counselor: '辅导员',
};

/** Who reviews a plan, as a card names them: "班主任" or "班主任与辅导员（联合审核）". */
export function reviewersText(plan: {
  reviewerRole: ReviewerRole;
  jointReviewers?: readonly ReviewerRole[] | undefined;
}): string {
  const joint = plan.jointReviewers ?? [];
  return joint.length > 1
    ? `${joint.map((r) => reviewerRoleLabel[r]).join('与')}（联合审核）`
    : reviewerRoleLabel[plan.reviewerRole];
}

/** `approvedAs`: a reviewer's approval (in a joint review the plan stays submitted until all have approved). */
export const PlanEvent = z.object({
  status: PlanStatus,
  at: z.string(),
  by: z.string(),
  byName: z.string(),
  note: z.string(),
  approvedAs: ReviewerRole.optional(),
});
export type PlanEvent = z.infer<typeof PlanEvent>;

export const PlanReview = z.object({
  decision: z.enum(['approve', 'return']),
  opinion: z.string(),
  byId: z.string(),
  byName: z.string(),
  role: ReviewerRole,
  at: z.string(),
});
export type PlanReview = z.infer<typeof PlanReview>;

export const PlanApproval = z.object({
  role: ReviewerRole,
  byId: z.string(),
  byName: z.string(),
  at: z.string(),
  opinion: z.string(),
});
export type PlanApproval = z.infer<typeof PlanApproval>;

export const StudyPlan = z.object({
  _id: z.string(),
  kind: z.literal('studyPlan'),
  warningId: z.string(),
  studentId: z.string(),
  studentName: z.string(),
  classId: z.string(),
  collegeId: z.string(),
  semester: z.string(),
  levelName: z.string(),
  /** The owed courses from the warning when the plan was started: each needs a line. */
  failedCourses: z.array(z.object({ code: z.string(), name: z.string(), credits: z.number() })),
  lines: z.array(PlanLine),
  analysis: z.string(),
  goals: z.string(),
  status: PlanStatus,
  reviewerRole: ReviewerRole,
  /** The student's signature (their name as typed) and when. */
  signature: z.object({ name: z.string(), at: z.string() }).nullable(),
  review: PlanReview.nullable(),
  /** End-of-semester execution report (执行情况). */
  report: z.object({ text: z.string(), at: z.string() }).nullable(),
  /**
   * Reviewed jointly by these roles (gxu-ee 试读: head teacher and counselor, rules: 002-A4):
   * the plan is approved once each has approved it. Absent: `reviewerRole` alone reviews.
   */
  jointReviewers: z.array(ReviewerRole).optional(),
  approvals: z.array(PlanApproval).optional(),
  history: z.array(PlanEvent),
  actorId: z.string(),
  at: z.string(),
});
export type StudyPlan = z.infer<typeof StudyPlan>;

// ---- Peer pairing -------------------------------------------------------------------------

export const PairingStage = z.enum(['class', 'college', 'school']);
export type PairingStage = z.infer<typeof PairingStage>;
export const pairingStageLabel: Record<PairingStage, string> = {
  class: '班级评议',
  college: '院系审核',
  school: '学校审核',
};

export const PairingStatus = z.enum(['applied', 'classApproved', 'collegeApproved', 'approved', 'rejected']);
export type PairingStatus = z.infer<typeof PairingStatus>;
export const pairingStatusLabel: Record<PairingStatus, string> = {
  applied: '待班级评议',
  classApproved: '待院系审核',
  collegeApproved: '待学校审核',
  approved: '已通过',
  rejected: '未通过',
};

export const bankAccount = z
  .string({ required_error: '缺少银行账号', invalid_type_error: '银行账号应为数字' })
  .transform((s) => s.replace(/\s+/g, ''))
  .pipe(z.string().regex(/^\d{12,19}$/, '银行账号应为 12–19 位数字'));

export const PairingInput = z
  .object({
    helperId: id,
    helpeeIds: z.array(id).min(1, '至少一名被帮扶人').max(5, '被帮扶人最多 5 名'),
    difficulty: DifficultyType,
    reason: requiredText(300, '学业困难原因'),
    plan: requiredText(1000, '帮扶计划'),
    bankName: text(30, '开户行').default('中国银行'),
    bankAccount,
  })
  .superRefine((p, ctx) => {
    if (new Set(p.helpeeIds).size !== p.helpeeIds.length)
      ctx.addIssue({ code: 'custom', path: ['helpeeIds'], message: '被帮扶人重复' });
    if (p.helpeeIds.includes(p.helperId))
      ctx.addIssue({ code: 'custom', path: ['helperId'], message: '帮扶人不能同时是被帮扶人' });
  });
export type PairingInput = z.infer<typeof PairingInput>;

export const PairingApproval = z.object({
  stage: PairingStage,
  decision: z.enum(['approve', 'reject']),
  opinion: z.string(),
  byId: z.string(),
  byName: z.string(),
  at: z.string(),
});
export type PairingApproval = z.infer<typeof PairingApproval>;

/** AES-256-GCM ciphertext of one field (base64 parts). */
export const SealedField = z.object({ v: z.literal(1), iv: z.string(), tag: z.string(), data: z.string() });
export type SealedField = z.infer<typeof SealedField>;

export const Pairing = z.object({
  _id: z.string(),
  kind: z.literal('pairing'),
  actorId: z.string(),
  at: z.string(),
  helperId: z.string(),
  helperName: z.string(),
  helpeeIds: z.array(z.string()),
  helpeeNames: z.array(z.string()),
  /** The first helpee's class and college: the class approval belongs to its head teacher. */
  classId: z.string(),
  collegeId: z.string(),
  difficulty: DifficultyType,
  reason: z.string(),
  plan: z.string(),
  bankName: z.string(),
  /** Encrypted at rest; only the last four digits are kept in clear, for the masked display. */
  bankAccountSealed: SealedField,
  bankAccountLast4: z.string(),
  status: PairingStatus,
  approvals: z.array(PairingApproval),
});
export type Pairing = z.infer<typeof Pairing>;

// ---- Meetings -----------------------------------------------------------------------------

export const MeetingKind = enumOf(['talk', 'collectiveTalk', 'classMeeting', 'parentMeeting'], '请选择会谈类型');
export type MeetingKind = z.infer<typeof MeetingKind>;
export const meetingKindLabel: Record<MeetingKind, string> = {
  talk: '约谈',
  collectiveTalk: '座谈会',
  classMeeting: '班会',
  parentMeeting: '家长面谈',
};

export const MeetingStatus = z.enum(['scheduled', 'held', 'confirmed', 'cancelled']);
export type MeetingStatus = z.infer<typeof MeetingStatus>;
export const meetingStatusLabel: Record<MeetingStatus, string> = {
  scheduled: '已安排',
  held: '已记录',
  confirmed: '家长已确认',
  cancelled: '已取消',
};

/** Class-meeting topics the duty table counts (e.g. study methods, rules: 003-5.1). */
export const MeetingTopic = enumOf(
  ['studyMethods', 'warningPolicy', 'adaptation', 'career', 'other'],
  '会议主题不正确',
);
export type MeetingTopic = z.infer<typeof MeetingTopic>;
export const meetingTopicLabel: Record<MeetingTopic, string> = {
  studyMethods: '学习方法',
  warningPolicy: '学业警示政策',
  adaptation: '适应教育',
  career: '就业规划',
  other: '其他',
};

export const ScheduleMeetingInput = z
  .object({
    kind: MeetingKind,
    title: requiredText(20, '主题'),
    classId: id,
    /** Invited students: exactly one for a talk or a parent meeting (its parents are invited). */
    studentIds: z.array(id).max(60, '一次最多邀请 60 名学生').default([]),
    startAt: isoTime,
    plannedMinutes: minutesField('预计时长').default(30),
    place: requiredText(40, '地点'),
    topics: z.array(MeetingTopic).max(5).default([]),
    /** Minutes before the start the reminder goes out; the configured default when omitted. */
    remindBeforeMinutes: z
      .number({ invalid_type_error: '提醒时间应为数字' })
      .int()
      .min(0)
      .max(14 * 24 * 60, '最多提前 14 天提醒')
      .optional(),
  })
  .superRefine((m, ctx) => {
    if ((m.kind === 'talk' || m.kind === 'parentMeeting') && m.studentIds.length !== 1) {
      ctx.addIssue({ code: 'custom', path: ['studentIds'], message: '约谈和家长面谈须且只能选择一名学生' });
    }
    if (m.kind === 'collectiveTalk' && m.studentIds.length === 0)
      ctx.addIssue({ code: 'custom', path: ['studentIds'], message: '座谈会至少邀请一名学生' });
  });
export type ScheduleMeetingInput = z.infer<typeof ScheduleMeetingInput>;

export const MeetingAnswer = z.enum(['accept', 'reschedule']);
export type MeetingAnswer = z.infer<typeof MeetingAnswer>;

export const MeetingResponse = z.object({
  userId: z.string(),
  name: z.string(),
  answer: MeetingAnswer,
  note: z.string(),
  proposedAt: z.string().nullable(),
  at: z.string(),
});
export type MeetingResponse = z.infer<typeof MeetingResponse>;

export const Meeting = z.object({
  _id: z.string(),
  kind: MeetingKind,
  /** The organizer. */
  actorId: z.string(),
  actorName: z.string(),
  /** When it starts (scheduled) — the instant duties count it at. */
  at: z.string(),
  title: z.string(),
  classId: z.string(),
  collegeId: z.string(),
  studentIds: z.array(z.string()),
  /** People the reminder and the accept / reschedule answer are addressed to (students, parents). */
  inviteeIds: z.array(z.string()),
  plannedMinutes: z.number(),
  place: z.string(),
  topics: z.array(MeetingTopic),
  remindBeforeMinutes: z.number(),
  status: MeetingStatus,
  responses: z.array(MeetingResponse),
  /** 纪要 / 面谈记录, written after it was held. */
  record: z
    .object({ summary: z.string(), minutes: z.number(), presentIds: z.array(z.string()), at: z.string() })
    .nullable(),
  /** A parent meeting's record, confirmed by the parent on WeChat. */
  parentConfirmation: z.object({ userId: z.string(), name: z.string(), at: z.string() }).nullable(),
  /** Every time it moved, so the reminders can be traced. */
  history: z.array(z.object({ startAt: z.string(), at: z.string(), by: z.string() })),
  /** The invited students' names, so a card says whom (older records: absent). */
  studentNames: z.array(z.string()).optional(),
  /** A parent meeting with a parent not bound to WeChat: recorded by the teacher, never confirmed by the parent. */
  parentUnbound: z.boolean().optional(),
});
export type Meeting = z.infer<typeof Meeting>;
