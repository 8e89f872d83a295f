import type { RunEntry } from '../../../types/api/warnings';
import type { GradeCorrection, GradeRow, GradeRowChange } from '../../../types/grade';
import type { Policy } from '../../../types/policy';
import type { Warning, WarningCorrection } from '../../../types/warning';
import { DomainError } from '../errors';
import { dutiesForLevel, parseScore, presetPolicy } from '../rules';
import { publicationChange, warningIdOf } from './publish-plan';

/** A published run as far as finding a warning's run needs it. */
type PublishedRun = {
  _id: string;
  entries: ReadonlyArray<Pick<RunEntry, 'studentId' | 'level' | 'levelName' | 'change' | 'previousWarningId'>>;
};

/**
 * The published run whose list the warning stands on now: the run that wrote it, or a later one
 * that kept it unchanged. Runs newest first; null when none holds it (then only the warning changes).
 */
export function holdingRun<R extends PublishedRun>(
  runsNewestFirst: ReadonlyArray<R>,
  warning: Pick<Warning, '_id' | 'studentId'>,
): R | null {
  for (const run of runsNewestFirst) {
    const entry = run.entries.find((e) => e.studentId === warning.studentId);
    if (!entry) continue;
    if (warningIdOf(run._id, warning.studentId) === warning._id) return run;
    if (entry.previousWarningId === warning._id && publicationChange(entry) === 'keep') return run;
  }
  return null;
}

/** What correcting the grade rows does to the warning: it stands with the re-judged level, or is withdrawn. */
export type CorrectionOutcome =
  | OwnCorrectionOutcome
  /** A later list that kept the warning still keeps it: only the correction is recorded. */
  | { kind: 'stand'; patch: Pick<Warning, 'corrections'> }
  /** A later list that kept the warning lifts it once its rows are corrected. */
  | { kind: 'lift'; patch: LevelPatch & Pick<Warning, 'status' | 'liftedAt' | 'liftedByRun' | 'corrections'> }
  /** A later list that kept the warning gives another level: its new warning (`next`) replaces this one. */
  | { kind: 'replace'; next: Warning; patch: LevelPatch & Pick<Warning, 'status' | 'supersededBy' | 'corrections'> };

/** What its own semester, judged again, does to the warning: it takes the re-judged level, or is withdrawn. */
export type OwnCorrectionOutcome =
  | {
      kind: 'amend';
      patch: Pick<
        Warning,
        'level' | 'levelName' | 'levelRank' | 'triggers' | 'failedCourses' | 'duties' | 'corrections'
      >;
    }
  | { kind: 'withdraw'; patch: Pick<Warning, 'status' | 'corrections'> };

/** The re-judged level of the warning's own semester, when it changed. */
type LevelPatch = Partial<Pick<Warning, 'level' | 'levelName' | 'levelRank' | 'triggers' | 'failedCourses' | 'duties'>>;

/**
 * The decision after the clerk corrected the rows: the student re-judged on the corrected rows
 * (`entry`, null when the rules no longer list them) either still has a level — the warning takes
 * it, with the new explanation and owed courses — or has none, and the warning is withdrawn. The
 * correction is recorded on the warning either way (who, when, why, which rows).
 */
export function correctionOutcome(
  policy: Policy,
  warning: Pick<Warning, 'level' | 'corrections'>,
  entry: RunEntry | null,
  audit: Omit<WarningCorrection, 'fromLevel' | 'toLevel'>,
): OwnCorrectionOutcome {
  const level = entry?.level ?? null;
  const levelName = entry?.levelName ?? null;
  const record: WarningCorrection = { ...audit, fromLevel: warning.level, toLevel: level };
  const corrections = [...(warning.corrections ?? []), record];
  if (entry === null || level === null || levelName === null)
    return { kind: 'withdraw', patch: { status: 'withdrawn', corrections } };
  return {
    kind: 'amend',
    patch: {
      level,
      levelName,
      levelRank: entry.levelRank,
      triggers: entry.triggers.map((t) => ({
        rule: t.rule,
        text: t.text,
        courses: [...t.courses],
        credits: t.credits,
      })),
      failedCourses: entry.failedCourses.map((c) => ({ ...c })),
      duties: dutiesForLevel(policy, level),
      corrections,
    },
  };
}

