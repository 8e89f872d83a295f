import { asDigest, monthOf, rowsOfDigest, type DigestRow, type DutyDigest } from '../../core/compliance/duty-digest';
import { logSkipped } from '../../platform/runtime/skip-bad-records';
import { queryAll, type Store, type Where } from '../../platform/store/store';

/** A digest row as the dashboards count it: where it belongs, its flags, and (for digests) its time as arrival. */
export type DigestedRow = DigestRow & { classId: string; flags: NonNullable<DigestRow['flags']>; receivedAt: string };

/**
 * The rows of every class × month digest matching `where` (a college, or some classes) from the
 * month of `from` on, keeping rows at or after `from`: one paged query, documents growing with
 * classes × months, never with records.
 */
export async function readDutyDigests(store: Store, where: Where, from: string, keepersOf: (classId: string) => readonly string[]): Promise<DigestedRow[]> {
  const month = monthOf(from) ?? '0000-00';
  const digests: DutyDigest[] = [];
  for (const doc of await queryAll(store, 'dutyDigests', { where: { ...where, month: { gte: month } } })) {
    const digest = asDigest(doc);
    if (digest) digests.push(digest);
    else logSkipped({ collection: 'dutyDigests', id: doc._id, reason: 'not a duty digest' });
  }
  return rowsOfDigests(digests, from, keepersOf);
}

export function rowsOfDigests(digests: readonly DutyDigest[], from: string, keepersOf: (classId: string) => readonly string[]): DigestedRow[] {
  const out: DigestedRow[] = [];
  for (const digest of digests) {
    for (const row of rowsOfDigest(digest, keepersOf)) {
      if (row.at < from) continue;
      out.push({ ...row, classId: row.classId ?? digest.classId, flags: row.flags ?? [], receivedAt: row.at });
    }
  }
  return out;
}
