import { z } from 'zod';
import { Duty } from './policy';

/**
 * A published academic warning (学业警示), one per student per publication. Publishing a new run
 * supersedes the student's earlier active warning (history kept, never deleted). A warning is not
 * a disciplinary record (rules: 004-1.3; the rest is the project's reading): only the people who handle the student see it.
 */
export const WarningTrigger = z.object({
  rule: z.string(),
  /** Explanation a counselor can read to a parent, e.g. "正考不及格 3 门：高等数学A（上）（MA1011，5 学分）…" */
  text: z.string(),
  courses: z.array(z.string()),
  credits: z.number(),
});
export type WarningTrigger = z.infer<typeof WarningTrigger>;

/** 'withdrawn': an objection showed the grades did not support it (corrected rows), so it never held. */
export const WarningStatus = z.enum(['active', 'superseded', 'lifted', 'withdrawn']);
export type WarningStatus = z.infer<typeof WarningStatus>;

/** A correction of the decision after an objection: the grade rows changed and the level re-judged. */
export const WarningCorrection = z.object({
  at: z.string(),
  by: z.string(),
  byName: z.string(),
  reason: z.string(),
  /** The grade corrections ('gradeCorrections') made for it. */
  correctionIds: z.array(z.string()),
  /** The level before the correction, and after (null: withdrawn). */
  fromLevel: z.string(),
  toLevel: z.string().nullable(),
});
export type WarningCorrection = z.infer<typeof WarningCorrection>;

export const WarningChange = z.enum(['new', 'escalated', 'deescalated', 'unchanged']);
export type WarningChange = z.infer<typeof WarningChange>;

/** A course still owed: code, name and credits as the warning read them. */
export const OwedCourse = z.object({ code: z.string(), name: z.string(), credits: z.number() });
export type OwedCourse = z.infer<typeof OwedCourse>;

/** Added by hand (rules: 002-4.2.1), and by whom, with the reason: stays visible as manual. */
export const ManualMark = z.object({
  reason: z.string(),
  note: z.string(),
  by: z.string(),
  reasonLabel: z.string().optional(),
});
export type ManualMark = z.infer<typeof ManualMark>;

export const Warning = z.object({
  _id: z.string(),
  runId: z.string(),
  studentId: z.string(),
  studentName: z.string(),
  classId: z.string(),
  collegeId: z.string(),
  semester: z.string(),
  policyId: z.string(),
  level: z.string(),
  levelName: z.string(),
  /** Index of the level in the policy (0 = least severe), for comparisons. */
  levelRank: z.number(),
  change: WarningChange,
  triggers: z.array(WarningTrigger),
  /** Courses still owed (failed, not yet passed): the study plan needs a line for each. */
  failedCourses: z.array(OwedCourse),
  manual: ManualMark.nullable(),
  status: WarningStatus,
  publishedAt: z.string(),
  publishedBy: z.string(),
  /** What the level obliges staff to do (dutiesForLevel: lower levels' duties included when the policy builds on them). */
  duties: z.array(Duty).optional(),
  /** Set when a later publication replaced this warning (status 'superseded'). */
  supersededBy: z.string().optional(),
  /** Set when a later run found the lifting condition met (status 'lifted'). */
  liftedAt: z.string().optional(),
  liftedByRun: z.string().optional(),
  /** The semester archive that took this lifted warning out of day-to-day views (rules: 004-1.3). */
  archivedIn: z.string().optional(),
  /** Objections answered by correcting grade rows, oldest first (status 'withdrawn' when the last left no level). */
  corrections: z.array(WarningCorrection).optional(),
});
export type Warning = z.infer<typeof Warning>;
