import { z } from 'zod';
import { action } from '../envelope';
import { Errors } from '../errors';
import { id, requiredText, text } from '../fields';
import {
  ApplicationForm,
  ApplicationStatus,
  CallStage,
  ChangeStage,
  DataCheck,
  JudgedAnswer,
  Objection,
  Publicity,
} from '../assistant';

const schoolYear = z
  .string({ required_error: '缺少学年' })
  .regex(/^\d{4}-\d{4}$/, '学年格式应为 2026-2027')
  .refine((y) => Number(y.slice(5)) === Number(y.slice(0, 4)) + 1, '学年应为相邻两年，如 2026-2027');
const date = (label: string) =>
  z.string({ required_error: `缺少${label}` }).regex(/^\d{4}-\d{2}-\d{2}$/, `${label}格式应为 2026-09-13`);

export const ApplicationView = z.object({
  applicationId: z.string(),
  graduateId: z.string(),
  name: z.string(),
  degreeLabel: z.string(),
  major: z.string(),
  form: ApplicationForm,
  submittedAt: z.string(),
  status: ApplicationStatus,
  statusLabel: z.string(),
  checks: z.array(DataCheck),
  judged: z.array(
    z.object({ item: z.string(), label: z.string(), rule: z.string(), ok: z.boolean(), note: z.string() }),
  ),
  reasons: z.array(z.string()),
  selected: z.boolean(),
  checkedByName: z.string().optional(),
  checkedAt: z.string().optional(),
});
export type ApplicationView = z.infer<typeof ApplicationView>;

export const CallSummary = z.object({
  callId: z.string(),
  collegeName: z.string(),
  schoolYear: z.string(),
  stage: CallStage,
  stageLabel: z.string(),
  deadline: z.string(),
  applicationCount: z.number(),
  selectedCount: z.number(),
});
export type CallSummary = z.infer<typeof CallSummary>;

export const ClassSlot = z.object({
  classId: z.string(),
  name: z.string(),
  assistantName: z.string().nullable(),
  applicationId: z.string().nullable(),
});
export type ClassSlot = z.infer<typeof ClassSlot>;

export const ChangeView = z.object({
  changeId: z.string(),
  classId: z.string(),
  className: z.string(),
  outgoingName: z.string(),
  incomingName: z.string(),
  reason: z.string(),
  filedByName: z.string(),
  filedAt: z.string(),
  effectiveMonth: z.string(),
  stage: ChangeStage,
  stageLabel: z.string(),
  opinion: z.string(),
  publicity: Publicity.optional(),
});
export type ChangeView = z.infer<typeof ChangeView>;

export const CallView = CallSummary.extend({
  note: z.string(),
  publishedAt: z.string(),
  collegePublicity: Publicity.optional(),
  schoolPublicity: Publicity.optional(),
  review: z
    .object({ decision: z.enum(['approve', 'return']), opinion: z.string(), byName: z.string(), at: z.string() })
    .optional(),
  confirmedAt: z.string().optional(),
  objections: z.array(Objection.extend({ applicantName: z.string().nullable() })),
  steps: z.array(
    z.object({
      label: z.string(),
      byName: z.string(),
      roleLabel: z.string(),
      at: z.string(),
      note: z.string().optional(),
    }),
  ),
  applications: z.array(ApplicationView),
  judgedItems: z.array(z.object({ id: z.string(), label: z.string(), rule: z.string(), required: z.boolean() })),
  classes: z.array(ClassSlot),
  changes: z.array(ChangeView),
  changeWindow: z.object({ first: z.string(), lastDay: z.string() }).nullable(),
  /** Graduates of the college a change may bring in (data checks shown, not yet filtered). */
  replacements: z.array(
    z.object({ userId: z.string(), name: z.string(), graduateId: z.string(), ok: z.boolean(), note: z.string() }),
  ),
  rules: z.object({
    perClassPerMonth: z.number(),
    maxClassesPerAssistant: z.number(),
    collegeDays: z.number(),
    schoolDays: z.number(),
    changeWindowDays: z.number(),
  }),
});
export type CallView = z.infer<typeof CallView>;

export const MyProgramme = z.object({
  profile: z
    .object({ name: z.string(), graduateId: z.string(), degreeLabel: z.string(), major: z.string() })
    .nullable(),
  calls: z.array(
    z.object({
      callId: z.string(),
      collegeName: z.string(),
      schoolYear: z.string(),
      deadline: z.string(),
      note: z.string(),
      open: z.boolean(),
      stageLabel: z.string(),
    }),
  ),
  applications: z.array(
    z.object({
      applicationId: z.string(),
      callId: z.string(),
      collegeName: z.string(),
      schoolYear: z.string(),
      statusLabel: z.string(),
      reasons: z.array(z.string()),
      stageLabel: z.string(),
      listed: z.boolean(),
      confirmed: z.boolean(),
      classes: z.array(z.string()),
    }),
  ),
});
export type MyProgramme = z.infer<typeof MyProgramme>;

export const AssessmentRow = z.object({
  graduateId: z.string(),
  name: z.string(),
  classes: z.array(z.string()),
  done: z.number(),
  overdue: z.number(),
  due: z.number(),
  percent: z.number().nullable(),
  rating: z.string(),
});
export type AssessmentRow = z.infer<typeof AssessmentRow>;

const A = Errors.assistants;
/** Duties evaluated over the stored calendar and records (the year-end assessment). */
const evaluationErrors = [Errors.duties.CalendarGap, Errors.duties.RecordInvalid, Errors.duties.CaseInvalid] as const;

