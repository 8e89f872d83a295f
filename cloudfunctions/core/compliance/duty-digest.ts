import { z } from 'zod';
import { dateOf } from '../duties/shanghai-days';
import type { DigestEntry, DigestRow } from './duty-digest-columns';

/**
 * Duty digests (issue 14 item 5): one document per class × month (Shanghai) holding, per source
 * document (a check-in, a talk, a meeting, a notice, a study plan), the compact rows the duty
 * evaluator counts. A dashboard reads classes × months documents instead of every record; the
 * rows are kept in the transaction that writes the source, replaced whole when it changes.
 */

/** A receipt counts for the class's counselor and head teacher as they are when read (not when filed). */
export const KEEPERS = '@keepers';

export { DigestEntry, DigestRow, packEntries, unpackEntries } from './duty-digest-columns';

/**
 * The stored document. `entries` is the text of its DigestEntry[] (duty-digest-columns.ts): a
 * class's month holds a few hundred rows, and a dashboard reads every class's months, so the rows
 * travel as one string the reader parses once (checking 100k rows field by field on every read
 * cost seconds, and the rows were parsed with DigestRow when written).
 */
export const DutyDigest = z.object({
  _id: z.string().min(1),
  classId: z.string().min(1),
  collegeId: z.string(),
  /** YYYY-MM, Shanghai, of the rows' times. */
  month: z.string().regex(/^\d{4}-\d{2}$/),
  entries: z.string(),
});
export type DutyDigest = z.infer<typeof DutyDigest>;

/**
 * A stored digest as read: rows are checked (zod) when written, so a read checks the frame only.
 * Null for anything else (reported by the caller). Parsing every row again on each dashboard
 * read would cost more than the evaluation it feeds.
 */
export function asDigest<M extends { _id: string; _version: number }>(doc: unknown): (DutyDigest & M) | null {
  if (typeof doc !== 'object' || doc === null) return null;
  const d: Record<string, unknown> = { ...doc };
  if (
    typeof d._id !== 'string' ||
    typeof d._version !== 'number' ||
    typeof d.classId !== 'string' ||
    typeof d.month !== 'string' ||
    typeof d.entries !== 'string'
  )
    return null;
  // The frame is checked above; the rows were parsed with DigestRow when written.
  return doc as DutyDigest & M;
}

export function digestIdOf(classId: string, month: string): string {
  return `${classId}|${month}`;
}

/** The Shanghai month of an instant, or null for a time that is not one. */
export function monthOf(at: string): string | null {
  const t = Date.parse(at);
  return Number.isNaN(t) ? null : dateOf(t).slice(0, 7);
}

/** Rows of one source by the class × month digest they belong to (a row without a class or a readable time has none). */
export function placeRows(
  rows: readonly DigestRow[],
): Map<string, { classId: string; month: string; rows: DigestRow[] }> {
  const out = new Map<string, { classId: string; month: string; rows: DigestRow[] }>();
  for (const row of rows) {
    const month = monthOf(row.at);
    if (!row.classId || month === null) continue;
    const id = digestIdOf(row.classId, month);
    const place = out.get(id) ?? { classId: row.classId, month, rows: [] };
    place.rows.push(row);
    out.set(id, place);
  }
  return out;
}

/** The digest's entries with the source's rows replaced (none: the source leaves it); sorted by source. */
export function withSource(entries: readonly DigestEntry[], source: string, rows: readonly DigestRow[]): DigestEntry[] {
  const kept = entries.filter((e) => e.source !== source);
  if (rows.length > 0) kept.push({ source, rows: [...rows] });
  return kept.sort((a, b) => (a.source < b.source ? -1 : a.source > b.source ? 1 : 0));
}
