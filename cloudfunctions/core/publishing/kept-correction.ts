import type { RunEntry } from '../../../types/api/warnings';
import type { Policy } from '../../../types/policy';
import type { Warning, WarningCorrection } from '../../../types/warning';
import { correctionOutcome, type CorrectionOutcome } from './objection-correction';
import { planPublication, publicationChange, type RunRef } from './publish-plan';

/** An earlier warning a run is judged against, as the run records it. */
export type EarlierWarning = { studentId: string; level: string; warningId: string };

/**
 * The earlier warnings a later list that kept the warning is judged against once its own
 * semester is judged again: the warning at its re-judged level, or none if that left no level.
 * Its own semester decides its level; the later list only decides what happens to it next.
 */
export function previousAfterOwnJudgement(
  previous: ReadonlyArray<EarlierWarning>,
  warning: Pick<Warning, '_id' | 'studentId'>,
  ownEntry: RunEntry | null,
): EarlierWarning[] {
  const others = previous.filter((p) => p.studentId !== warning.studentId);
  const level = ownEntry?.level ?? null;
  return level === null ? others : [...others, { studentId: warning.studentId, level, warningId: warning._id }];
}

type Audit = Omit<WarningCorrection, 'fromLevel' | 'toLevel'>;

/**
 * The correction of a warning a later list kept (rules: 004-3.4 — a warning holds until its lifting
 * condition is met). `ownEntry` is the student judged again on their own semester, against what
 * stood before the warning; `laterEntry` the student judged again on the later list, against the
 * warning at that level. The later list decides as a publication does: unchanged — the warning
 * stands (its notice, signature and receipt as they were); no level — it is lifted by that list;
 * another level — that list's new warning replaces it. Only when neither semester leaves a level
 * is the warning withdrawn. A changed level of its own semester is kept on the warning.
 */
export function keptCorrectionOutcome(
  policy: Policy,
  warning: Pick<Warning, '_id' | 'level' | 'failedCourses' | 'corrections'>,
  ownEntry: RunEntry | null,
  later: { run: RunRef; entry: RunEntry | null },
  audit: Audit,
): CorrectionOutcome {
  const own = correctionOutcome(policy, warning, ownEntry, audit);
  const entry = later.entry;
  const change = entry === null ? 'nothing' : publicationChange(entry);
  if (change === 'nothing') return own;
  const ownLevel = own.kind === 'amend' ? own.patch : {};
  const record = (toLevel: string | null): WarningCorrection[] => [
    ...(warning.corrections ?? []),
    { ...audit, fromLevel: warning.level, toLevel },
  ];
  if (change === 'keep') {
    if (own.kind === 'amend' && !sameDecision(warning, own.patch)) return own;
    return { kind: 'stand', patch: { corrections: record(warning.level) } };
  }
  if (change === 'lift')
    return {
      kind: 'lift',
      patch: {
        ...ownLevel,
        status: 'lifted',
        liftedAt: audit.at,
        liftedByRun: later.run.runId,
        corrections: record(null),
      },
    };
  const [step] = planPublication(later.run, policy, entry === null ? [] : [entry], { userId: audit.by, at: audit.at });
  if (step?.kind !== 'publish') return own;
  const replacing = step.supersede === warning._id;
  return {
    kind: 'replace',
    next: step.warning,
    patch: {
      ...ownLevel,
      ...(replacing
        ? { status: 'superseded' as const, supersededBy: step.warning._id }
        : { status: 'withdrawn' as const }),
      corrections: record(step.warning.level),
    },
  };
}

/** Its own semester, judged again, gives the same level for the same courses: its notice still says it right. */
function sameDecision(
  warning: Pick<Warning, 'level' | 'failedCourses'>,
  judged: Pick<Warning, 'level' | 'failedCourses'>,
): boolean {
  const codes = (w: Pick<Warning, 'failedCourses'>) => w.failedCourses.map((c) => `${c.code}:${c.credits}`).join('|');
  return warning.level === judged.level && codes(warning) === codes(judged);
}