export const assistantsApi = {
  /** A graduate's view: open calls and their own applications with each result. */
  myProgramme: action(z.object({})).returns(MyProgramme).fails(),
  /** Apply to a college's call with 附件 1 (rules: 000-A1); the same form again changes nothing. */
  apply: action(z.object({ callId: id, form: ApplicationForm }))
    .returns(z.object({ applicationId: z.string(), statusLabel: z.string() }))
    .fails(A.NotGraduate, A.AlreadyChecked, A.CallClosed),
  /** The calls the caller's college (or, for 学工部, every college) holds. */
  calls: action(z.object({})).returns(z.array(CallSummary)).fails(),
  call: action(z.object({ callId: id }))
    .returns(CallView)
    .fails(),
  /** The college publishes its call for a school year (rules: 000-6.1.1); one per college and year. */
  publishCall: action(
    z.object({
      collegeId: id.optional(),
      schoolYear,
      deadline: date('申报截止日期'),
      note: text(300, '通知说明').default(''),
    }),
  )
    .returns(z.object({ callId: z.string(), created: z.boolean() }))
    .fails(A.DeadlinePast, A.YearPast),
  checkEligibility: action(z.object({ applicationId: id, judged: z.array(JudgedAnswer).max(20, '核查项过多') }))
    .returns(ApplicationView)
    .fails(A.WrongStage, A.AlreadySelected),
  decide: action(z.object({ callId: id, selected: z.array(id).min(1, '请至少选择一名人选').max(200, '人选过多') }))
    .returns(CallView)
    .fails(A.WrongStage, A.NoneSelected, A.NotEligible),
  startCollegePublicity: action(z.object({ callId: id }))
    .returns(CallView)
    .fails(A.WrongStage),
  recordObjection: action(
    z.object({
      callId: id,
      clientId: z.string({ required_error: '缺少提交编号' }).uuid('提交编号格式不正确'),
      applicationId: id.optional(),
      text: requiredText(500, '异议内容'),
    }),
  )
    .returns(CallView)
    .fails(A.NotInPublicity, A.NotOwner, A.NotListed),
  answerObjection: action(
    z.object({
      callId: id,
      objectionId: id,
      reply: requiredText(500, '答复'),
      upheld: z.boolean({ required_error: '请选择异议是否成立' }),
    }),
  )
    .returns(CallView)
    .fails(A.AlreadyAnswered, A.NotOwner),
  submit: action(z.object({ callId: id }))
    .returns(CallView)
    .fails(A.WrongStage, A.PublicityRunning, A.ObjectionsOpen, A.NoneSelected),
  review: action(
    z.object({
      callId: id,
      decision: z.enum(['approve', 'return'], { errorMap: () => ({ message: '请选择通过或退回' }) }),
      opinion: text(300, '审核意见').default(''),
    }),
  )
    .returns(CallView)
    .fails(A.WrongStage),
  startSchoolPublicity: action(z.object({ callId: id }))
    .returns(CallView)
    .fails(A.WrongStage, A.NotReviewed),
  confirm: action(z.object({ callId: id }))
    .returns(CallView)
    .fails(A.WrongStage, A.PublicityRunning, A.ObjectionsOpen, A.NoneSelected),
  /** One assistant per class, at most two classes each (rules: 000-5.1). */
  assign: action(z.object({ callId: id, classId: id, applicationId: id }))
    .returns(CallView)
    .fails(A.NotConfirmed, A.OtherCollege, A.ClassTaken, A.TooManyClasses),
  /** 学业助理人员变动申请 (rules: 000-7.2, 000-A2). */
  fileChange: action(z.object({ callId: id, classId: id, incomingUserId: id, reason: requiredText(300, '变动原因') }))
    .returns(CallView)
    .fails(A.NotAssigned, A.ChangeExists, A.NotGraduate, A.ChangeWindow, A.SamePerson, A.NotEligible),
  decideChange: action(
    z.object({
      changeId: id,
      decision: z.enum(['approve', 'reject'], { errorMap: () => ({ message: '请选择批准或不批准' }) }),
      opinion: text(300, '审批意见').default(''),
    }),
  )
    .returns(ChangeView)
    .fails(A.AlreadyDecided),
  confirmChange: action(z.object({ changeId: id }))
    .returns(ChangeView)
    .fails(A.WrongStage, A.PublicityRunning),
  /** The college's stipend sheet of one month as xlsx (rules: 000-5.2). */
  stipendSheet: action(
    z.object({
      callId: id,
      year: z.number({ required_error: '缺少年份', invalid_type_error: '年份应为数字' }).int().min(2000).max(2099),
      month: z
        .number({ required_error: '缺少月份', invalid_type_error: '月份应为数字' })
        .int()
        .min(1, '月份应为 1–12')
        .max(12, '月份应为 1–12'),
    }),
  )
    .returns(
      z.object({ fileName: z.string(), base64: z.string(), rows: z.number(), total: z.number(), unpaid: z.number() }),
    )
    .fails(A.MonthOutsideYear),
  /** Year-end assessment from the duty compliance of each assistant's classes (rules: 000-7.3). */
  assessment: action(z.object({ callId: id }))
    .returns(z.array(AssessmentRow))
    .fails(...evaluationErrors),
  /** 学工部: the changes waiting for the school. */
  changes: action(z.object({}))
    .returns(z.array(ChangeView.extend({ collegeName: z.string(), callId: z.string() })))
    .fails(),
};
export type AssistantsApi = typeof assistantsApi;
