import type { RunEntry } from '../../../types/api/warnings';
import type { Policy } from '../../../types/policy';
import type { Warning } from '../../../types/warning';
import { dutiesForLevel } from '../rules';

/** One write of a publication, done in its own transaction (single-document operations only). */
export type PublishStep =
  | { kind: 'publish'; studentId: string; warning: Warning; supersede: string | null }
  | { kind: 'lift'; studentId: string; warningId: string }
  | { kind: 'keep'; studentId: string; warningId: string };

/**
 * What a publication does to one student, decided from the entry alone: a new, escalated or
 * de-escalated level writes a new warning (superseding the earlier one); an unchanged level keeps
 * the earlier warning as it is — its notice, signature, receipt, phone contacts, parent deadline
 * and study plan (keyed by warning id) stay, and nobody is messaged again; a level gone lifts it.
 */
export type PublicationChange = 'publish' | 'keep' | 'lift' | 'nothing';

export function publicationChange(
  entry: Pick<RunEntry, 'level' | 'levelName' | 'change' | 'previousWarningId'>,
): PublicationChange {
  if (entry.level === null || entry.levelName === null) return entry.previousWarningId === null ? 'nothing' : 'lift';
  if (entry.previousWarningId !== null && entry.change === 'unchanged') return 'keep';
  return 'publish';
}

export type RunRef = { runId: string; collegeId: string; semester: string; policyId: string };

/** Deterministic: a retried publish finds the warnings it already wrote and goes on from there. */
export function warningIdOf(runId: string, studentId: string): string {
  return `w:${runId}:${studentId}`;
}

function publishedChange(change: RunEntry['change']): Warning['change'] {
  return change === 'escalated' || change === 'deescalated' || change === 'unchanged' ? change : 'new';
}

/**
 * What publishing a run writes, student by student (see publicationChange): a warning for every
 * new, escalated or de-escalated entry (it supersedes the student's earlier active warning), a
 * keep for every unchanged one, a lift for every entry whose earlier warning is lifted. Entries
 * without a level and without an earlier warning write nothing.
 */
export function planPublication(
  run: RunRef,
  policy: Policy,
  entries: ReadonlyArray<RunEntry>,
  by: { userId: string; at: string },
): PublishStep[] {
  const steps: PublishStep[] = [];
  for (const entry of entries) {
    const decision = publicationChange(entry);
    if (decision === 'keep' && entry.previousWarningId !== null)
      steps.push({ kind: 'keep', studentId: entry.studentId, warningId: entry.previousWarningId });
    else if (decision === 'publish' && entry.level !== null && entry.levelName !== null) {
      const manual = entry.manual?.action === 'add' ? entry.manual : null;
      const warning: Warning = {
        _id: warningIdOf(run.runId, entry.studentId),
        runId: run.runId,
        studentId: entry.studentId,
        studentName: entry.studentName,
        classId: entry.classId,
        collegeId: run.collegeId,
        semester: run.semester,
        policyId: run.policyId,
        level: entry.level,
        levelName: entry.levelName,
        levelRank: entry.levelRank,
        change: publishedChange(entry.change),
        triggers: entry.triggers.map((t) => ({
          rule: t.rule,
          text: t.text,
          courses: [...t.courses],
          credits: t.credits,
        })),
        failedCourses: entry.failedCourses.map((c) => ({ ...c })),
        manual: manual
          ? {
              reason: manual.reason ?? '',
              reasonLabel: manual.reasonLabel ?? '',
              note: manual.note ?? '',
              by: manual.by,
            }
          : null,
        status: 'active',
        publishedAt: by.at,
        publishedBy: by.userId,
        duties: dutiesForLevel(policy, entry.level),
      };
      steps.push({ kind: 'publish', studentId: entry.studentId, warning, supersede: entry.previousWarningId });
    } else if (decision === 'lift' && entry.previousWarningId !== null) {
      steps.push({ kind: 'lift', studentId: entry.studentId, warningId: entry.previousWarningId });
    }
  }
  return steps;
}
