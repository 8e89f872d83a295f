import { z } from 'zod';
import { Role } from './domain';
import { isoTime, semesterId } from './fields';

/**
 * Duty quotas of staff (the duty table of config/duties/README.md) as data: who, which records count,
 * how many, per which period and per what. config/duties/*.json is parsed with DutyConfig.
 */

/** Record kinds that can count toward a duty (talks, check-ins, meetings, contacts). */
export const DutyRecordKind = z.enum(
  [
    'talk',
    'classMeeting',
    'dormCheck',
    'classCheck',
    'lectureAttendance',
    'parentContact',
    'teacherContact',
    'classCommitteeMeeting',
    'headTeacherMeeting',
    'themedActivity',
    'collectiveActivity',
    /** A warned student's study plan, approved by its reviewer (counts for that reviewer's plan duty). */
    'studyPlan',
  ],
  { errorMap: () => ({ message: '记录类型不正确' }) },
);
export type DutyRecordKind = z.infer<typeof DutyRecordKind>;

/**
 * Periods. week: Mon–Sun; twoWeeks: from the semester start; month: calendar month;
 * quarter: three months from the semester start; semesterEnd: the last `withinDays` days of a
 * semester; withinDaysOf: `withinDays` days from a warned student's `since`.
 */
export const DutyPeriod = z.enum(
  ['week', 'twoWeeks', 'month', 'quarter', 'semester', 'semesterEnd', 'schoolYear', 'withinDaysOf'],
  { errorMap: () => ({ message: '周期不正确' }) },
);
export type DutyPeriod = z.infer<typeof DutyPeriod>;

/** What one quota is counted for: the person, each class, dorm, student, warned student or course teacher. */
export const DutyUnitKind = z.enum(['person', 'class', 'dorm', 'student', 'warnedStudent', 'courseTeacher'], {
  errorMap: () => ({ message: '考核对象不正确' }),
});
export type DutyUnitKind = z.infer<typeof DutyUnitKind>;

const ruleId = z
  .string({ required_error: '缺少职责编号' })
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, '职责编号应为小写字母、数字和连字符');

const positiveInt = (label: string) =>
  z
    .number({ invalid_type_error: `${label}应为数字` })
    .int(`${label}应为整数`)
    .positive(`${label}应大于 0`);

/** Which records count: any of `kinds`, narrowed by optional filters (all must hold). */
export const DutyCounts = z
  .object({
    kinds: z.array(DutyRecordKind).min(1, '至少一种记录类型'),
    /** The record has any of these topics (e.g. a study-methods class meeting). */
    topics: z.array(z.string().min(1)).min(1).optional(),
    /** The record's mode is one of these (e.g. 'faceToFace' talks). */
    modes: z.array(z.string().min(1)).min(1).optional(),
    /** The record lasted at least this many minutes. */
    minMinutes: positiveInt('最短时长').optional(),
    /** The record carries its written part (meeting minutes; hygiene and presence of a dorm check). */
    documented: z.boolean().optional(),
  })
  .strict();
export type DutyCounts = z.infer<typeof DutyCounts>;

/**
 * Exactly one of: a count, a fraction of the class size rounded up (per class: that class; per
 * person: all students of the person's classes), a total of minutes.
 */
export const DutyQuota = z
  .object({
    count: positiveInt('次数').optional(),
    /** Kept as a fraction so 1/3 of 30 is exactly 10 (no floating point). */
    fractionOfClassSize: z
      .object({ numerator: positiveInt('分子'), denominator: positiveInt('分母') })
      .strict()
      .optional(),
    minutes: positiveInt('时长').optional(),
  })
  .strict()
  .refine((q) => [q.count, q.fractionOfClassSize, q.minutes].filter((v) => v !== undefined).length === 1, {
    message: '定额须且只能指定次数、班级人数比例或时长之一',
  });
export type DutyQuota = z.infer<typeof DutyQuota>;

export const DutySeed = z.enum(['000', '001', '002', '003', '004']);

export const DutyRule = z
  .object({
    id: ruleId,
    role: Role,
    title: z.string().trim().min(1, '缺少职责名称').max(60, '职责名称过长'),
    counts: DutyCounts,
    quota: DutyQuota,
    period: DutyPeriod,
    per: DutyUnitKind,
    /** withinDaysOf: days from the warning; semesterEnd: days before the semester ends. */
    withinDays: positiveInt('天数').optional(),
    /** Remind this many days before the window closes (overrides the caller's default). */
    remindBeforeDays: z.number().int().min(0).optional(),
    /** per warnedStudent: the case must carry one of these tags (e.g. 'warning', 'discipline'). */
    appliesTo: z
      .object({ tags: z.array(z.string().min(1)).min(1) })
      .strict()
      .optional(),
    seed: DutySeed,
    /** The seed's sentence, so anyone can check the reading. */
    source: z.string().optional(),
  })
  .strict()
  .superRefine((rule, ctx) => {
    const needsDays = rule.period === 'withinDaysOf' || rule.period === 'semesterEnd';
    if (needsDays !== (rule.withinDays !== undefined)) {
      ctx.addIssue({ code: 'custom', path: ['withinDays'], message: '仅“期限内”和“学期末”周期须指定天数' });
    }
    if (rule.period === 'withinDaysOf' && rule.per !== 'warnedStudent') {
      ctx.addIssue({ code: 'custom', path: ['per'], message: '“期限内”周期只能按受警示学生计' });
    }
    if (rule.quota.fractionOfClassSize && rule.per !== 'class' && rule.per !== 'person') {
      ctx.addIssue({ code: 'custom', path: ['quota'], message: '按班级人数比例的定额只能按班级或按人计' });
    }
    if (rule.appliesTo && rule.per !== 'warnedStudent') {
      ctx.addIssue({ code: 'custom', path: ['appliesTo'], message: '适用标签只用于受警示学生' });
    }
  });
