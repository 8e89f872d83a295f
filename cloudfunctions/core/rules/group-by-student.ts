import type { GradeRow } from '../../../types/grade';

/**
 * Rows of each student, in input order. Exports are usually sorted by student, so a run of
 * rows of the same student reuses the last bucket without a map lookup.
 */
export function groupByStudent(rows: ReadonlyArray<GradeRow>): Map<string, GradeRow[]> {
  const groups = new Map<string, GradeRow[]>();
  let lastId: string | null = null;
  let lastBucket: GradeRow[] = [];
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i];
    if (row === undefined) continue;
    if (row.studentId !== lastId) {
      lastId = row.studentId;
      const bucket = groups.get(lastId);
      if (bucket === undefined) {
        lastBucket = [];
        groups.set(lastId, lastBucket);
      } else lastBucket = bucket;
    }
    lastBucket.push(row);
  }
  return groups;
}
