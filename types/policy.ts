import { z } from 'zod';
import { id, requiredText, text } from './fields';
import { Role } from './domain';
import { CourseKind } from './grade';

/**
 * A college's warning policy is data (config/policies/*.json): the engine reads it, nothing
 * about a college lives in code. Levels are ordered from least to most severe.
 */

const slug = z
  .string({ required_error: '缺少编号', invalid_type_error: '编号应为文字' })
  .regex(/^[a-z][a-z0-9-]*$/, '编号只能含小写字母、数字和连字符');

const count = (label: string) =>
  z
    .number({ required_error: `缺少${label}`, invalid_type_error: `${label}应为数字` })
    .int(`${label}应为整数`)
    .min(1, `${label}至少为 1`);

const credits = (label: string) =>
  z.number({ required_error: `缺少${label}`, invalid_type_error: `${label}应为数字` }).positive(`${label}应大于 0`);

/**
 * Count only courses of these kinds (课程性质), e.g. ['required'] for failed required credits.
 * Absent: every course counts. A course whose export names no kind counts under any filter
 * (a missing 课程性质 column must not hide a failure).
 */
const courseKinds = z.array(CourseKind).min(1, '至少选择一种课程性质').optional();

/** Courses of the semester failed at the regular exam (正考不及格). */
const RegularFails = z.object({
  id: slug,
  rule: z.literal('regularFails'),
  atLeast: count('门数下限'),
  atMost: count('门数上限').optional(),
  courseKinds,
});
/** Courses of the semester with a failed make-up exam and no pass (补考后仍不及格). */
const FailedAfterMakeup = z.object({
  id: slug,
  rule: z.literal('failedAfterMakeup'),
  atLeast: count('门数下限'),
  atMost: count('门数上限').optional(),
  courseKinds,
});
/** Credits of the semester's courses failed at the regular exam. */
const SemesterFailedCredits = z.object({
  id: slug,
  rule: z.literal('semesterFailedCredits'),
  atLeast: credits('学分下限'),
  courseKinds,
});
/** Credits of every course up to the semester that has failed and never been passed (挂科/应重修学分). */
const OwedCredits = z.object({ id: slug, rule: z.literal('owedCredits'), atLeast: credits('学分下限'), courseKinds });
/** Credit-weighted GPA (4-point) of the semester or of all semesters so far, rounded to 2 decimals. */
const GpaBelow = z.object({
  id: slug,
  rule: z.literal('gpaBelow'),
  below: z.number({ invalid_type_error: '绩点应为数字' }).positive('绩点应大于 0').max(5, '绩点最多 5'),
  scope: z.enum(['semester', 'cumulative']),
});

export const Trigger = z.discriminatedUnion('rule', [
  RegularFails,
  FailedAfterMakeup,
  SemesterFailedCredits,
  OwedCredits,
  GpaBelow,
]);
export type Trigger = z.infer<typeof Trigger>;
export type TriggerRule = Trigger['rule'];

/** One obligation a level (or a flagged course) creates; the duty evaluator counts records against it. */
export const Duty = z.object({
  duty: slug,
  role: Role,
  count: count('次数'),
  per: z.enum(['semester', 'month', 'quarter', 'once']),
  withinDays: count('期限天数').optional(),
});
export type Duty = z.infer<typeof Duty>;

export const Level = z.object({
  id: slug,
  name: requiredText(20, '等级名称'),
  /** any: one fired trigger is enough; all: every trigger must fire. */
  combinator: z.enum(['any', 'all']).default('any'),
  /** A level with no trigger is reached only by a manual addition. */
  triggers: z.array(Trigger).default([]),
  duties: z.array(Duty).default([]),
});
export type Level = z.infer<typeof Level>;

/** Reasons head teachers and counselors may give to add a student by hand (rules: 002-4.2.1). */
export const ManualReason = z.enum(
  ['attitude', 'mentalState', 'attendance', 'discipline', 'statusChange', 'grades', 'gpa', 'rank', 'participation'],
  { errorMap: () => ({ message: '请选择补充原因' }) },
);
export type ManualReason = z.infer<typeof ManualReason>;

export const manualReasonLabel: Record<ManualReason, string> = {
  attitude: '学习态度',
  mentalState: '心理状况',
  attendance: '考勤',
  discipline: '处分',
  statusChange: '学籍异动',
  grades: '成绩',
  gpa: '平均学分绩点',
  rank: '成绩排名',
  participation: '课堂参与',
};

/**
 * The lifting condition (解除) of a warning from an earlier run: any of the listed conditions
 * lifts it. Without one, a warning lasts exactly as long as its triggers fire.
 */
export const Lifting = z
  .object({
    owedCreditsBelow: credits('解除学分线').optional(),
    /** Every course due so far has been passed: no owed credit left. */
    allDueCompleted: z.boolean().default(false),
  })
  .refine((l) => l.owedCreditsBelow !== undefined || l.allDueCompleted, '解除条件至少要有一项');
export type Lifting = z.infer<typeof Lifting>;

