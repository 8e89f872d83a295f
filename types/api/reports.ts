import { z } from 'zod';
import { action } from '../envelope';
import { Errors } from '../errors';
import { requiredText, semesterId } from '../fields';

/** How a warned student's level moved by the next publication (rules: 002-4.2.3.4). */
export const Outcome = z.enum(['lifted', 'kept', 'escalated', 'deescalated', 'left', 'pending']);
export type Outcome = z.infer<typeof Outcome>;
export const outcomeLabel: Record<Outcome, string> = {
  lifted: '解除',
  kept: '保持',
  escalated: '升级',
  deescalated: '降级',
  left: '离校',
  pending: '待下学期成绩',
};

/** One line of the study plan (or an owed course with no plan) against the later grades. */
export const PlanLineResult = z.object({
  courseCode: z.string(),
  courseName: z.string(),
  planned: z.boolean(),
  retaken: z.boolean(),
  passed: z.boolean(),
});
export type PlanLineResult = z.infer<typeof PlanLineResult>;

export const SupportCounts = z.object({
  talks: z.number(),
  meetings: z.number(),
  pairing: z.number(),
  parentContacts: z.number(),
});
export type SupportCounts = z.infer<typeof SupportCounts>;

export const StudentEffect = z.object({
  studentId: z.string(),
  studentName: z.string(),
  classId: z.string(),
  className: z.string(),
  levelBefore: z.string(),
  levelAfter: z.string().nullable(),
  outcome: Outcome,
  planStatus: z.string().nullable(),
  lines: z.array(PlanLineResult),
  support: SupportCounts,
});
export type StudentEffect = z.infer<typeof StudentEffect>;

/** 转化率 of one group: lifted ÷ warned (rules: 004-4.9). */
export const ConversionRow = z.object({
  key: z.string(),
  name: z.string(),
  warned: z.number(),
  lifted: z.number(),
  escalated: z.number(),
  deescalated: z.number(),
  kept: z.number(),
  left: z.number(),
  rate: z.number(),
});
export type ConversionRow = z.infer<typeof ConversionRow>;

/** A staff member's figures for assessment (rules: 002-5): fewer warnings in their classes. */
export const StaffRow = z.object({
  staffId: z.string(),
  name: z.string(),
  role: z.string(),
  warnedBefore: z.number(),
  warnedAfter: z.number(),
  reduction: z.number(),
  lifted: z.number(),
  rate: z.number(),
});
export type StaffRow = z.infer<typeof StaffRow>;

export const LevelCount = z.object({
  semester: z.string(),
  level: z.string(),
  levelName: z.string(),
  count: z.number(),
});
export type LevelCount = z.infer<typeof LevelCount>;

export const EffectReport = z.object({
  semester: z.string(),
  nextSemester: z.string(),
  /** The next semester's list is published: the outcomes are final. */
  ready: z.boolean(),
  students: z.array(StudentEffect),
  byClass: z.array(ConversionRow),
  byCounselor: z.array(ConversionRow),
  byHeadTeacher: z.array(ConversionRow),
  byDepartment: z.array(ConversionRow),
  college: ConversionRow,
  /** The same college-wide rate for every earlier semester with warnings. */
  trend: z.array(ConversionRow.extend({ semester: z.string() })),
  staff: z.array(StaffRow),
  /** Warnings by level over semesters, for the chart. */
  levels: z.array(LevelCount),
});
export type EffectReport = z.infer<typeof EffectReport>;

export const TaskState = z.enum(['done', 'due', 'overdue']);
export type TaskState = z.infer<typeof TaskState>;
export const taskStateLabel: Record<TaskState, string> = { done: '已完成', due: '进行中', overdue: '已逾期' };

