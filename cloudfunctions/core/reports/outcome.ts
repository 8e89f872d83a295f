import type { Outcome } from '../../../types/api/reports';
import type { WarningFact } from './facts';

/**
 * The warning a student carried in a semester: the latest publication of it that held
 * (a withdrawn one never did, rules: 004-3.x objections).
 */
export function standingWarnings(warnings: readonly WarningFact[], semester: string): Map<string, WarningFact> {
  const out = new Map<string, WarningFact>();
  for (const w of warnings) {
    if (w.semester !== semester || w.status === 'withdrawn') continue;
    const seen = out.get(w.studentId);
    if (
      !seen ||
      w.publishedAt > seen.publishedAt ||
      (w.publishedAt === seen.publishedAt && w.warningId > seen.warningId)
    )
      out.set(w.studentId, w);
  }
  return out;
}

/**
 * Level before → after: lifted when the next run lifted it; otherwise the next semester's
 * warning against this one; no next warning: left when the student is gone, pending while the
 * next list is not out, else kept (the warning still stands).
 */
export function outcomeOf(
  before: WarningFact,
  after: WarningFact | undefined,
  enrolled: boolean,
  nextPublished: boolean,
): Outcome {
  if (before.status === 'lifted') return 'lifted';
  if (after)
    return after.levelRank > before.levelRank
      ? 'escalated'
      : after.levelRank < before.levelRank
        ? 'deescalated'
        : 'kept';
  if (!enrolled) return 'left';
  if (!nextPublished) return 'pending';
  return 'kept';
}
