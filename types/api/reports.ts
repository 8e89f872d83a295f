import { z } from 'zod';
import { action } from '../envelope';
import { requiredText, semesterId } from '../fields';

/** How a warned student's level moved by the next publication (rules: 002-4.2.3.4). */
export const Outcome = z.enum(['lifted', 'kept', 'escalated', 'deescalated', 'left', 'pending']);
export type Outcome = z.infer<typeof Outcome>;
export const outcomeLabel: Record<Outcome, string> = { lifted: '解除', kept: '保持', escalated: '升级', deescalated: '降级', left: '离校', pending: '待下学期成绩' };

/** One line of the study plan (or an owed course with no plan) against the later grades. */
export type PlanLineResult = { courseCode: string; courseName: string; planned: boolean; retaken: boolean; passed: boolean };

export type SupportCounts = { talks: number; meetings: number; pairing: number; parentContacts: number };

export type StudentEffect = {
  studentId: string;
  studentName: string;
  classId: string;
  className: string;
  levelBefore: string;
  levelAfter: string | null;
  outcome: Outcome;
  planStatus: string | null;
  lines: PlanLineResult[];
  support: SupportCounts;
};

/** 转化率 of one group: lifted ÷ warned (seed 004-4.9). */
export type ConversionRow = { key: string; name: string; warned: number; lifted: number; escalated: number; deescalated: number; kept: number; left: number; rate: number };

/** A staff member's figures for assessment (rules: 002-5): fewer warnings in their classes. */
export type StaffRow = { staffId: string; name: string; role: string; warnedBefore: number; warnedAfter: number; reduction: number; lifted: number; rate: number };

export type LevelCount = { semester: string; level: string; levelName: string; count: number };

export type EffectReport = {
  semester: string;
  nextSemester: string;
  /** The next semester's list is published: the outcomes are final. */
  ready: boolean;
  students: StudentEffect[];
  byClass: ConversionRow[];
  byCounselor: ConversionRow[];
  byHeadTeacher: ConversionRow[];
  byDepartment: ConversionRow[];
  college: ConversionRow;
  /** The same college-wide rate for every earlier semester with warnings. */
  trend: (ConversionRow & { semester: string })[];
  staff: StaffRow[];
  /** Warnings by level over semesters, for the chart. */
  levels: LevelCount[];
};

export type TaskState = 'done' | 'due' | 'overdue';
export const taskStateLabel: Record<TaskState, string> = { done: '已完成', due: '进行中', overdue: '已逾期' };

/** A course or teacher over the policy's fail-rate threshold, given to its department (rules: 003-3). */
export type CourseTaskView = {
  taskId: string;
  semester: string;
  subject: 'course' | 'teacher';
  subjectName: string;
  courseCodes: string[];
  departmentId: string | null;
  departmentName: string;
  graded: number;
  failed: number;
  failRate: number;
  threshold: number;
  ownerName: string | null;
  dueDate: string;
  analysis: string;
  measures: string;
  state: TaskState;
  doneAt: string | null;
  canWrite: boolean;
};

export const CourseTaskWrite = z.object({
  taskId: requiredText(120, '任务'),
  analysis: requiredText(2000, '原因分析'),
  measures: requiredText(2000, '改进措施'),
  done: z.boolean({ invalid_type_error: '完成标记应为是或否' }).default(false),
});
export type CourseTaskWrite = z.infer<typeof CourseTaskWrite>;

/** Class KPIs (rules: 003-10): per class and cohort, against the college. */
export type KpiRow = {
  key: string;
  name: string;
  students: number;
  failRate: number | null;
  postgraduateRate: number | null;
  cetRate: number | null;
  doubleCertificateRate: number | null;
  awards: number;
};
export type KpiReport = { semester: string; byClass: KpiRow[]; byCohort: KpiRow[]; college: KpiRow };
export type KpiImportResult = { rows: number; accepted: number; errors: { row: number; column: string | null; message: string }[]; written: number };

const fileId = requiredText(200, '文件');

export const reportsApi = {
  /** Semesters with published warnings the caller can see, newest first; ready: those whose next list is out too. */
  semesters: action(z.object({})).returns<{ semesters: string[]; ready: string[] }>(),
  effect: action(z.object({ semester: semesterId })).returns<EffectReport>(),
  effectXlsx: action(z.object({ semester: semesterId })).returns<{ fileName: string; base64: string; rows: number }>(),
  openCourseTasks: action(z.object({ semester: semesterId })).returns<{ opened: number; tasks: number }>(),
  courseTasks: action(z.object({ semester: semesterId.optional() })).returns<{ tasks: CourseTaskView[]; canOpen: boolean }>(),
  writeCourseTask: action(CourseTaskWrite).returns<CourseTaskView>(),
  /** The college's KPI sheet (深造, 四六级, 双证, 获奖 per student): what it would write, and each bad row. */
  kpiPreview: action(z.object({ fileId, semester: semesterId })).returns<KpiImportResult>(),
  kpiImport: action(z.object({ fileId, semester: semesterId })).returns<KpiImportResult>(),
  kpis: action(z.object({ semester: semesterId })).returns<KpiReport>(),
};
export type ReportsApi = typeof reportsApi;
