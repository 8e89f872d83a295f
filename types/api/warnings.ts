import { z } from 'zod';
import { action } from '../envelope';
import { Errors } from '../errors';
import { id, requiredText, semesterId, text } from '../fields';
import { Duty, ManualReason } from '../policy';
import { OwedCourse, Warning, WarningStatus, WarningTrigger } from '../warning';

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

export const RunTrigger = WarningTrigger.extend({ kind: z.string(), level: z.string(), value: z.number() });
export type RunTrigger = z.infer<typeof RunTrigger>;

/** A hand-made change, kept visible on the entry (rules: 002-4.2.1). */
export const ManualView = z.object({
  action: z.enum(['add', 'remove']),
  level: z.string().nullable(),
  reason: z.string().nullable(),
  reasonLabel: z.string().nullable(),
  note: z.string().nullable(),
  by: z.string(),
  byName: z.string(),
});
export type ManualView = z.infer<typeof ManualView>;

export const CourseLine = OwedCourse;
export type CourseLine = z.infer<typeof CourseLine>;

/** A grade row corrected after an objection, as the list and the 汇总表 show it. */
export const CorrectionLine = z.object({ text: z.string(), reason: z.string(), byName: z.string(), at: z.string() });
export type CorrectionLine = z.infer<typeof CorrectionLine>;

/** One student of a run: has a level, or had one before (change ≠ none). */
export const RunEntry = z.object({
  studentId: z.string(),
  studentName: z.string(),
  classId: z.string(),
  className: z.string(),
  level: z.string().nullable(),
  levelName: z.string().nullable(),
  /** Index of the level in the policy (0 = least severe), -1 for none. */
  levelRank: z.number(),
  previousLevel: z.string().nullable(),
  previousLevelName: z.string().nullable(),
  /** The student's active warning when the run was made (superseded or lifted on publish). */
  previousWarningId: z.string().nullable(),
  change: ChangeKind,
  /** Who decided the level: the rules, an unlifted earlier warning, or a person. */
  source: z.enum(['rules', 'carried', 'manual']).nullable(),
  triggers: z.array(RunTrigger),
  manual: ManualView.nullable(),
  /** Courses still owed (failed and never passed), for the summary table and the study plan. */
  failedCourses: z.array(CourseLine),
  /** Grade rows of the student a clerk excluded or corrected after an objection (kept in every later run). */
  corrections: z.array(CorrectionLine).optional(),
  figures: z.object({
    regularFails: z.number(),
    failedAfterMakeup: z.number(),
    regularFailedCredits: z.number(),
    owedCredits: z.number(),
    semesterGpa: z.number().nullable(),
    cumulativeGpa: z.number().nullable(),
  }),
});
export type RunEntry = z.infer<typeof RunEntry>;

/** 'discarded': a draft the clerk threw away (kept as a record, never published). */
export const RunStatus = z.enum(['draft', 'published', 'discarded']);
export type RunStatus = z.infer<typeof RunStatus>;

export const LevelCount = z.object({ level: z.string(), levelName: z.string(), count: z.number() });

export const RunSummary = z.object({
  runId: z.string(),
  collegeId: z.string(),
  semester: z.string(),
  policyId: z.string(),
  policyName: z.string(),
  status: RunStatus,
  createdAt: z.string(),
  createdByName: z.string(),
  publishedAt: z.string().nullable(),
  publishedByName: z.string().nullable(),
  discardedAt: z.string().nullable(),
  discardedByName: z.string().nullable(),
  /** Why this draft may not be published (out of date, discarded …), null when it may. */
  publishBlock: z.object({ code: z.string(), message: z.string() }).nullable(),
  gradeRows: z.number(),
  students: z.number(),
  /** Entries per level (most severe last, as in the policy) and per change. */
  levels: z.array(LevelCount),
  changes: z.record(ChangeKind, z.number()),
  manual: z.number(),
  flaggedCourses: z.number(),
  /** Manual entries the policy refused (e.g. a reason it does not accept). */
  rejectedManual: z.array(z.object({ studentId: z.string(), message: z.string() })),
});
export type RunSummary = z.infer<typeof RunSummary>;

const Choice = z.object({ id: z.string(), name: z.string() });
const ClassChoice = z.object({ classId: z.string(), name: z.string() });
const ReasonChoice = z.object({ id: ManualReason, label: z.string() });

export const ReviewView = z.object({
  run: RunSummary,
  entries: z.array(RunEntry),
  /** Filter choices: the classes and levels present in the run (within the caller's scope). */
  classes: z.array(ClassChoice),
  levels: z.array(Choice),
  manualReasons: z.array(ReasonChoice),
  manualAllowed: z.boolean(),
  canPublish: z.boolean(),
  /** The caller may discard this draft (the clerk, before publishing starts). */
  canDiscard: z.boolean(),
  /** Entries in the caller's scope (the counts above are for all of them). */
  total: z.number(),
  /** Entries matching the filters; `entries` is the requested page of them. */
  matched: z.number(),
});
export type ReviewView = z.infer<typeof ReviewView>;

export const CourseFlag = z.object({
  courseCode: z.string(),
  courseName: z.string(),
  departmentId: z.string().nullable(),
  departmentName: z.string(),
  graded: z.number(),
  failed: z.number(),
  failRate: z.number(),
});
export type CourseFlag = z.infer<typeof CourseFlag>;

export const TeacherFlag = z.object({
  teacherName: z.string(),
  departmentId: z.string().nullable(),
  departmentName: z.string(),
  courseCodes: z.array(z.string()),
  graded: z.number(),
  failed: z.number(),
  failRate: z.number(),
});
export type TeacherFlag = z.infer<typeof TeacherFlag>;