export type DutyRule = z.infer<typeof DutyRule>;

export const DutyConfig = z
  .object({
    version: z.number().int().positive(),
    rules: z.array(DutyRule).min(1, '至少一条职责'),
  })
  .strict()
  .superRefine((config, ctx) => {
    const seen = new Set<string>();
    config.rules.forEach((rule, i) => {
      if (seen.has(rule.id))
        ctx.addIssue({ code: 'custom', path: ['rules', i, 'id'], message: `职责编号重复：${rule.id}` });
      seen.add(rule.id);
    });
  });
export type DutyConfig = z.infer<typeof DutyConfig>;

/** A calendar date (Shanghai), e.g. 2025-09-08. */
export const calendarDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD')
  .refine((d) => {
    const [y, m, day] = d.split('-').map(Number);
    const probe = new Date(Date.UTC(y ?? 0, (m ?? 1) - 1, day ?? 0));
    return probe.getUTCFullYear() === y && probe.getUTCMonth() + 1 === m && probe.getUTCDate() === day;
  }, '日期不存在');

export const Semester = z.object({ id: semesterId, start: calendarDate, end: calendarDate }).strict();
export type Semester = z.infer<typeof Semester>;

export const SchoolYear = z
  .object({
    id: z.string().regex(/^\d{4}-\d{4}$/, '学年格式应为 2025-2026'),
    start: calendarDate,
    end: calendarDate,
    semesters: z.array(Semester).min(1, '学年至少一个学期'),
  })
  .strict()
  .superRefine((year, ctx) => {
    if (year.start > year.end) ctx.addIssue({ code: 'custom', path: ['end'], message: '学年结束早于开始' });
    let previousEnd = '';
    year.semesters.forEach((s, i) => {
      if (!s.id.startsWith(`${year.id}-`))
        ctx.addIssue({ code: 'custom', path: ['semesters', i, 'id'], message: '学期不属于该学年' });
      if (s.start > s.end) ctx.addIssue({ code: 'custom', path: ['semesters', i, 'end'], message: '学期结束早于开始' });
      if (s.start < year.start || s.end > year.end) {
        ctx.addIssue({ code: 'custom', path: ['semesters', i], message: '学期超出学年范围' });
      }
      if (s.start <= previousEnd)
        ctx.addIssue({ code: 'custom', path: ['semesters', i, 'start'], message: '学期应按时间先后排列且不重叠' });
      previousEnd = s.end;
    });
  });
export type SchoolYear = z.infer<typeof SchoolYear>;

export const AcademicCalendar = z
  .object({ schoolYears: z.array(SchoolYear).min(1, '至少一个学年') })
  .strict()
  .superRefine((calendar, ctx) => {
    let previousEnd = '';
    calendar.schoolYears.forEach((y, i) => {
      if (y.start <= previousEnd)
        ctx.addIssue({ code: 'custom', path: ['schoolYears', i, 'start'], message: '学年应按时间先后排列且不重叠' });
      previousEnd = y.end;
    });
  });
export type AcademicCalendar = z.infer<typeof AcademicCalendar>;

/**
 * A stored record as the evaluator sees it. Handlers map talks, check-ins, meetings and contacts
 * to this shape; a record for several classes (a joint class meeting) becomes one per class.
 */
export const DutyRecord = z.object({
  _id: z.string().min(1),
  kind: DutyRecordKind,
  actorId: z.string().min(1),
  /** Server time of the record. */
  at: isoTime,
  classId: z.string().optional(),
  dormId: z.string().optional(),
  studentId: z.string().optional(),
  teacherId: z.string().optional(),
  minutes: z.number().nonnegative().optional(),
  topics: z.array(z.string()).optional(),
  mode: z.string().optional(),
  documented: z.boolean().optional(),
});
export type DutyRecord = z.infer<typeof DutyRecord>;

