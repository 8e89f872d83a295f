import { z } from 'zod';
import { action } from '../envelope';
import { id, requiredText, semesterId, text } from '../fields';
import type { Duty } from '../policy';
import { ManualReason } from '../policy';
import type { WarningStatus, WarningTrigger } from '../warning';

/** How a student's level moved against their previous active warning. */
export const ChangeKind = z.enum(['new', 'escalated', 'deescalated', 'unchanged', 'lifted', 'none'], {
  errorMap: () => ({ message: '变化类型应为 新增、升级、降级、不变、解除 之一' }),
});
export type ChangeKind = z.infer<typeof ChangeKind>;

export const changeLabel: Record<ChangeKind, string> = {
  new: '新增',
  escalated: '升级',
  deescalated: '降级',
  unchanged: '不变',
  lifted: '解除',
  none: '无',
};

const levelId = z.string({ required_error: '请选择警示等级' }).regex(/^[a-z][a-z0-9-]*$/, '警示等级不正确');

export type RunTrigger = WarningTrigger & { kind: string; level: string; value: number };

/** A hand-made change, kept visible on the entry (seed 002). */
export type ManualView = {
  action: 'add' | 'remove';
  level: string | null;
  reason: string | null;
  reasonLabel: string | null;
  note: string | null;
  by: string;
  byName: string;
};

export type CourseLine = { code: string; name: string; credits: number };

/** A grade row corrected after an objection, as the list and the 汇总表 show it. */
export type CorrectionLine = { text: string; reason: string; byName: string; at: string };

/** One student of a run: has a level, or had one before (change ≠ none). */
export type RunEntry = {
  studentId: string;
  studentName: string;
  classId: string;
  className: string;
  level: string | null;
  levelName: string | null;
  /** Index of the level in the policy (0 = least severe), -1 for none. */
  levelRank: number;
  previousLevel: string | null;
  previousLevelName: string | null;
  /** The student's active warning when the run was made (superseded or lifted on publish). */
  previousWarningId: string | null;
  change: ChangeKind;
  /** Who decided the level: the rules, an unlifted earlier warning, or a person. */
  source: 'rules' | 'carried' | 'manual' | null;
  triggers: RunTrigger[];
  manual: ManualView | null;
  /** Courses still owed (failed and never passed), for the summary table and the study plan. */
  failedCourses: CourseLine[];
  /** Grade rows of the student a clerk excluded or corrected after an objection (kept in every later run). */
  corrections?: CorrectionLine[];
  figures: {
    regularFails: number;
    failedAfterMakeup: number;
    regularFailedCredits: number;
    owedCredits: number;
    semesterGpa: number | null;
    cumulativeGpa: number | null;
  };
};

/** 'discarded': a draft the clerk threw away (kept as a record, never published). */
export type RunStatus = 'draft' | 'published' | 'discarded';

export type RunSummary = {
  runId: string;
  collegeId: string;
  semester: string;
  policyId: string;
  policyName: string;
  status: RunStatus;
  createdAt: string;
  createdByName: string;
  publishedAt: string | null;
  publishedByName: string | null;
  discardedAt: string | null;
  discardedByName: string | null;
  /** Why this draft may not be published (out of date, discarded …), null when it may. */
  publishBlock: { code: string; message: string } | null;
  gradeRows: number;
  students: number;
  /** Entries per level (most severe last, as in the policy) and per change. */
  levels: { level: string; levelName: string; count: number }[];
  changes: Partial<Record<ChangeKind, number>>;
  manual: number;
  flaggedCourses: number;
  /** Manual entries the policy refused (e.g. a reason it does not accept). */
  rejectedManual: { studentId: string; message: string }[];
};

export type ReviewView = {
  run: RunSummary;
  entries: RunEntry[];
  /** Filter choices: the classes and levels present in the run (within the caller's scope). */
  classes: { classId: string; name: string }[];
  levels: { id: string; name: string }[];
  manualReasons: { id: ManualReason; label: string }[];
  manualAllowed: boolean;
  canPublish: boolean;
  /** The caller may discard this draft (the clerk, before publishing starts). */
  canDiscard: boolean;
  /** Entries in the caller's scope (the counts above are for all of them). */
  total: number;
  /** Entries matching the filters; `entries` is the requested page of them. */
  matched: number;
};

export type CourseFlag = {
  courseCode: string;
  courseName: string;
  departmentId: string | null;
  departmentName: string;
  graded: number;
  failed: number;
  failRate: number;
};

