import { z } from 'zod';
import { Attempt } from './grade';
import { id, requiredText, semesterId, text } from './fields';
import { Gender, User } from './domain';

/**
 * The academic-assistant programme (rules: 000): who may apply, the selection workflow, the
 * assignment to classes, the stipend and the changes. Rule ids from docs/rules.md.
 */

/** One course of a graduate's transcript, as the graduate school exports it (rules: 000-4.4). */
export const GraduateCourse = z.object({
  courseName: requiredText(128, '课程名称'),
  semester: semesterId,
  score: requiredText(32, '成绩'),
  attempt: Attempt,
});
export type GraduateCourse = z.infer<typeof GraduateCourse>;

/**
 * What the university knows of a graduate student, kept on their user record (`graduate`):
 * enrolment (rules: 000-1.1), a part-time counselor post (000-1.2) and the transcript (000-4.4).
 */
export const GraduateProfile = z.object({
  graduateId: id,
  collegeId: id,
  degree: z.enum(['master', 'doctor']),
  fullTime: z.boolean(),
  enrolled: z.boolean(),
  partTimeCounselor: z.boolean(),
  major: requiredText(64, '专业'),
  entryYear: z.number().int().min(2000).max(2099),
  record: z.array(GraduateCourse),
});
export type GraduateProfile = z.infer<typeof GraduateProfile>;
export const GraduateUser = User.extend({ graduate: GraduateProfile });
export type GraduateUser = z.infer<typeof GraduateUser>;
export const degreeLabel: Record<GraduateProfile['degree'], string> = { master: '硕士研究生', doctor: '博士研究生' };

/** 政治面貌 on 附件 1 (rules: 000-A1). */
export const PoliticalStatus = z.enum(['中共党员', '中共预备党员', '共青团员', '群众'], {
  errorMap: () => ({ message: '请选择政治面貌' }),
});

/**
 * 学业助理信息申报表 (000-A1). The seed gives only the title; these are the fields its 申报要求 and
 * 聘任要求 (000-1, 000-4) ask the college to verify.
 */
export const ApplicationForm = z.object({
  gender: z.enum(Gender.options, { errorMap: () => ({ message: '请选择性别' }) }),
  politicalStatus: PoliticalStatus,
  phone: z
    .string({ required_error: '请填写联系电话' })
    .trim()
    .regex(/^\d{8,11}$/, '联系电话应为 8–11 位数字'),
  undergraduateMajor: text(64, '本科专业').optional(),
  experience: requiredText(500, '主要经历与表现'),
  reason: requiredText(300, '申请理由'),
  financialNeed: z.boolean({ invalid_type_error: '家庭经济困难应为是或否' }).default(false),
});
export type ApplicationForm = z.infer<typeof ApplicationForm>;

/** Items checked from data (000-1.1, 000-1.2, 000-4.4). */
export const DataCheckItem = z.enum(['fullTimeGraduate', 'notCounselor', 'cleanRecord']);
export type DataCheckItem = z.infer<typeof DataCheckItem>;
export const DataCheck = z.object({
  item: DataCheckItem,
  rule: z.string(),
  label: z.string(),
  ok: z.boolean(),
  note: z.string(),
});
export type DataCheck = z.infer<typeof DataCheck>;

/** An item the selection group judges and ticks, with a note (000-4.1 … 000-4.7). */
export const JudgedAnswer = z.object({
  item: id,
  ok: z.boolean({ required_error: '请勾选是否符合', invalid_type_error: '是否符合应为是或否' }),
  note: text(200, '说明').default(''),
});
export type JudgedAnswer = z.infer<typeof JudgedAnswer>;

export const ApplicationStatus = z.enum(['submitted', 'eligible', 'ineligible']);
export type ApplicationStatus = z.infer<typeof ApplicationStatus>;
export const applicationStatusLabel: Record<ApplicationStatus, string> = {
  submitted: '待资格审核',
  eligible: '资格审核通过',
  ineligible: '资格审核未通过',
};

export const Application = z.object({
  _id: z.string(),
  callId: z.string(),
  collegeId: z.string(),
  schoolYear: z.string(),
  graduateId: z.string(),
  userId: z.string(),
  name: z.string(),
  degree: GraduateProfile.shape.degree,
  major: z.string(),
  form: ApplicationForm,
  submittedAt: z.string(),
  /** The data checks as of the last look (re-run at the college's check). */
  checks: z.array(DataCheck),
  judged: z.array(JudgedAnswer.extend({ label: z.string(), rule: z.string() })),
  status: ApplicationStatus,
  /** Why refused (Chinese, with rule ids), empty when eligible or not yet checked. */
  reasons: z.array(z.string()),
  checkedBy: z.string().optional(),
  checkedByName: z.string().optional(),
  checkedAt: z.string().optional(),
});
export type Application = z.infer<typeof Application>;

/** The selection's steps (000-6.1.1 … 000-6.1.4). */
export const CallStage = z.enum([
  'open',
  'decided',
  'collegePublicity',
  'submitted',
  'returned',
  'schoolPublicity',
  'confirmed',
]);
export type CallStage = z.infer<typeof CallStage>;
export const callStageLabel: Record<CallStage, string> = {
  open: '申报中',
  decided: '选拔小组已决定',
  collegePublicity: '学院公示中',
  submitted: '已报学工部审核',
  returned: '学工部退回',
  schoolPublicity: '学校公示中',
  confirmed: '名单已确认',
};

