import { nextSemesterId } from '../calendar/current';
import type { WarningFact } from './facts';
import { standingWarnings } from './outcome';

/**
 * The warnings as the report judges them once objections are answered: a warning superseded by
 * the next semester's, which an objection then withdrew (the corrected grades, read with the
 * earlier warning as before, leave no level: the policy's lifting condition is met), is lifted —
 * the next list, had it read the corrected grades, would have lifted it (a level gone lifts the
 * earlier warning). Without this the student would count as still warned.
 */
export function liftedBehindWithdrawn(warnings: readonly WarningFact[]): WarningFact[] {
  const withdrawn = new Set(
    warnings.filter((w) => w.status === 'withdrawn').map((w) => `${w.studentId}|${w.semester}`),
  );
  if (withdrawn.size === 0) return [...warnings];
  const standing = new Map<string, Map<string, WarningFact>>();
  const standingIn = (semester: string) => {
    const kept = standing.get(semester) ?? standingWarnings(warnings, semester);
    standing.set(semester, kept);
    return kept;
  };
  return warnings.map((w) => {
    if (w.status !== 'superseded') return w;
    const next = nextSemesterId(w.semester);
    if (!withdrawn.has(`${w.studentId}|${next}`) || standingIn(next).has(w.studentId)) return w;
    return { ...w, status: 'lifted' };
  });
}
