import { isDeepStrictEqual } from 'node:util';
import {
  asDigest,
  DigestRow,
  packEntries,
  placeRows,
  unpackEntries,
  withSource,
} from '../../core/compliance/duty-digest';
import {
  rowsOfSource,
  sourceKeyOf,
  type DutySource,
  type DutySourceCollection,
  type SourceDocs,
} from '../../core/compliance/duty-sources';
import type { TxStore, WriteContext } from '../../platform/store/store';

type DocOf<C extends DutySourceCollection> = SourceDocs[C];

/**
 * Call in the transaction that adds, changes or removes a document counting toward duties (a
 * check-in, a talk, a meeting, a notice's receipt or calls, a study plan's approvals), with the
 * document before (null: new) and after (null: removed). Its rows in the class × month digests
 * follow: only the digests its rows were or are in are read and written; nothing when the rows
 * did not change (a meeting's replies, a plan's report).
 */
export async function noteDutySource<C extends DutySourceCollection>(
  tx: TxStore,
  collection: C,
  before: DocOf<C> | null,
  after: DocOf<C> | null,
  write: WriteContext,
): Promise<void> {
  const doc = after ?? before;
  if (!doc) return;
  // The union's members are told apart by collection: a doc of collection C is that member's doc.
  const rowsOf = (d: DocOf<C> | null) =>
    d ? rowsOfSource({ collection, doc: d } as DutySource).map((r) => DigestRow.parse(r)) : [];
  const old = placeRows(rowsOf(before));
  const next = placeRows(rowsOf(after));
  if (isDeepStrictEqual(old, next)) return;
  const source = sourceKeyOf(collection, doc._id);
  for (const id of new Set([...old.keys(), ...next.keys()])) {
    const place = next.get(id) ?? old.get(id);
    if (!place) continue;
    const rows = next.get(id)?.rows ?? [];
    const kept = asDigest(await tx.get('dutyDigests', id));
    const entries = packEntries(withSource(kept ? unpackEntries(kept) : [], source, rows));
    if (kept) await tx.update('dutyDigests', id, { entries }, kept._version, write);
    else if (rows.length > 0)
      await tx.add(
        'dutyDigests',
        { _id: id, classId: place.classId, collegeId: doc.collegeId, month: place.month, entries },
        write,
      );
  }
}

/** The same, returning the document as written: `return notedDutySource(tx, 'meetings', m, await tx.update(…), write)`. */
export async function notedDutySource<C extends DutySourceCollection, D extends DocOf<C>>(
  tx: TxStore,
  collection: C,
  before: DocOf<C> | null,
  after: D,
  write: WriteContext,
): Promise<D> {
  await noteDutySource(tx, collection, before, after, write);
  return after;
}
