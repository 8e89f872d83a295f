import type { ChangeKind, RunEntry, RunSummary } from '../../../types/api/warnings';
import type { Policy } from '../../../types/policy';

export type EntryFilter = { classId?: string; level?: string; change?: ChangeKind };

export function filterEntries(entries: ReadonlyArray<RunEntry>, filter: EntryFilter): RunEntry[] {
  return entries.filter(
    (e) =>
      (filter.classId === undefined || e.classId === filter.classId) &&
      (filter.level === undefined || e.level === filter.level) &&
      (filter.change === undefined || e.change === filter.change),
  );
}

/** Counts per level (in the policy's order) and per change, for the run's summary. */
export function countEntries(
  policy: Policy,
  entries: ReadonlyArray<RunEntry>,
): Pick<RunSummary, 'levels' | 'changes' | 'manual'> {
  const levels = policy.levels.map((l) => ({
    level: l.id,
    levelName: l.name,
    count: entries.filter((e) => e.level === l.id).length,
  }));
  const changes: RunSummary['changes'] = {};
  for (const e of entries) changes[e.change] = (changes[e.change] ?? 0) + 1;
  return { levels, changes, manual: entries.filter((e) => e.manual !== null).length };
}

/** Replaces (or adds, or drops) one student's entry, keeping the list in student-id order. */
export function replaceEntry(entries: ReadonlyArray<RunEntry>, studentId: string, entry: RunEntry | null): RunEntry[] {
  const rest = entries.filter((e) => e.studentId !== studentId);
  if (entry !== null) rest.push(entry);
  return rest.sort((a, b) => (a.studentId < b.studentId ? -1 : a.studentId > b.studentId ? 1 : 0));
}
