import type { GradeRow } from '../../../types/grade';

/**
 * Rows of each student as one flat index (a counting sort by student): the rows of student k
 * are rows[rowIndex[start[k]]] … rows[rowIndex[start[k + 1] - 1]], in input order. Two typed
 * arrays instead of an array per student: nothing per row for the garbage collector.
 */
export type StudentIndex = {
  ids: string[];
  start: Int32Array;
  rowIndex: Int32Array;
};

export function indexByStudent(rows: ReadonlyArray<GradeRow>): StudentIndex {
  const ordinal = new Map<string, number>();
  const ids: string[] = [];
  const counts: number[] = [];
  const owner = new Int32Array(rows.length);
  // Exports are usually sorted by student: a run of the same student skips the map lookup.
  let lastId: string | null = null;
  let last = -1;
  for (let i = 0; i < rows.length; i++) {
    const id = rows[i]?.studentId ?? '';
    if (id !== lastId) {
      lastId = id;
      let o = ordinal.get(id);
      if (o === undefined) {
        o = ids.length;
        ordinal.set(id, o);
        ids.push(id);
        counts.push(0);
      }
      last = o;
    }
    owner[i] = last;
    counts[last] = (counts[last] ?? 0) + 1;
  }
  const start = new Int32Array(ids.length + 1);
  for (let k = 0; k < ids.length; k++) start[k + 1] = (start[k] ?? 0) + (counts[k] ?? 0);
  const next = start.slice(0, ids.length);
  const rowIndex = new Int32Array(rows.length);
  for (let i = 0; i < rows.length; i++) {
    const o = owner[i] ?? 0;
    const at = next[o] ?? 0;
    rowIndex[at] = i;
    next[o] = at + 1;
  }
  return { ids, start, rowIndex };
}
