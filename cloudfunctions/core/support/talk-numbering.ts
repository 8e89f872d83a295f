/** The fields the n-th count needs from a talk record. */
export type Numberable = { _id: string; studentId: string; actorId: string; at: string };

/**
 * 约谈次数 (第 n 次): talks of one talker with one student, in time order (id breaks ties). Computed
 * from the whole list on every read, so a talk entered late does not leave wrong numbers behind.
 */
export function numberTalks(talks: readonly Numberable[]): Map<string, number> {
  const sorted = [...talks].sort((a, b) => (a.at === b.at ? cmp(a._id, b._id) : cmp(a.at, b.at)));
  const counters = new Map<string, number>();
  const numbers = new Map<string, number>();
  for (const t of sorted) {
    const key = `${t.studentId}|${t.actorId}`;
    const n = (counters.get(key) ?? 0) + 1;
    counters.set(key, n);
    numbers.set(t._id, n);
  }
  return numbers;
}

/** The number a new talk at `at` gets with this talker. */
export function nthAt(talks: readonly Numberable[], studentId: string, actorId: string, at: string): number {
  return (
    talks.filter((t) => t.studentId === studentId && t.actorId === actorId && Date.parse(t.at) <= Date.parse(at))
      .length + 1
  );
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
