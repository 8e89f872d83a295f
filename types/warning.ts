import type { Duty } from './policy';

/**
 * A published academic warning (学业警示), one per student per publication. Publishing a new run
 * supersedes the student's earlier active warning (history kept, never deleted). A warning is not
 * a disciplinary record (seed 004): only the people who handle the student see it.
 */
export type WarningTrigger = {
  rule: string;
  /** Explanation a counselor can read to a parent, e.g. "正考不及格 3 门：高等数学A（上）（MA1011，5 学分）…" */
  text: string;
  courses: string[];
  credits: number;
};

/** 'withdrawn': an objection showed the grades did not support it (corrected rows), so it never held. */
export type WarningStatus = 'active' | 'superseded' | 'lifted' | 'withdrawn';

/** A correction of the decision after an objection: the grade rows changed and the level re-judged. */
export type WarningCorrection = {
  at: string;
  by: string;
  byName: string;
  reason: string;
  /** The grade corrections ('gradeCorrections') made for it. */
  correctionIds: string[];
  /** The level before the correction, and after (null: withdrawn). */
  fromLevel: string;
  toLevel: string | null;
};

export type Warning = {
  _id: string;
  runId: string;
  studentId: string;
  studentName: string;
  classId: string;
  collegeId: string;
  semester: string;
  policyId: string;
  level: string;
  levelName: string;
  /** Index of the level in the policy (0 = least severe), for comparisons. */
  levelRank: number;
  change: 'new' | 'escalated' | 'deescalated' | 'unchanged';
  triggers: WarningTrigger[];
  /** Courses still owed (failed, not yet passed): the study plan needs a line for each. */
  failedCourses: { code: string; name: string; credits: number }[];
  /** Added by hand (seed 002), and by whom, with the reason: stays visible as manual. */
  manual: { reason: string; note: string; by: string; reasonLabel?: string } | null;
  status: WarningStatus;
  publishedAt: string;
  publishedBy: string;
  /** What the level obliges staff to do (dutiesForLevel: lower levels' duties included when the policy builds on them). */
  duties?: Duty[];
  /** Set when a later publication replaced this warning (status 'superseded'). */
  supersededBy?: string;
  /** Set when a later run found the lifting condition met (status 'lifted'). */
  liftedAt?: string;
  liftedByRun?: string;
  /** The semester archive that took this lifted warning out of day-to-day views (rules: 004-1.3). */
  archivedIn?: string;
  /** Objections answered by correcting grade rows, oldest first (status 'withdrawn' when the last left no level). */
  corrections?: WarningCorrection[];
};

export const WARNINGS = 'warnings';
