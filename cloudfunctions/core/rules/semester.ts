/**
 * Semester ids have the fixed form 2025-2026-1, so plain string order is chronological order.
 */
export function isLaterSemester(a: string, b: string): boolean {
  return a > b;
}

/** The latest semester among the rows, or null when there are none. */
export function latestSemester(rows: Iterable<{ semester: string }>): string | null {
  let latest: string | null = null;
  for (const row of rows) if (latest === null || row.semester > latest) latest = row.semester;
  return latest;
}
