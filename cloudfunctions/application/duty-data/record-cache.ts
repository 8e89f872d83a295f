import { type CheckinFlag, type DutyRecordDoc } from '../../../types/checkin';
import type { DutyRecord } from '../../../types/duty';
import { toDutyRecord } from '../../core/checkins/duty-record';
import { toIso } from '../../core/time/shanghai';
import type { Store, Where } from '../../platform/store/store';
import { logSkipped, withReadableTimes } from '../../platform/runtime/skip-bad-records';
import { readFrom } from './read-range';
import { scopeCache } from './scope-cache';

/** A record as dashboards keep it: what the evaluator counts, plus where it belongs and its flags. */
export type DutyRecordRow = DutyRecord & { classId: string; flags: CheckinFlag[]; receivedAt: string };

/** watermark: the server's time when the last read began (receivedAt is stamped by the same clock). */
type Entry = { from: string; rows: Map<string, DutyRecordRow>; watermark: number; skipped: Set<string> };

/** Records are written once and never changed, so a warm instance only reads what arrived since. */
const caches = scopeCache<Entry>((e) => e.rows.size);
/** Reads overlap by this much: a record committed a little after its receivedAt is not missed. */
const OVERLAP_MS = 5 * 60_000;

function rowOf(doc: DutyRecordDoc): DutyRecordRow {
  return { ...toDutyRecord(doc), classId: doc.classId, flags: doc.flags, receivedAt: doc.receivedAt };
}

/**
 * The records of a scope made since `from`. The first call reads them all (keyset pages by
 * time); later calls in the same instance read only those received since the last one (usually
 * one page) and keep compact rows in memory, not whole documents.
 */
export async function dutyRecordsSince(
  store: Store,
  scopeKey: string,
  where: Where,
  from: string,
  now: number,
): Promise<DutyRecordRow[]> {
  return (await dutyRecordsOfScope(store, scopeKey, where, from, now)).rows;
}

/**
 * Like dutyRecordsSince, with the ids of records left out because their time is not a real
 * instant (reported once; one bad record must not stop every view of its college).
 */
export async function dutyRecordsOfScope(
  store: Store,
  scopeKey: string,
  where: Where,
  from: string,
  now: number,
): Promise<{ rows: DutyRecordRow[]; skipped: number }> {
  const skipped = new Set<string>();
  const readable = (docs: DutyRecordDoc[]) =>
    withReadableTimes('dutyRecords', docs, ['at'], (s) => {
      skipped.add(s.id);
      logSkipped(s);
    });
  const entry = caches.get(store, scopeKey);
  if (!entry || entry.from !== from) {
    const rows = new Map(
      readable(await readFrom(store, 'dutyRecords', where, 'at', from)).map((d) => [d._id, rowOf(d)]),
    );
    caches.set(store, scopeKey, { from, rows, watermark: now, skipped });
    return { rows: [...rows.values()], skipped: skipped.size };
  }
  const since = toIso(new Date(entry.watermark - OVERLAP_MS));
  for (const doc of readable(await readFrom(store, 'dutyRecords', where, 'receivedAt', since))) {
    if (doc.at >= from) entry.rows.set(doc._id, rowOf(doc));
  }
  for (const id of skipped) entry.skipped.add(id);
  entry.watermark = Math.max(entry.watermark, now);
  caches.set(store, scopeKey, entry);
  return { rows: [...entry.rows.values()], skipped: entry.skipped.size };
}