/** A student under warning / status handling / discipline, whose duties run from `since`. */
export type WarnedStudentUnit = {
  studentId: string;
  classId: string;
  /** Publication of the warning (the college document), ISO. */
  since: string;
  /** Lifted or closed, ISO; duties stop then. */
  until?: string;
  /** e.g. 'warning', 'statusHandling', 'discipline', 'academicProblem', 'lzut-life:written'. */
  tags: readonly string[];
  caseId?: string;
};

/** What one role of a person covers. Class sizes are needed for fraction-of-class quotas. */
export type DutyAssignment = {
  role: Role;
  classes?: readonly { id: string; size: number }[];
  dorms?: readonly { id: string; classIds: readonly string[] }[];
  students?: readonly { id: string; classId: string }[];
  warnedStudents?: readonly WarnedStudentUnit[];
  courseTeachers?: readonly { id: string; classIds: readonly string[] }[];
};

/** A staff member to evaluate: one entry per role they hold. */
export type DutySubject = { personId: string; assignments: readonly DutyAssignment[] };

/**
 * done: the quota is met in time; due: not yet, the window is open; overdue: the window closed
 * unmet; lateDone (逾期完成): a one-off deadline (withinDaysOf) missed, then met after it. A late
 * record never makes a deadline green: it is counted apart in every figure.
 */
export const DutyStatus = z.enum(['done', 'due', 'overdue', 'lateDone']);
export type DutyStatus = z.infer<typeof DutyStatus>;
export const dutyStatusLabel: Record<DutyStatus, string> = {
  done: '已完成',
  due: '待完成',
  overdue: '已逾期',
  lateDone: '逾期完成',
};

/** What one quota is counted for, as shown to people. `classIds` place it in a class summary. */
export const DutyUnit = z.object({ kind: DutyUnitKind, id: z.string(), classIds: z.array(z.string()).readonly() });
export type DutyUnit = z.infer<typeof DutyUnit>;

/** One quota of one person, for one unit, in one window (the evaluator's answer, sent to the app). */
export const DutyItem = z.object({
  /** Stable across runs: person, rule, unit and the window's first day. */
  key: z.string(),
  personId: z.string(),
  ruleId: z.string(),
  role: Role,
  title: z.string(),
  period: DutyPeriod,
  unit: DutyUnit,
  /** Warned student: the cases behind the unit. */
  caseIds: z.array(z.string()).readonly(),
  /** start inclusive, end exclusive (ISO, +08:00); lastDay is the last calendar day inside. */
  window: z.object({ start: z.string(), end: z.string(), lastDay: z.string() }),
  /** count: records; minutes: their total duration. */
  measure: z.enum(['count', 'minutes']),
  required: z.number(),
  progress: z.number(),
  /** What remains: required − progress, never below 0. */
  due: z.number(),
  /** Ids of the records that count (in time, then those after the deadline). */
  done: z.array(z.string()),
  /** Of `done`, the records made after the deadline (a lateDone item's). */
  late: z.array(z.string()),
  status: DutyStatus,
  /** The window's end: after this instant an unmet quota is overdue. */
  dueAt: z.string(),
  remindBeforeDays: z.number().optional(),
});
export type DutyItem = z.infer<typeof DutyItem>;

/** One person's duties in the semester evaluated. */
export const PersonDutyEvaluation = z.object({
  personId: z.string(),
  now: z.string(),
  semesterId: z.string(),
  schoolYearId: z.string(),
  /** Every window begun by `now`, in rule order, then unit, then time. */
  items: z.array(DutyItem),
  /** The open item that falls due soonest. */
  next: DutyItem.nullable(),
  overdue: z.array(DutyItem),
});
export type PersonDutyEvaluation = z.infer<typeof PersonDutyEvaluation>;

/**
 * How far a person, class or rule meets its duties. `percent` is the on-time share, done ÷ (done +
 * lateDone + overdue): windows still open and not yet met count against nobody; a deadline met
 * late is not on time; null when nothing is settled yet.
 */
export const ComplianceSummary = z.object({
  id: z.string(),
  total: z.number(),
  done: z.number(),
  due: z.number(),
  overdue: z.number(),
  lateDone: z.number(),
  percent: z.number().nullable(),
});
export type ComplianceSummary = z.infer<typeof ComplianceSummary>;

/** Shanghai has kept UTC+08:00 without daylight saving since 1991. */
const SHANGHAI_OFFSET_MS = 8 * 60 * 60 * 1000;

/**
 * The one due-date convention: a duty's window ends at an instant (exclusive, the midnight after
 * its last day); people are shown the last day itself, inclusive, in Shanghai. Every screen and
 * message renders a deadline through these two (app and functions alike), so no two screens can
 * disagree by a day.
 */
export function lastDayOf(dueAt: string): string {
  return new Date(Date.parse(dueAt) - 1 + SHANGHAI_OFFSET_MS).toISOString().slice(0, 10);
}

/** "截止 2026-12-07" (the last day on which the duty can still be met). */
export function dueDateText(dueAt: string): string {
  return `截止 ${lastDayOf(dueAt)}`;
}
