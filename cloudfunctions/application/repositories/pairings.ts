import { NotFoundError } from '../../core/errors';
import type { Pairing } from '../../../types/support';
import { queryAll, type Store, type Stored, type WriteContext } from '../../platform/store/store';

/** Peer-pairing forms (朋辈帮扶申请表). */

export async function loadPairing(store: Store, pairingId: string): Promise<Stored<Pairing>> {
  const p = await store.get('pairings', pairingId);
  if (!p) throw new NotFoundError('该帮扶申请');
  return p;
}

export async function allPairings(store: Store): Promise<Stored<Pairing>[]> {
  return queryAll(store, 'pairings', { orderBy: [{ field: 'at', direction: 'desc' }] });
}

export async function pairingsOfClasses(store: Store, classIds: readonly string[]): Promise<Stored<Pairing>[]> {
  if (classIds.length === 0) return [];
  return queryAll(store, 'pairings', { where: { classId: { in: [...classIds] } } });
}

export async function pairingsOfColleges(store: Store, collegeIds: readonly string[]): Promise<Stored<Pairing>[]> {
  if (collegeIds.length === 0) return [];
  return queryAll(store, 'pairings', { where: { collegeId: { in: [...collegeIds] } } });
}

/** The forms a student is in, as helpee (by the class) or as helper. */
export async function pairingsOfStudent(
  store: Store,
  student: { _id: string; classId: string },
): Promise<Stored<Pairing>[]> {
  const [ofClass, asHelper] = await Promise.all([
    queryAll(store, 'pairings', { where: { classId: student.classId } }),
    queryAll(store, 'pairings', { where: { helperId: student._id } }),
  ]);
  const mine = [...ofClass, ...asHelper].filter((p) => p.helpeeIds.includes(student._id) || p.helperId === student._id);
  return [...new Map(mine.map((p) => [p._id, p])).values()];
}

export async function addPairing(store: Store, pairing: Pairing, write: WriteContext): Promise<Stored<Pairing>> {
  return store.add('pairings', pairing, write);
}

export async function updatePairing(
  store: Store,
  p: Stored<Pairing>,
  change: Partial<Pairing>,
  write: WriteContext,
): Promise<Stored<Pairing>> {
  return store.update('pairings', p._id, change, p._version, write);
}
