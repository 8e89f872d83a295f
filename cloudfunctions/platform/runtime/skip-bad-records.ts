import { instantProblem } from '../../../types/fields';

/**
 * Readers of many records (dashboards, jobs over every college) must survive one bad record: it
 * is reported and left out, never allowed to fail the whole answer. A record can be bad because
 * an older version stored it, or because someone edited the database by hand.
 */
export type SkippedRecord = { collection: string; id: string; reason: string };
export type SkipReport = (skipped: SkippedRecord) => void;

const reported = new Set<string>();
const MAX_REMEMBERED = 10_000;

/** To the function log (CloudBase keeps it), once per record per instance, so a job every minute does not flood it. */
export const logSkipped: SkipReport = (s) => {
  const key = `${s.collection}/${s.id}`;
  if (reported.has(key)) return;
  if (reported.size >= MAX_REMEMBERED) reported.clear();
  reported.add(key);
  console.error(`[skipped record] ${key}: ${s.reason}`);
};

type WithId = { _id: string };

/** The rows whose `fields` are all real instants; each other row is reported once and left out. */
export function withReadableTimes<T extends WithId>(
  collection: string,
  rows: readonly T[],
  fields: readonly (keyof T & string)[],
  report: SkipReport = logSkipped,
): T[] {
  const kept: T[] = [];
  for (const row of rows) {
    const problem = timeProblemOf(row, fields);
    if (problem === null) kept.push(row);
    else report({ collection, id: String(row._id), reason: problem });
  }
  return kept;
}

function timeProblemOf<T>(row: T, fields: readonly (keyof T & string)[]): string | null {
  for (const field of fields) {
    const value: unknown = row[field];
    if (value === undefined || value === null) continue;
    if (typeof value !== 'string') return `${field} 不是时间`;
    const problem = instantProblem(value, field);
    if (problem !== null) return problem;
  }
  return null;
}

/**
 * Runs `step` for every item in turn; an item whose step throws is reported and skipped, and the
 * others still run (a job over every college, every open notice). Returns what was skipped.
 */
export async function eachSurviving<T>(
  collection: string,
  items: readonly T[],
  idOf: (item: T) => string,
  step: (item: T) => Promise<void>,
  report: SkipReport = logSkipped,
): Promise<SkippedRecord[]> {
  const skipped: SkippedRecord[] = [];
  for (const item of items) {
    try {
      await step(item);
    } catch (error) {
      const s = { collection, id: idOf(item), reason: error instanceof Error ? error.message : String(error) };
      skipped.push(s);
      report(s);
    }
  }
  return skipped;
}

/** `fn` of every item; an item it throws on is reported and left out (a synchronous decision per record). */
export function mapSurviving<T, R>(
  collection: string,
  items: readonly T[],
  idOf: (item: T) => string,
  fn: (item: T) => R,
  report: SkipReport = logSkipped,
): R[] {
  const out: R[] = [];
  for (const item of items) {
    try {
      out.push(fn(item));
    } catch (error) {
      report({ collection, id: idOf(item), reason: error instanceof Error ? error.message : String(error) });
    }
  }
  return out;
}

/** A report that also counts, for a job's result or a test. */
export function countingReport(next: SkipReport = logSkipped): SkipReport & { readonly skipped: SkippedRecord[] } {
  const skipped: SkippedRecord[] = [];
  const report = (s: SkippedRecord) => {
    skipped.push(s);
    next(s);
  };
  return Object.assign(report, { skipped });
}
