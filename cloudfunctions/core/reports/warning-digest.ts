import type { WarningFact } from './facts';

/**
 * The warnings of one class in one semester, one document ('warningDigests'): every publication
 * of each student's warning there (a few per student), so reports read documents that grow with
 * classes and semesters, not with records. Kept in the transaction that writes the warning.
 */
export type WarningDigest = {
  _id: string;
  semester: string;
  classId: string;
  collegeId: string;
  students: Record<string, WarningFact[]>;
};

export const digestIdOf = (semester: string, classId: string) => `wd:${semester}:${classId}`;

/** The digest with this warning's current state in it (replacing its earlier state by id). */
export function withWarning(
  digest: Omit<WarningDigest, '_id'> | null,
  w: WarningFact,
  collegeId: string,
): Omit<WarningDigest, '_id'> {
  const base = digest ?? { semester: w.semester, classId: w.classId, collegeId, students: {} };
  const others = (base.students[w.studentId] ?? []).filter((e) => e.warningId !== w.warningId);
  const entries = [...others, w].sort((a, b) => (a.warningId < b.warningId ? -1 : a.warningId > b.warningId ? 1 : 0));
  return { ...base, students: { ...base.students, [w.studentId]: entries } };
}

/** Every warning a digest holds. */
export const digestWarnings = (d: Pick<WarningDigest, 'students'>): WarningFact[] => Object.values(d.students).flat();

/** Digests built from the warnings themselves (the rebuild, and the proof that the kept ones match). */
export function digestsOf(warnings: readonly (WarningFact & { collegeId: string })[]): WarningDigest[] {
  const out = new Map<string, Omit<WarningDigest, '_id'>>();
  for (const { collegeId, ...w } of warnings) {
    const id = digestIdOf(w.semester, w.classId);
    out.set(id, withWarning(out.get(id) ?? null, w, collegeId));
  }
  return [...out.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([_id, d]) => ({ _id, ...d }));
}