/** The warning as re-read inside the correction's transaction: gone or closed since the plan, it is not corrected. */
export function openWarning<W extends Pick<Warning, 'status'>>(warning: W | null): W {
  if (!warning) throw closed();
  assertWarningOpen(warning);
  return warning;
}

const closed = () => new DomainError('WARNING.CLOSED', '该警示已解除或被新名单取代，不能再更正；请在当前通知上处理');

/** A correction names at least one grade row. */
export function assertChangesAsked(changes: ReadonlyArray<GradeRowChange>): void {
  if (changes.length === 0) throw new DomainError('INPUT.INVALID', '更正时请选择要不计入或更正的成绩', 'grades');
}

/** Only a warning still in force is corrected; a lifted or replaced one is answered on the current notice. */
export function assertWarningOpen(warning: Pick<Warning, 'status'>): void {
  if (warning.status !== 'active') throw closed();
}

/** The policy the warning was judged by, which judges the corrected rows too. */
export function policyOfWarning(warning: Pick<Warning, 'policyId'>): Policy {
  const policy = presetPolicy(warning.policyId);
  if (!policy) throw new DomainError('POLICY.UNKNOWN', `警示政策“${warning.policyId}”已不存在`);
  return policy;
}

function changedRow(row: GradeRow, change: GradeRowChange): boolean {
  if (change.action === 'exclude') return true;
  return change.score !== row.score || (change.credits !== undefined && change.credits !== row.credits);
}

/** Who corrects, why and when, for every correction record. */
export type CorrectionAudit = { noticeId: string; reason: string; by: string; byName: string; at: string };

/**
 * The clerk's changes as correction records: the asked rows must be the student's stored grades
 * (`rows`, by grade id), each change must change something, a corrected result must be readable,
 * and a row is chosen once.
 */
export function gradeCorrections(
  warning: Pick<Warning, 'studentId' | 'collegeId'>,
  policy: Policy,
  rows: ReadonlyMap<string, GradeRow>,
  changes: ReadonlyArray<GradeRowChange>,
  audit: CorrectionAudit,
): GradeCorrection[] {
  assertChangesAsked(changes);
  const corrections: GradeCorrection[] = [];
  for (const [i, change] of changes.entries()) {
    const row = rows.get(change.gradeId);
    if (!row) throw new DomainError('INPUT.INVALID', '所选成绩不是该学生的成绩', `grades.${i}.gradeId`);
    if (
      change.action === 'correct' &&
      change.score !== undefined &&
      parseScore(change.score, policy.passMark).kind === 'unknown'
    ) {
      throw new DomainError('INPUT.INVALID', `成绩无法识别：“${change.score}”`, `grades.${i}.score`);
    }
    if (!changedRow(row, change))
      throw new DomainError('INPUT.INVALID', '更正后的成绩与原成绩相同', `grades.${i}.score`);
    corrections.push({
      _id: `gc:${audit.noticeId}:${change.gradeId}`,
      gradeId: change.gradeId,
      studentId: warning.studentId,
      collegeId: warning.collegeId,
      courseCode: row.courseCode,
      courseName: row.courseName,
      semester: row.semester,
      attempt: row.attempt,
      action: change.action,
      before: { score: row.score, credits: row.credits },
      score: change.action === 'correct' ? (change.score ?? row.score) : null,
      credits: change.action === 'correct' ? (change.credits ?? row.credits) : null,
      reason: audit.reason,
      noticeId: audit.noticeId,
      by: audit.by,
      byName: audit.byName,
      at: audit.at,
    });
  }
  if (new Set(corrections.map((c) => c.gradeId)).size !== corrections.length)
    throw new DomainError('INPUT.INVALID', '同一行成绩只能选一次', 'grades');
  return corrections;
}
