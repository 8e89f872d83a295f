import { z } from 'zod';
import { action } from '../envelope';
import { id, requiredText, text } from '../fields';
import { ApplicationForm, JudgedAnswer, type ApplicationStatus, type CallStage, type ChangeStage, type DataCheck, type Objection, type Publicity } from '../assistant';

const schoolYear = z.string({ required_error: '缺少学年' }).regex(/^\d{4}-\d{4}$/, '学年格式应为 2026-2027').refine((y) => Number(y.slice(5)) === Number(y.slice(0, 4)) + 1, '学年应为相邻两年，如 2026-2027');
const date = (label: string) => z.string({ required_error: `缺少${label}` }).regex(/^\d{4}-\d{2}-\d{2}$/, `${label}格式应为 2026-09-13`);

export type ApplicationView = {
  applicationId: string;
  graduateId: string;
  name: string;
  degreeLabel: string;
  major: string;
  form: ApplicationForm;
  submittedAt: string;
  status: ApplicationStatus;
  statusLabel: string;
  checks: DataCheck[];
  judged: { item: string; label: string; rule: string; ok: boolean; note: string }[];
  reasons: string[];
  selected: boolean;
  checkedByName?: string;
  checkedAt?: string;
};

export type CallSummary = { callId: string; collegeName: string; schoolYear: string; stage: CallStage; stageLabel: string; deadline: string; applicationCount: number; selectedCount: number };

export type ClassSlot = { classId: string; name: string; assistantName: string | null; applicationId: string | null };
export type ChangeView = {
  changeId: string;
  classId: string;
  className: string;
  outgoingName: string;
  incomingName: string;
  reason: string;
  filedByName: string;
  filedAt: string;
  effectiveMonth: string;
  stage: ChangeStage;
  stageLabel: string;
  opinion: string;
  publicity?: Publicity;
};

export type CallView = CallSummary & {
  note: string;
  publishedAt: string;
  collegePublicity?: Publicity;
  schoolPublicity?: Publicity;
  review?: { decision: 'approve' | 'return'; opinion: string; byName: string; at: string };
  confirmedAt?: string;
  objections: (Objection & { applicantName: string | null })[];
  steps: { label: string; byName: string; roleLabel: string; at: string; note?: string }[];
  applications: ApplicationView[];
  judgedItems: { id: string; label: string; rule: string; required: boolean }[];
  classes: ClassSlot[];
  changes: ChangeView[];
  changeWindow: { first: string; lastDay: string } | null;
  /** Graduates of the college a change may bring in (data checks shown, not yet filtered). */
  replacements: { userId: string; name: string; graduateId: string; ok: boolean; note: string }[];
  rules: { perClassPerMonth: number; maxClassesPerAssistant: number; collegeDays: number; schoolDays: number; changeWindowDays: number };
};

export type MyProgramme = {
  profile: { name: string; graduateId: string; degreeLabel: string; major: string } | null;
  calls: { callId: string; collegeName: string; schoolYear: string; deadline: string; note: string; open: boolean; stageLabel: string }[];
  applications: { applicationId: string; callId: string; collegeName: string; schoolYear: string; statusLabel: string; reasons: string[]; stageLabel: string; listed: boolean; confirmed: boolean; classes: string[] }[];
};

export type AssessmentRow = { graduateId: string; name: string; classes: string[]; done: number; overdue: number; due: number; percent: number | null; rating: string };

export const assistantsApi = {
  /** A graduate's view: open calls and their own applications with each result. */
  myProgramme: action(z.object({})).returns<MyProgramme>(),
  /** Apply to a college's call with 附件 1 (rules: 000-A1); the same form again changes nothing. */
  apply: action(z.object({ callId: id, form: ApplicationForm })).returns<{ applicationId: string; statusLabel: string }>(),
  /** The calls the caller's college (or, for 学工部, every college) holds. */
  calls: action(z.object({})).returns<CallSummary[]>(),
  call: action(z.object({ callId: id })).returns<CallView>(),
  /** The college publishes its call for a school year (rules: 000-6.1.1); one per college and year. */
  publishCall: action(z.object({ collegeId: id.optional(), schoolYear, deadline: date('申报截止日期'), note: text(300, '通知说明').default('') })).returns<{ callId: string; created: boolean }>(),
  checkEligibility: action(z.object({ applicationId: id, judged: z.array(JudgedAnswer).max(20, '核查项过多') })).returns<ApplicationView>(),
  decide: action(z.object({ callId: id, selected: z.array(id).min(1, '请至少选择一名人选').max(200, '人选过多') })).returns<CallView>(),
  startCollegePublicity: action(z.object({ callId: id })).returns<CallView>(),
  recordObjection: action(
    z.object({ callId: id, clientId: z.string({ required_error: '缺少提交编号' }).uuid('提交编号格式不正确'), applicationId: id.optional(), text: requiredText(500, '异议内容') }),
  ).returns<CallView>(),
  answerObjection: action(z.object({ callId: id, objectionId: id, reply: requiredText(500, '答复'), upheld: z.boolean({ required_error: '请选择异议是否成立' }) })).returns<CallView>(),
  submit: action(z.object({ callId: id })).returns<CallView>(),
  review: action(z.object({ callId: id, decision: z.enum(['approve', 'return'], { errorMap: () => ({ message: '请选择通过或退回' }) }), opinion: text(300, '审核意见').default('') })).returns<CallView>(),
  startSchoolPublicity: action(z.object({ callId: id })).returns<CallView>(),
  confirm: action(z.object({ callId: id })).returns<CallView>(),
  /** One assistant per class, at most two classes each (rules: 000-5.1). */
  assign: action(z.object({ callId: id, classId: id, applicationId: id })).returns<CallView>(),
  /** 学业助理人员变动申请 (rules: 000-7.2, 000-A2). */
  fileChange: action(z.object({ callId: id, classId: id, incomingUserId: id, reason: requiredText(300, '变动原因') })).returns<CallView>(),
  decideChange: action(z.object({ changeId: id, decision: z.enum(['approve', 'reject'], { errorMap: () => ({ message: '请选择批准或不批准' }) }), opinion: text(300, '审批意见').default('') })).returns<ChangeView>(),
  confirmChange: action(z.object({ changeId: id })).returns<ChangeView>(),
  /** The college's stipend sheet of one month as xlsx (rules: 000-5.2). */
  stipendSheet: action(
    z.object({
      callId: id,
      year: z.number({ required_error: '缺少年份', invalid_type_error: '年份应为数字' }).int().min(2000).max(2099),
      month: z.number({ required_error: '缺少月份', invalid_type_error: '月份应为数字' }).int().min(1, '月份应为 1–12').max(12, '月份应为 1–12'),
    }),
  ).returns<{ fileName: string; base64: string; rows: number; total: number; unpaid: number }>(),
  /** Year-end assessment from the duty compliance of each assistant's classes (rules: 000-7.3). */
  assessment: action(z.object({ callId: id })).returns<AssessmentRow[]>(),
  /** 学工部: the changes waiting for the school. */
  changes: action(z.object({})).returns<(ChangeView & { collegeName: string; callId: string })[]>(),
};
export type AssistantsApi = typeof assistantsApi;
