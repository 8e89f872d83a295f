import { z } from 'zod';
import { Attempt } from './grade';
import { id, requiredText, semesterId, text } from './fields';
import type { User } from './domain';

/**
 * The academic-assistant programme (seed 000): who may apply, the selection workflow, the
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
export type GraduateUser = User & { graduate: GraduateProfile };
export const degreeLabel: Record<GraduateProfile['degree'], string> = { master: '硕士研究生', doctor: '博士研究生' };

/** 政治面貌 on 附件 1. */
export const PoliticalStatus = z.enum(['中共党员', '中共预备党员', '共青团员', '群众'], { errorMap: () => ({ message: '请选择政治面貌' }) });

/**
 * 学业助理信息申报表 (000-A1). The seed gives only the title; these are the fields its 申报要求 and
 * 聘任要求 (000-1, 000-4) ask the college to verify.
 */
export const ApplicationForm = z.object({
  gender: z.enum(['男', '女'], { errorMap: () => ({ message: '请选择性别' }) }),
  politicalStatus: PoliticalStatus,
  phone: z.string({ required_error: '请填写联系电话' }).trim().regex(/^\d{8,11}$/, '联系电话应为 8–11 位数字'),
  undergraduateMajor: text(64, '本科专业').optional(),
  experience: requiredText(500, '主要经历与表现'),
  reason: requiredText(300, '申请理由'),
  financialNeed: z.boolean({ invalid_type_error: '家庭经济困难应为是或否' }).default(false),
});
export type ApplicationForm = z.infer<typeof ApplicationForm>;

/** Items checked from data (000-1.1, 000-1.2, 000-4.4). */
export type DataCheckItem = 'fullTimeGraduate' | 'notCounselor' | 'cleanRecord';
export type DataCheck = { item: DataCheckItem; rule: string; label: string; ok: boolean; note: string };

/** An item the selection group judges and ticks, with a note (000-4.1 … 000-4.7). */
export const JudgedAnswer = z.object({
  item: id,
  ok: z.boolean({ required_error: '请勾选是否符合', invalid_type_error: '是否符合应为是或否' }),
  note: text(200, '说明').default(''),
});
export type JudgedAnswer = z.infer<typeof JudgedAnswer>;

export type ApplicationStatus = 'submitted' | 'eligible' | 'ineligible';
export const applicationStatusLabel: Record<ApplicationStatus, string> = { submitted: '待资格审核', eligible: '资格审核通过', ineligible: '资格审核未通过' };

export type Application = {
  _id: string;
  callId: string;
  collegeId: string;
  schoolYear: string;
  graduateId: string;
  userId: string;
  name: string;
  degree: GraduateProfile['degree'];
  major: string;
  form: ApplicationForm;
  submittedAt: string;
  /** The data checks as of the last look (re-run at the college's check). */
  checks: DataCheck[];
  judged: (JudgedAnswer & { label: string; rule: string })[];
  status: ApplicationStatus;
  /** Why refused (Chinese, with rule ids), empty when eligible or not yet checked. */
  reasons: string[];
  checkedBy?: string;
  checkedByName?: string;
  checkedAt?: string;
};

/** The selection's steps (000-6.1.1 … 000-6.1.4). */
export const CallStage = z.enum(['open', 'decided', 'collegePublicity', 'submitted', 'returned', 'schoolPublicity', 'confirmed']);
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
export type Publicity = { start: string; end: string; lastDay: string };

export type Objection = {
  id: string;
  stage: 'college' | 'school';
  applicationId: string | null;
  text: string;
  recordedBy: string;
  recordedByName: string;
  recordedAt: string;
  answer?: { reply: string; upheld: boolean; by: string; byName: string; at: string };
};

export type CallStep = { step: string; by: string; byName: string; role: string; at: string; note?: string };

export type Call = {
  _id: string;
  collegeId: string;
  collegeName: string;
  schoolYear: string;
  /** Last day of applications (Shanghai date). */
  deadline: string;
  note: string;
  stage: CallStage;
  publishedAt: string;
  /** Applications the selection group chose (000-6.1.2). */
  selected: string[];
  collegePublicity?: Publicity;
  schoolPublicity?: Publicity;
  objections: Objection[];
  review?: { decision: 'approve' | 'return'; opinion: string; by: string; byName: string; at: string };
  confirmedAt?: string;
  /** Every step: who, in what role, when. */
  steps: CallStep[];
};

export type Assignment = {
  _id: string;
  callId: string;
  collegeId: string;
  schoolYear: string;
  classId: string;
  className: string;
  applicationId: string;
  assistantUserId: string;
  assistantName: string;
  graduateId: string;
  assignedBy: string;
  assignedAt: string;
};

/** 学业助理人员变动申请表 (000-A2) and its course (000-7.2). */
export type ChangeStage = 'filed' | 'approved' | 'schoolPublicity' | 'confirmed' | 'rejected';
export const changeStageLabel: Record<ChangeStage, string> = {
  filed: '待学校审批',
  approved: '学校已批准',
  schoolPublicity: '学校公示中',
  confirmed: '已公示确认',
  rejected: '学校未批准',
};

export type Change = {
  _id: string;
  callId: string;
  collegeId: string;
  schoolYear: string;
  classId: string;
  className: string;
  outgoingUserId: string;
  outgoingName: string;
  incomingUserId: string;
  incomingName: string;
  incomingGraduateId: string;
  reason: string;
  filedBy: string;
  filedByName: string;
  filedAt: string;
  /** First month the incoming assistant would be paid ('YYYY-MM'). */
  effectiveMonth: string;
  stage: ChangeStage;
  checks: DataCheck[];
  approval?: { decision: 'approve' | 'reject'; opinion: string; by: string; byName: string; at: string };
  publicity?: Publicity;
  confirmedAt?: string;
};

export const ASSISTANT_CALLS = 'assistantCalls';
export const ASSISTANT_APPLICATIONS = 'assistantApplications';
export const ASSISTANT_ASSIGNMENTS = 'assistantAssignments';
export const ASSISTANT_CHANGES = 'assistantChanges';

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
      .array(z.object({ id: z.string().min(1), rule: z.string().min(1), label: z.string().min(1), required: z.boolean() }))
      .min(1)
      .refine((items) => new Set(items.map((i) => i.id)).size === items.length, '核查项编号重复'),
    assessment: z.object({ excellentPercent: z.number().min(0).max(100), passPercent: z.number().min(0).max(100) }).refine((a) => a.excellentPercent >= a.passPercent, '优秀线不能低于合格线'),
  })
  .strict();
export type AssistantSettings = z.infer<typeof AssistantSettings>;