/** A course or teacher over the policy's fail-rate threshold, given to its department (rules: 003-3). */
export const CourseTaskView = z.object({
  taskId: z.string(),
  semester: z.string(),
  subject: z.enum(['course', 'teacher']),
  subjectName: z.string(),
  courseCodes: z.array(z.string()),
  departmentId: z.string().nullable(),
  departmentName: z.string(),
  graded: z.number(),
  failed: z.number(),
  failRate: z.number(),
  threshold: z.number(),
  ownerName: z.string().nullable(),
  /** The owner stands in (代管): the college leader, the department having no head appointed. */
  ownerActing: z.boolean(),
  dueDate: z.string(),
  analysis: z.string(),
  measures: z.string(),
  state: TaskState,
  doneAt: z.string().nullable(),
  canWrite: z.boolean(),
});
export type CourseTaskView = z.infer<typeof CourseTaskView>;

export const CourseTaskWrite = z.object({
  taskId: requiredText(120, '任务'),
  analysis: requiredText(2000, '原因分析'),
  measures: requiredText(2000, '改进措施'),
  done: z.boolean({ invalid_type_error: '完成标记应为是或否' }).default(false),
});
export type CourseTaskWrite = z.infer<typeof CourseTaskWrite>;

/** Class KPIs (rules: 003-10): per class and cohort, against the college. */
export const KpiRow = z.object({
  key: z.string(),
  name: z.string(),
  students: z.number(),
  failRate: z.number().nullable(),
  postgraduateRate: z.number().nullable(),
  cetRate: z.number().nullable(),
  doubleCertificateRate: z.number().nullable(),
  awards: z.number(),
});
export type KpiRow = z.infer<typeof KpiRow>;
export const KpiReport = z.object({
  semester: z.string(),
  byClass: z.array(KpiRow),
  byCohort: z.array(KpiRow),
  college: KpiRow,
});
export type KpiReport = z.infer<typeof KpiReport>;
export const KpiImportResult = z.object({
  rows: z.number(),
  accepted: z.number(),
  errors: z.array(z.object({ row: z.number(), column: z.string().nullable(), message: z.string() })),
  written: z.number(),
});
export type KpiImportResult = z.infer<typeof KpiImportResult>;

const fileId = requiredText(200, '文件');
const { NoCollege, NotPublished, KpiNoHeader, KpiFileUnreadable } = Errors.reports;
/** A KPI sheet: no clerk's college, a file gone, no header, unreadable. */
const kpiFileErrors = [NoCollege, Errors.files.NotFound, KpiNoHeader, KpiFileUnreadable] as const;

export const reportsApi = {
  /** Semesters with published warnings the caller can see, newest first; ready: those whose next list is out too. */
  semesters: action(z.object({}))
    .returns(z.object({ semesters: z.array(z.string()), ready: z.array(z.string()) }))
    .fails(),
  effect: action(z.object({ semester: semesterId }))
    .returns(EffectReport)
    .fails(),
  effectXlsx: action(z.object({ semester: semesterId }))
    .returns(z.object({ fileName: z.string(), base64: z.string(), rows: z.number() }))
    .fails(),
  openCourseTasks: action(z.object({ semester: semesterId }))
    .returns(z.object({ opened: z.number(), tasks: z.number() }))
    .fails(NoCollege, NotPublished, Errors.warnings.PolicyUnknown),
  courseTasks: action(z.object({ semester: semesterId.optional() }))
    .returns(z.object({ tasks: z.array(CourseTaskView), canOpen: z.boolean() }))
    .fails(NoCollege),
  writeCourseTask: action(CourseTaskWrite).returns(CourseTaskView).fails(),
  /** The college's KPI sheet (深造, 四六级, 双证, 获奖 per student): what it would write, and each bad row. */
  kpiPreview: action(z.object({ fileId, semester: semesterId }))
    .returns(KpiImportResult)
    .fails(...kpiFileErrors),
  kpiImport: action(z.object({ fileId, semester: semesterId }))
    .returns(KpiImportResult)
    .fails(...kpiFileErrors),
  kpis: action(z.object({ semester: semesterId }))
    .returns(KpiReport)
    .fails(),
};
export type ReportsApi = typeof reportsApi;
