import { isDeepStrictEqual } from 'node:util';
import {
  asDigest,
  DigestRow,
  packEntries,
  placeRows,
  unpackEntries,
  type DigestEntry,
} from '../../core/compliance/duty-digest';
import { rowsOfSource, sourceKeyOf, type DutySource } from '../../core/compliance/duty-sources';
import { logSkipped } from '../../platform/runtime/skip-bad-records';
import { queryAll, type Store, type WriteContext } from '../../platform/store/store';

export type DutyDigestCheck = {
  digests: number;
  rows: number;
  matching: number;
  mismatched: string[];
  missing: string[];
  extra: string[];
  /** Matching, but kept in an older text format (rewritten with `write`). */
  outdated: string[];
  written: number;
};

export type Built = { classId: string; collegeId: string; month: string; entries: DigestEntry[] };
const bySource = (a: DigestEntry, b: DigestEntry) => (a.source < b.source ? -1 : a.source > b.source ? 1 : 0);

/** Every source document of the five collections, as the write sites see them. */
async function* sources(store: Store): AsyncGenerator<DutySource> {
  for (const doc of await queryAll(store, 'dutyRecords')) yield { collection: 'dutyRecords', doc };
  for (const doc of await queryAll(store, 'talks')) yield { collection: 'talks', doc };
  for (const doc of await queryAll(store, 'meetings')) yield { collection: 'meetings', doc };
  for (const doc of await queryAll(store, 'notices')) yield { collection: 'notices', doc };
  for (const doc of await queryAll(store, 'studyPlans')) yield { collection: 'studyPlans', doc };
}

/** The class × month digests built from the sources themselves (an independent pass over every document). */
export async function buildDutyDigests(store: Store): Promise<Map<string, Built>> {
  const all: DutySource[] = [];
  for await (const source of sources(store)) all.push(source);
  return digestsOfSources(all);
}

/** The digests of some sources (a bench or an import may build them without storing the records first). */
export function digestsOfSources(all: Iterable<DutySource>): Map<string, Built> {
  const built = new Map<string, Built>();
  for (const source of all) {
    let rows: DigestRow[];
    try {
      rows = rowsOfSource(source).map((r) => DigestRow.parse(r));
    } catch {
      // One unreadable document is reported and left out, as the write site would have refused it.
      logSkipped({ collection: source.collection, id: source.doc._id, reason: 'not countable' });
      continue;
    }
    for (const [id, place] of placeRows(rows)) {
      const digest = built.get(id) ?? {
        classId: place.classId,
        collegeId: source.doc.collegeId,
        month: place.month,
        entries: [],
      };
      // A source's rows in one digest come from one place call: no entry to replace here.
      digest.entries.push({ source: sourceKeyOf(source.collection, source.doc._id), rows: place.rows });
      built.set(id, digest);
    }
  }
  for (const digest of built.values()) digest.entries.sort(bySource);
  return built;
}

/**
 * Builds every digest from the records and casework and compares it with the one kept; with
 * `write`, replaces those that differ and removes those that should not exist (a repair, or the
 * first build on older data). Nothing else is written.
 */
export async function rebuildDutyDigests(
  store: Store,
  options: { write: false } | { write: true; ctx: WriteContext },
): Promise<DutyDigestCheck> {
  const built = await buildDutyDigests(store);
  const kept = new Map<string, NonNullable<ReturnType<typeof asDigest>>>();
  for (const doc of await queryAll(store, 'dutyDigests')) {
    const digest = asDigest(doc);
    if (digest) kept.set(digest._id, digest);
  }
  const check: DutyDigestCheck = {
    digests: built.size,
    rows: 0,
    matching: 0,
    mismatched: [],
    missing: [],
    extra: [],
    outdated: [],
    written: 0,
  };
  for (const [id, d] of [...built].sort(([a], [b]) => (a < b ? -1 : 1))) {
    check.rows += d.entries.reduce((n, e) => n + e.rows.length, 0);
    const old = kept.get(id);
    kept.delete(id);
    const entries = packEntries(d.entries);
    const sameFrame = old && old.classId === d.classId && old.month === d.month && old.collegeId === d.collegeId;
    // The same entries always pack to the same text; a text that differs may still hold them (an older format).
    if (sameFrame && old.entries === entries) {
      check.matching += 1;
      continue;
    }
    if (sameFrame && sameEntries(old, d.entries)) {
      check.matching += 1;
      check.outdated.push(id);
      if (!options.write) continue;
    } else (old ? check.mismatched : check.missing).push(id);
    if (!options.write) continue;
    const doc = { classId: d.classId, collegeId: d.collegeId, month: d.month, entries };
    if (old) await store.update('dutyDigests', id, doc, old._version, options.ctx);
    else await store.add('dutyDigests', { _id: id, ...doc }, options.ctx);
    check.written += 1;
  }
  check.extra = [...kept.keys()].sort();
  if (options.write) for (const id of check.extra) await store.remove('dutyDigests', id);
  return check;
}

/** The kept text holds the built entries (an unreadable text holds none). */
function sameEntries(old: { _id: string; entries: string }, built: readonly DigestEntry[]): boolean {
  try {
    return isDeepStrictEqual(unpackEntries(old).map(plain), built.map(plain));
  } catch {
    return false;
  }
}

/** Compared as JSON values: a stored row has no undefined fields. */
function plain(entry: DigestEntry): unknown {
  return JSON.parse(JSON.stringify(entry));
}
