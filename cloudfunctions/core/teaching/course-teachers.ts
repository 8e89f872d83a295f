/** A teaching section as duty evaluation reads it: who teaches which classes, in which semester. */
export type SectionRow = { teacherId: string; classIds: readonly string[]; semester: string };

/**
 * The course teachers of some classes (the counselor contacts each one a semester; rules: 001-3.4):
 * for each class, the teachers of its latest semester's sections; one unit per teacher, over the
 * classes of these they teach.
 */
export function courseTeachersOf(
  sections: readonly SectionRow[],
  classIds: readonly string[],
): { id: string; classIds: string[] }[] {
  const wanted = new Set(classIds);
  const latest = new Map<string, string>();
  for (const s of sections)
    for (const c of s.classIds) if (wanted.has(c) && (latest.get(c) ?? '') < s.semester) latest.set(c, s.semester);
  const byTeacher = new Map<string, Set<string>>();
  for (const s of sections) {
    for (const c of s.classIds) {
      if (!wanted.has(c) || latest.get(c) !== s.semester) continue;
      const set = byTeacher.get(s.teacherId) ?? new Set<string>();
      set.add(c);
      byTeacher.set(s.teacherId, set);
    }
  }
  return [...byTeacher.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([id, set]) => ({ id, classIds: [...set].sort() }));
}
