import type { RunEntry } from '../../../types/api/warnings';
import type { Policy } from '../../../types/policy';
import type { Warning, WarningCorrection } from '../../../types/warning';
import { dutiesForLevel } from '../rules';
import { publicationChange, warningIdOf } from './publish-plan';

/** A published run as far as finding a warning's run needs it. */
type PublishedRun = { _id: string; entries: ReadonlyArray<Pick<RunEntry, 'studentId' | 'level' | 'levelName' | 'change' | 'previousWarningId'>> };

/**
 * The published run whose list the warning stands on now: the run that wrote it, or a later one
 * that kept it unchanged. Runs newest first; null when none holds it (then only the warning changes).
 */
export function holdingRun<R extends PublishedRun>(runsNewestFirst: ReadonlyArray<R>, warning: Pick<Warning, '_id' | 'studentId'>): R | null {
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
  | { kind: 'amend'; patch: Pick<Warning, 'level' | 'levelName' | 'levelRank' | 'triggers' | 'failedCourses' | 'duties' | 'corrections'> }
  | { kind: 'withdraw'; patch: Pick<Warning, 'status' | 'corrections'> };

/**
 * The decision after the clerk corrected the rows: the student re-judged on the corrected rows
 * (`entry`, null when the rules no longer list them) either still has a level — the warning takes
 * it, with the new explanation and owed courses — or has none, and the warning is withdrawn. The
 * correction is recorded on the warning either way (who, when, why, which rows).
 */
export function correctionOutcome(policy: Policy, warning: Pick<Warning, 'level' | 'corrections'>, entry: RunEntry | null, audit: Omit<WarningCorrection, 'fromLevel' | 'toLevel'>): CorrectionOutcome {
  const level = entry?.level ?? null;
  const levelName = entry?.levelName ?? null;
  const record: WarningCorrection = { ...audit, fromLevel: warning.level, toLevel: level };
  const corrections = [...(warning.corrections ?? []), record];
  if (entry === null || level === null || levelName === null) return { kind: 'withdraw', patch: { status: 'withdrawn', corrections } };
  return {
    kind: 'amend',
    patch: {
      level,
      levelName,
      levelRank: entry.levelRank,
      triggers: entry.triggers.map((t) => ({ rule: t.rule, text: t.text, courses: [...t.courses], credits: t.credits })),
      failedCourses: entry.failedCourses.map((c) => ({ ...c })),
      duties: dutiesForLevel(policy, level),
      corrections,
    },
  };
}
