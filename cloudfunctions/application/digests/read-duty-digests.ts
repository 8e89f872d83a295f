import {
  asDigest,
  KEEPERS,
  monthOf,
  unpackEntries,
  type DigestEntry,
  type DigestRow,
} from '../../core/compliance/duty-digest';
import { toIso } from '../../core/time/shanghai';
import { logSkipped } from '../../platform/runtime/skip-bad-records';
import { queryAll, type Store, type Where } from '../../platform/store/store';

/** A digest row as the dashboards count it: where it belongs, its flags, and (for digests) its time as arrival. */
export type DigestedRow = DigestRow & { classId: string; flags: NonNullable<DigestRow['flags']>; receivedAt: string };

/** What a scope's digests gave: the rows, and a signature that changes whenever a digest or a keeper does. */
export type DigestRead = { rows: DigestedRow[]; signature: string };

/** A digest as read, its rows made into counted rows once per version (a warm instance keeps them). */
type Kept = { version: number; rows: DigestedRow[] };
/** watermark: the server's time when the last read began (digests' updatedAt is stamped by the same clock). */
type Entry = {
  from: string;
  digests: Map<string, Kept>;
  watermark: number;
  rows: { key: string; rows: DigestedRow[] } | null;
};

/** Per store (one instance), per scope: a warm call reads only the digests changed since its last read. */
const caches = new WeakMap<Store, Map<string, Entry>>();
const MAX_SCOPES = 32;
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
    into.set(digest._id, { version: digest._version, rows: countedRows(unpackEntries(digest), digest.classId) });
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
  let byScope = caches.get(store);
  if (!byScope) {
    byScope = new Map();
    caches.set(store, byScope);
  }
  let entry = byScope.get(scopeKey);
  if (!entry || entry.from !== from) {
    const digests = new Map<string, Kept>();
    keep(await queryAll(store, 'dutyDigests', { where: { ...where, month: { gte: month } } }), digests);
    if (byScope.size >= MAX_SCOPES) byScope.delete(byScope.keys().next().value ?? '');
    entry = { from, digests, watermark: now, rows: null };
    byScope.set(scopeKey, entry);
  } else {
    const since = toIso(new Date(entry.watermark - OVERLAP_MS));
    keep(
      await queryAll(store, 'dutyDigests', { where: { ...where, month: { gte: month }, updatedAt: { gte: since } } }),
      entry.digests,
    );
    entry.watermark = Math.max(entry.watermark, now);
  }
  const signature = `${[...entry.digests].map(([id, d]) => `${id}:${d.version}`).join(',')}|${keepersKey}`;
  if (entry.rows?.key !== signature)
    entry.rows = { key: signature, rows: rowsOfDigests(entry.digests.values(), from, keepersOf) };
  return { rows: entry.rows.rows, signature };
}

/** Shared by rows without flags: never changed. */
const NO_FLAGS: DigestedRow['flags'] = [];

/** The rows of freshly parsed entries (owned here), completed in place: no second object per row. */
function countedRows(entries: readonly DigestEntry[], classId: string): DigestedRow[] {
  const out: DigestedRow[] = [];
  for (const entry of entries)
    for (const row of entry.rows)
      out.push(
        Object.assign(row, { classId: row.classId ?? classId, flags: row.flags ?? NO_FLAGS, receivedAt: row.at }),
      );
  return out;
}

/**
 * The kept rows from `from` on, receipts given to each class's keepers as they are now. Not in
 * time order: the evaluator's index orders each series by its times.
 */
function rowsOfDigests(
  digests: Iterable<Kept>,
  from: string,
  keepersOf: (classId: string) => readonly string[],
): DigestedRow[] {
  const out: DigestedRow[] = [];
  for (const digest of digests) {
    for (const row of digest.rows) {
      if (row.at < from) continue;
      if (row.actorId !== KEEPERS) out.push(row);
      else
        for (const personId of keepersOf(row.classId))
          out.push({ ...row, _id: `${row._id}${personId}`, actorId: personId });
    }
  }
  return out;
}

/**
 * The check-in rows of one kind filed at or after `from` in some classes, from their duty digests
 * (the effect report's parent contacts): documents grow with classes × months, not with records.
 * `readDigests` reads the digests of the classes from a month on (the caller's chunked query).
 */
export async function checkinRowsSince(
  readDigests: (fromMonth: string) => Promise<readonly { _id: string }[]>,
  from: string,
  kind: DigestRow['kind'],
): Promise<DigestRow[]> {
  const out: DigestRow[] = [];
  for (const doc of await readDigests(monthOf(from) ?? '0000-00')) {
    const digest = asDigest(doc);
    if (!digest) {
      logSkipped({ collection: 'dutyDigests', id: doc._id, reason: 'not a duty digest' });
      continue;
    }
    for (const entry of unpackEntries(digest)) {
      if (!entry.source.startsWith('dutyRecords:')) continue;
      for (const row of entry.rows) if (row.kind === kind && row.at >= from) out.push(row);
    }
  }
  return out;
}