export type TeacherFlag = {
  teacherName: string;
  departmentId: string | null;
  departmentName: string;
  courseCodes: string[];
  graded: number;
  failed: number;
  failRate: number;
};

export type CourseAnalysis = { runId: string; semester: string; threshold: number; courses: CourseFlag[]; teachers: TeacherFlag[] };

export type PublishResult = {
  runId: string;
  /** Warnings written by this call (a resumed publish counts only what it wrote). */
  published: number;
  superseded: number;
  lifted: number;
  /** Unchanged students whose warning, notice, signature, receipt and plan stay as they are (the whole run). */
  kept: number;
  notices: number;
  /** True when the run had already been published: nothing was written. */
  alreadyPublished: boolean;
  /** False when the call's time ran out first: call publish again, it resumes (the app loops). */
  done: boolean;
  /** Students still to write when not done. */
  remaining: number;
};

/** A published warning as the people who handle the student see it. */
export type WarningView = {
  warningId: string;
  runId: string;
  studentId: string;
  studentName: string;
  classId: string;
  className: string;
  semester: string;
  level: string;
  levelName: string;
  levelRank: number;
  change: string;
  changeLabel: string;
  triggers: WarningTrigger[];
  failedCourses: CourseLine[];
  manual: { reason: string; reasonLabel: string; note: string; by: string } | null;
  duties: Duty[];
  status: WarningStatus;
  publishedAt: string;
};

/** A draft list class staff may add their students to by hand (seed 002), with their classes' entries. */
export type DraftView = {
  runId: string;
  semester: string;
  policyName: string;
  levels: { id: string; name: string }[];
  manualReasons: { id: ManualReason; label: string }[];
  classes: { classId: string; name: string }[];
  entries: RunEntry[];
};

export const warningsApi = {
  /** Evaluates the college's policy over the grades up to the semester: a draft run to review. */
  run: action(z.object({ semester: semesterId, policyId: z.string().regex(/^[a-z][a-z0-9-]*$/, '政策编号不正确').optional(), collegeId: id.optional() })).returns<RunSummary>(),
  runs: action(z.object({ collegeId: id.optional() })).returns<RunSummary[]>(),
  /** The policies a clerk may run (the shipped presets), the college's default first. */
  policies: action(z.object({ collegeId: id.optional() })).returns<{ id: string; name: string; source: string; isDefault: boolean }[]>(),
  /** A page of the run's entries (a college's list can run to thousands: a call's answer must stay small). */
  review: action(
    z.object({
      runId: id,
      classId: id.optional(),
      level: levelId.optional(),
      change: ChangeKind.optional(),
      skip: z.number({ invalid_type_error: '分页起点应为数字' }).int().min(0).default(0),
      limit: z.number({ invalid_type_error: '每页条数应为数字' }).int().min(1).max(500, '每页最多 500 条').default(100),
    }),
  ).returns<ReviewView>(),
  addManual: action(
    z.object({ runId: id, studentId: id, level: levelId, reason: ManualReason, note: text(500, '说明').optional() }),
  ).returns<RunEntry>(),
  /** Takes a student off the draft list by hand, with the reason written down. */
  removeManual: action(z.object({ runId: id, studentId: id, note: requiredText(500, '移出原因') })).returns<RunEntry | null>(),
  /** Undoes a hand-made change: the student goes back to what the rules say. */
  clearManual: action(z.object({ runId: id, studentId: id })).returns<RunEntry | null>(),
  /** Draft lists open to the caller's manual additions, showing only the caller's classes. */
  drafts: action(z.object({})).returns<DraftView[]>(),
  publish: action(z.object({ runId: id })).returns<PublishResult>(),
  /** Throws a draft away: it stays on record as discarded and can no longer be changed or published. */
  discardRun: action(z.object({ runId: id })).returns<RunSummary>(),
  exportSummary: action(z.object({ runId: id })).returns<{ fileName: string; base64: string; rows: number }>(),
  courseAnalysis: action(z.object({ runId: id })).returns<CourseAnalysis>(),
  /** Active warnings of the caller's classes (class staff) or college (clerk, leader, department head). */
  list: action(z.object({ classId: id.optional() })).returns<WarningView[]>(),
  /** The student's own warnings (active first, then history). */
  mine: action(z.object({})).returns<WarningView[]>(),
};
export type WarningsApi = typeof warningsApi;
