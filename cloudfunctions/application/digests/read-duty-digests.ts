import { asDigest, KEEPERS, monthOf } from '../../core/compliance/duty-digest';
import { countedRowsOf, type CountedRow } from '../../core/compliance/duty-digest-columns';
import { toIso } from '../../core/time/shanghai';
import { logSkipped } from '../../platform/runtime/skip-bad-records';
import { queryAll, type Store, type Where } from '../../platform/store/store';
import { scopeCache } from '../duty-data/scope-cache';

/** A digest row as the dashboards count it: where it belongs, its flags, and (for digests) its time as arrival. */
export type DigestedRow = CountedRow;

/**
 * What a scope's digests gave: the rows, their times in milliseconds (`times[i]` is row i's, so
 * nobody parses them again), and a signature that changes whenever a digest or a keeper does.
 */
export type DigestRead = { rows: DigestedRow[]; times: Float64Array; signature: string };

/** A digest as read, its rows decoded once per version (a warm instance keeps them). */
type Kept = { version: number; rows: DigestedRow[]; times: number[] };
/** watermark: the server's time when the last read began (digests' updatedAt is stamped by the same clock). */
type Entry = {
  from: string;
  digests: Map<string, Kept>;
  watermark: number;
  rows: { key: string; rows: DigestedRow[]; times: Float64Array } | null;
};

/** Per store (one instance), per scope: a warm call reads only the digests changed since its last read. */
const caches = scopeCache<Entry>((e) => {
  let rows = 0;
  for (const d of e.digests.values()) rows += d.rows.length;
  return rows;
});
/** Reads overlap by this much: a digest committed a little after its updatedAt is not missed. */
const OVERLAP_MS = 5 * 60_000;

function keep(docs: readonly { _id: string }[], into: Map<string, Kept>): void {
  for (const doc of docs) {
    const digest = asDigest(doc);
    if (!digest) {
      logSkipped({ collection: 'dutyDigests', id: doc._id, reason: 'not a duty digest' });
      continue;
    }
    const kept = into.get(digest._id);
    if (kept && kept.version === digest._version) continue;
    try {
      into.set(digest._id, { version: digest._version, ...countedRowsOf(digest) });
    } catch (error) {
      // One unreadable digest is reported and left out (the rebuild replaces it), not every dashboard of its college.
      into.delete(digest._id);
      logSkipped({ collection: 'dutyDigests', id: digest._id, reason: String(error) });
    }
  }
}

/**
 * The rows of every class × month digest matching `where` (a college, or some classes) from the
 * month of `from` on, keeping rows at or after `from`: one paged query, documents growing with
 * classes × months, never with records. In a warm instance the same scope's next read asks only
 * for the digests updated since the last one (one small query).
 */
export async function readDutyDigests(
  store: Store,
  scopeKey: string,
  where: Where,
  from: string,
  now: number,
  keepersOf: (classId: string) => readonly string[],
  keepersKey: string,
): Promise<DigestRead> {
  const month = monthOf(from) ?? '0000-00';
  let entry = caches.get(store, scopeKey);
  if (!entry || entry.from !== from) {
    const digests = new Map<string, Kept>();
    keep(await queryAll(store, 'dutyDigests', { where: { ...where, month: { gte: month } } }), digests);
    entry = { from, digests, watermark: now, rows: null };
  } else {
    const since = toIso(new Date(entry.watermark - OVERLAP_MS));
    keep(
      await queryAll(store, 'dutyDigests', { where: { ...where, month: { gte: month }, updatedAt: { gte: since } } }),
      entry.digests,
    );
    entry.watermark = Math.max(entry.watermark, now);
  }
  caches.set(store, scopeKey, entry);
  const signature = `${[...entry.digests].map(([id, d]) => `${id}:${d.version}`).join(',')}|${keepersKey}`;
  if (entry.rows?.key !== signature)
    entry.rows = { key: signature, ...rowsOfDigests(entry.digests.values(), from, keepersOf) };
  return { rows: entry.rows.rows, times: entry.rows.times, signature };
}

/**
 * The kept rows from `from` on, receipts given to each class's keepers as they are now. Not in
 * time order: the evaluator's index orders each series by its times (equal times as here), and
 * rows read in the order they were made are read faster by every later pass than rows sorted.
 */
function rowsOfDigests(
  digests: Iterable<Kept>,
  from: string,
  keepersOf: (classId: string) => readonly string[],
): { rows: DigestedRow[]; times: Float64Array } {
  const rows: DigestedRow[] = [];
  const times: number[] = [];
  for (const digest of digests) {
    digest.rows.forEach((row, i) => {
      if (row.at < from) return;
      const time = digest.times[i] ?? Date.parse(row.at);
      if (row.actorId !== KEEPERS) {
        rows.push(row);
        times.push(time);
      } else
        for (const personId of keepersOf(row.classId)) {
          rows.push({ ...row, _id: `${row._id}${personId}`, actorId: personId });
          times.push(time);
        }
    });
  }
  // Times in a typed array: 100k numbers the collector need not copy.
  return { rows, times: Float64Array.from(times) };
}
