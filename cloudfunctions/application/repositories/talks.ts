import { NotFoundError } from '../../core/errors';
import type { DifficultyRecord, TalkRecord } from '../../../types/support';
import { queryAll, type Store, type Stored, type TxStore, type WriteContext } from '../../platform/store/store';
import { noteDutySource } from '../digests/duty-digests';

/** Talk records (谈心谈话, the full and the quick form alike) and difficulty assessments. */

/** As stored: the talk plus when the server received it (`at` is what the talker says). */
export type StoredTalk = TalkRecord & { receivedAt: string };

export async function findTalk(store: Store | TxStore, talkId: string): Promise<Stored<TalkRecord> | null> {
  return store.get('talks', talkId);
}

export async function loadTalk(store: Store, talkId: string): Promise<Stored<TalkRecord>> {
  const t = await findTalk(store, talkId);
  if (!t) throw new NotFoundError('该谈话记录');
  return t;
}

/** A student's talks, oldest first (n-th numbers are counted over this list). */
export async function talksOfStudent(store: Store, studentId: string): Promise<Stored<TalkRecord>[]> {
  return queryAll(store, 'talks', { where: { studentId }, orderBy: [{ field: 'at', direction: 'asc' }] });
}

/** The same, for a caller holding a request context (the quick talk of 签到与记录). */
export async function talksOf(ctx: { store: Store }, studentId: string): Promise<Stored<TalkRecord>[]> {
  return talksOfStudent(ctx.store, studentId);
}

/** A class's talks (since an instant, when given), oldest first. */
export async function talksOfClasses(
  store: Store,
  classIds: readonly string[],
  since?: string,
): Promise<Stored<TalkRecord>[]> {
  if (classIds.length === 0) return [];
  return queryAll(store, 'talks', {
    where: { classId: { in: [...classIds] }, ...(since === undefined ? {} : { at: { gte: since } }) },
    orderBy: [{ field: 'at', direction: 'asc' }],
  });
}

/** A college's talks, as stored (a semester archive filters and samples them). */
export async function talksOfCollege(store: Store, collegeId: string): Promise<Stored<TalkRecord>[]> {
  return queryAll(store, 'talks', { where: { collegeId } });
}

/** Adds a talk inside a transaction: it counts toward duties, so the digest rows follow. */
export async function addTalk(
  tx: TxStore,
  talk: Omit<StoredTalk, '_id'>,
  write: WriteContext,
): Promise<Stored<TalkRecord>> {
  const saved = await tx.add('talks', talk, write);
  await noteDutySource(tx, 'talks', null, saved, write);
  return saved;
}

/** The student's current difficulty type: the latest assessment. */
export async function latestDifficulty(store: Store, studentId: string): Promise<Stored<DifficultyRecord> | null> {
  const [row] = await store.query('difficulties', {
    where: { studentId },
    orderBy: [{ field: 'at', direction: 'desc' }],
    limit: 1,
  });
  return row ?? null;
}

export async function addDifficulty(
  tx: Store | TxStore,
  row: Omit<DifficultyRecord, '_id'>,
  write: WriteContext,
): Promise<Stored<DifficultyRecord>> {
  return tx.add('difficulties', row, write);
}