export const CourseAnalysis = z.object({
  runId: z.string(),
  semester: z.string(),
  threshold: z.number(),
  courses: z.array(CourseFlag),
  teachers: z.array(TeacherFlag),
});
export type CourseAnalysis = z.infer<typeof CourseAnalysis>;

export const PublishResult = z.object({
  runId: z.string(),
  /** Warnings written by this call (a resumed publish counts only what it wrote). */
  published: z.number(),
  superseded: z.number(),
  lifted: z.number(),
  /** Unchanged students whose warning, notice, signature, receipt and plan stay as they are (the whole run). */
  kept: z.number(),
  notices: z.number(),
  /** True when the run had already been published: nothing was written. */
  alreadyPublished: z.boolean(),
  /** False when the call's time ran out first: call publish again, it resumes (the app loops). */
  done: z.boolean(),
  /** Students still to write when not done. */
  remaining: z.number(),
});
export type PublishResult = z.infer<typeof PublishResult>;

/** A published warning as the people who handle the student see it. */
export const WarningView = z.object({
  warningId: z.string(),
  runId: z.string(),
  studentId: z.string(),
  studentName: z.string(),
  classId: z.string(),
  className: z.string(),
  semester: z.string(),
  level: z.string(),
  levelName: z.string(),
  levelRank: z.number(),
  change: z.string(),
  changeLabel: z.string(),
  triggers: z.array(WarningTrigger),
  failedCourses: z.array(CourseLine),
  manual: z.object({ reason: z.string(), reasonLabel: z.string(), note: z.string(), by: z.string() }).nullable(),
  duties: z.array(Duty),
  status: WarningStatus,
  publishedAt: Warning.shape.publishedAt,
});
export type WarningView = z.infer<typeof WarningView>;

/** A draft list class staff may add their students to by hand (rules: 002-4.2.1), with their classes' entries. */
export const DraftView = z.object({
  runId: z.string(),
  semester: z.string(),
  policyName: z.string(),
  levels: z.array(Choice),
  manualReasons: z.array(ReasonChoice),
  classes: z.array(ClassChoice),
  entries: z.array(RunEntry),
});
export type DraftView = z.infer<typeof DraftView>;

export const PolicyChoice = z.object({ id: z.string(), name: z.string(), source: z.string(), isDefault: z.boolean() });
export type PolicyChoice = z.infer<typeof PolicyChoice>;

export const SummaryFile = z.object({ fileName: z.string(), base64: z.string(), rows: z.number() });
export type SummaryFile = z.infer<typeof SummaryFile>;

const {
  PolicyUnknown,
  ManualNotAllowed,
  ManualRejected,
  RunDiscarded,
  RunOldSemester,
  RunOutdated,
  RunPublished,
  RunPublishing,
  RunStale,
} = Errors.warnings;
/** A manual change is made to a draft only (not discarded, published or being published), under the run's policy. */
const draftChange = [PolicyUnknown, RunDiscarded, RunPublished, RunPublishing] as const;

export const warningsApi = {
  /** Evaluates the college's policy over the grades up to the semester: a draft run to review. */
  run: action(
    z.object({
      semester: semesterId,
      policyId: z
        .string()
        .regex(/^[a-z][a-z0-9-]*$/, '政策编号不正确')
        .optional(),
      collegeId: id.optional(),
    }),
  )
    .returns(RunSummary)
    .fails(PolicyUnknown),
  runs: action(z.object({ collegeId: id.optional() }))
    .returns(z.array(RunSummary))
    .fails(),
  /** The policies a clerk may run (the shipped presets), the college's default first. */
  policies: action(z.object({ collegeId: id.optional() }))
    .returns(z.array(PolicyChoice))
    .fails(),
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
  )
    .returns(ReviewView)
    .fails(PolicyUnknown),
  addManual: action(
    z.object({ runId: id, studentId: id, level: levelId, reason: ManualReason, note: text(500, '说明').optional() }),
  )
    .returns(RunEntry)
    .fails(...draftChange, ManualNotAllowed, ManualRejected),
  /** Takes a student off the draft list by hand, with the reason written down. */
  removeManual: action(z.object({ runId: id, studentId: id, note: requiredText(500, '移出原因') }))
    .returns(RunEntry.nullable())
    .fails(...draftChange),
  /** Undoes a hand-made change: the student goes back to what the rules say. */
  clearManual: action(z.object({ runId: id, studentId: id }))
    .returns(RunEntry.nullable())
    .fails(...draftChange),
  /** Draft lists open to the caller's manual additions, showing only the caller's classes. */
  drafts: action(z.object({})).returns(z.array(DraftView)).fails(),
  publish: action(z.object({ runId: id }))
    .returns(PublishResult)
    .fails(PolicyUnknown, RunDiscarded, RunOutdated, RunOldSemester, RunStale),
  /** Throws a draft away: it stays on record as discarded and can no longer be changed or published. */
  discardRun: action(z.object({ runId: id }))
    .returns(RunSummary)
    .fails(RunPublished, RunPublishing),
  exportSummary: action(z.object({ runId: id }))
    .returns(SummaryFile)
    .fails(),
  courseAnalysis: action(z.object({ runId: id }))
    .returns(CourseAnalysis)
    .fails(),
  /** Active warnings of the caller's classes (class staff) or college (clerk, leader, department head). */
  list: action(z.object({ classId: id.optional() }))
    .returns(z.array(WarningView))
    .fails(),
  /** The student's own warnings (active first, then history). */
  mine: action(z.object({})).returns(z.array(WarningView)).fails(),
};
export type WarningsApi = typeof warningsApi;
