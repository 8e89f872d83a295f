import { NotFoundError } from '../../core/errors';
import type { Meeting } from '../../../types/support';
import { queryAll, type Store, type Stored, type TxStore, type WriteContext } from '../../platform/store/store';
import { noteDutySource } from '../digests/duty-digests';

/** Meetings (约谈, 座谈会, 班会, 家长面谈): loaded by id, listed by class, college or organizer. */

export async function loadMeeting(store: Store | TxStore, meetingId: string): Promise<Stored<Meeting>> {
  const m = await store.get('meetings', meetingId);
  if (!m) throw new NotFoundError('该会谈');
  return m;
}

/** A meeting or null: for a check that names its own error (a talk closing a meeting). */
export async function findMeeting(store: Store | TxStore, meetingId: string): Promise<Stored<Meeting> | null> {
  return store.get('meetings', meetingId);
}

export async function meetingsOfClasses(
  store: Store,
  classIds: readonly string[],
  since?: string,
): Promise<Stored<Meeting>[]> {
  if (classIds.length === 0) return [];
  return queryAll(store, 'meetings', {
    where: { classId: { in: [...classIds] }, ...(since === undefined ? {} : { at: { gte: since } }) },
  });
}

export async function meetingsOfColleges(store: Store, collegeIds: readonly string[]): Promise<Stored<Meeting>[]> {
  if (collegeIds.length === 0) return [];
  return queryAll(store, 'meetings', { where: { collegeId: { in: [...collegeIds] } } });
}

export async function meetingsOrganizedBy(store: Store, userId: string): Promise<Stored<Meeting>[]> {
  return queryAll(store, 'meetings', { where: { actorId: userId } });
}

/** Writes go through here inside a transaction: a held meeting counts toward duties, so its digest rows follow. */
export async function addMeeting(
  tx: TxStore,
  meeting: Omit<Meeting, '_id'>,
  write: WriteContext,
): Promise<Stored<Meeting>> {
  const saved = await tx.add('meetings', meeting, write);
  await noteDutySource(tx, 'meetings', null, saved, write);
  return saved;
}

/** Saves a decided change with the version check (a concurrent change fails, never merges). */
export async function updateMeeting(
  tx: TxStore,
  m: Stored<Meeting>,
  change: Partial<Meeting>,
  write: WriteContext,
): Promise<Stored<Meeting>> {
  const saved = await tx.update('meetings', m._id, change, m._version, write);
  await noteDutySource(tx, 'meetings', m, saved, write);
  return saved;
}