export const Policy = z
  .object({
    id: slug,
    name: requiredText(60, '政策名称'),
    college: requiredText(60, '学院'),
    /** Where the rules come from (a seed document), shown next to every result. */
    source: text(200, '依据').default(''),
    passMark: z.number({ invalid_type_error: '及格线应为数字' }).min(1).max(100).default(60),
    levels: z.array(Level).min(1, '至少要有一个等级'),
    /** The duties of a level add to those of every lower level (rules: 004-2.6). */
    buildsOnLower: z.boolean().default(false),
    lifting: Lifting.optional(),
    courseAnalysis: z
      .object({
        /** A course or teacher is flagged when the regular-exam fail rate is strictly above this. */
        failRateAbove: z.number({ invalid_type_error: '不及格率应为数字' }).min(0).max(1).default(0.15),
        /** Duties created for the department of a flagged course. */
        duties: z.array(Duty).default([]),
      })
      .default({}),
    manualAdditions: z
      .object({
        allowed: z.boolean(),
        roles: z.array(Role).default([]),
        reasons: z.array(ManualReason).default([]),
      })
      .default({ allowed: false }),
    /**
     * Thresholds a college sets for itself in the app (audited), e.g. gxu-ee's university thresholds
     * that the seed does not fix: each names a trigger and its number; the file's value is the default.
     */
    parameters: z
      .array(
        z.object({
          id: slug,
          label: requiredText(40, '参数名称'),
          trigger: slug,
          field: z.enum(['atLeast', 'below']),
          min: z.number({ invalid_type_error: '下限应为数字' }),
          max: z.number({ invalid_type_error: '上限应为数字' }),
          step: z.number().positive().default(1),
          unit: text(10, '单位').default(''),
        }),
      )
      .default([]),
    publication: z
      .object({
        /** The list is formed within this many days of the semester start. */
        withinDaysOfSemesterStart: count('天数').optional(),
        /** The student confirms the list (no objection) before it is published. */
        studentConfirms: z.boolean().default(false),
      })
      .default({}),
  })
  .superRefine((policy, ctx) => {
    const levelIds = new Set<string>();
    const triggerIds = new Set<string>();
    policy.levels.forEach((level, li) => {
      if (levelIds.has(level.id))
        ctx.addIssue({ code: 'custom', path: ['levels', li, 'id'], message: `等级编号重复：${level.id}` });
      levelIds.add(level.id);
      if (level.combinator === 'all' && level.triggers.length === 0)
        ctx.addIssue({ code: 'custom', path: ['levels', li, 'triggers'], message: '“全部满足”的等级至少要有一个条件' });
      level.triggers.forEach((trigger, ti) => {
        if (triggerIds.has(trigger.id))
          ctx.addIssue({
            code: 'custom',
            path: ['levels', li, 'triggers', ti, 'id'],
            message: `条件编号重复：${trigger.id}`,
          });
        triggerIds.add(trigger.id);
        if ('atMost' in trigger && trigger.atMost !== undefined && trigger.atMost < trigger.atLeast)
          ctx.addIssue({
            code: 'custom',
            path: ['levels', li, 'triggers', ti, 'atMost'],
            message: '门数上限不能小于下限',
          });
      });
    });
    policy.parameters.forEach((p, pi) => {
      const trigger = policy.levels.flatMap((l) => l.triggers).find((t) => t.id === p.trigger);
      if (!trigger || !(p.field in trigger))
        ctx.addIssue({
          code: 'custom',
          path: ['parameters', pi, 'trigger'],
          message: `参数 ${p.id} 指向不存在的条件或字段：${p.trigger}.${p.field}`,
        });
      if (p.min > p.max)
        ctx.addIssue({ code: 'custom', path: ['parameters', pi, 'max'], message: '参数上限不能小于下限' });
    });
    if (policy.manualAdditions.allowed && policy.manualAdditions.reasons.length === 0)
      ctx.addIssue({ code: 'custom', path: ['manualAdditions', 'reasons'], message: '允许人工补充时须列出补充原因' });
  });
export type Policy = z.infer<typeof Policy>;
export type PolicyInput = z.input<typeof Policy>;

/**
 * A hand-made change to a run's list (rules: 002-4.2.1; removal is the project's reading): an addition with one of the policy's reasons,
 * or a removal with a written note. Either stays marked as manual in the result.
 */
export const ManualEntry = z.discriminatedUnion('action', [
  z.object({
    action: z.literal('add'),
    studentId: id,
    level: slug,
    reason: ManualReason,
    note: text(500, '说明').optional(),
    by: id,
  }),
  z.object({
    action: z.literal('remove'),
    studentId: id,
    note: requiredText(500, '移出原因'),
    by: id,
  }),
]);
export type ManualEntry = z.infer<typeof ManualEntry>;

/** A student's level from an earlier run, the base of the change report. */
export const PreviousEntry = z.object({ studentId: id, level: z.string().nullable() });
export type PreviousEntry = z.infer<typeof PreviousEntry>;