/** A publicity period: from its start to the end of its last day (end exclusive, +08:00). */
export const Publicity = z.object({ start: z.string(), end: z.string(), lastDay: z.string() });
export type Publicity = z.infer<typeof Publicity>;

export const Objection = z.object({
  id: z.string(),
  stage: z.enum(['college', 'school']),
  applicationId: z.string().nullable(),
  text: z.string(),
  recordedBy: z.string(),
  recordedByName: z.string(),
  recordedAt: z.string(),
  answer: z
    .object({ reply: z.string(), upheld: z.boolean(), by: z.string(), byName: z.string(), at: z.string() })
    .optional(),
});
export type Objection = z.infer<typeof Objection>;

export const CallStep = z.object({
  step: z.string(),
  by: z.string(),
  byName: z.string(),
  role: z.string(),
  at: z.string(),
  note: z.string().optional(),
});
export type CallStep = z.infer<typeof CallStep>;

export const Call = z.object({
  _id: z.string(),
  collegeId: z.string(),
  collegeName: z.string(),
  schoolYear: z.string(),
  /** Last day of applications (Shanghai date). */
  deadline: z.string(),
  note: z.string(),
  stage: CallStage,
  publishedAt: z.string(),
  /** Applications the selection group chose (000-6.1.2). */
  selected: z.array(z.string()),
  collegePublicity: Publicity.optional(),
  schoolPublicity: Publicity.optional(),
  objections: z.array(Objection),
  review: z
    .object({
      decision: z.enum(['approve', 'return']),
      opinion: z.string(),
      by: z.string(),
      byName: z.string(),
      at: z.string(),
    })
    .optional(),
  confirmedAt: z.string().optional(),
  /** Every step: who, in what role, when. */
  steps: z.array(CallStep),
});
export type Call = z.infer<typeof Call>;

export const Assignment = z.object({
  _id: z.string(),
  callId: z.string(),
  collegeId: z.string(),
  schoolYear: z.string(),
  classId: z.string(),
  className: z.string(),
  applicationId: z.string(),
  assistantUserId: z.string(),
  assistantName: z.string(),
  graduateId: z.string(),
  assignedBy: z.string(),
  assignedAt: z.string(),
});
export type Assignment = z.infer<typeof Assignment>;

/** 学业助理人员变动申请表 (000-A2) and its course (000-7.2). */
export const ChangeStage = z.enum(['filed', 'approved', 'schoolPublicity', 'confirmed', 'rejected']);
export type ChangeStage = z.infer<typeof ChangeStage>;
export const changeStageLabel: Record<ChangeStage, string> = {
  filed: '待学校审批',
  approved: '学校已批准',
  schoolPublicity: '学校公示中',
  confirmed: '已公示确认',
  rejected: '学校未批准',
};

export const Change = z.object({
  _id: z.string(),
  callId: z.string(),
  collegeId: z.string(),
  schoolYear: z.string(),
  classId: z.string(),
  className: z.string(),
  outgoingUserId: z.string(),
  outgoingName: z.string(),
  incomingUserId: z.string(),
  incomingName: z.string(),
  incomingGraduateId: z.string(),
  reason: z.string(),
  filedBy: z.string(),
  filedByName: z.string(),
  filedAt: z.string(),
  /** First month the incoming assistant would be paid ('YYYY-MM'). */
  effectiveMonth: z.string(),
  stage: ChangeStage,
  checks: z.array(DataCheck),
  approval: z
    .object({
      decision: z.enum(['approve', 'reject']),
      opinion: z.string(),
      by: z.string(),
      byName: z.string(),
      at: z.string(),
    })
    .optional(),
  publicity: Publicity.optional(),
  confirmedAt: z.string().optional(),
});
export type Change = z.infer<typeof Change>;

/** config/assistants.json: what the seed fixes, kept as data (the README of the config says which). */
export const AssistantSettings = z
  .object({
    about: z.string(),
    stipend: z.object({
      perClassPerMonth: z.number().int().positive(),
      monthsPerSchoolYear: z.number().int().min(1).max(12),
      /** First month of the paid year (9 = September). */
      firstMonth: z.number().int().min(1).max(12),
      rule: z.string(),
    }),
    assistantsPerClass: z.literal(1),
    maxClassesPerAssistant: z.number().int().min(1).max(10),
    publicityDays: z.object({ college: z.number().int().min(1).max(30), school: z.number().int().min(1).max(30) }),
    changeWindowDays: z.number().int().min(1).max(60),
    judgedItems: z
      .array(
        z.object({ id: z.string().min(1), rule: z.string().min(1), label: z.string().min(1), required: z.boolean() }),
      )
      .min(1)
      .refine((items) => new Set(items.map((i) => i.id)).size === items.length, '核查项编号重复'),
    assessment: z
      .object({ excellentPercent: z.number().min(0).max(100), passPercent: z.number().min(0).max(100) })
      .refine((a) => a.excellentPercent >= a.passPercent, '优秀线不能低于合格线'),
  })
  .strict();
export type AssistantSettings = z.infer<typeof AssistantSettings>;
