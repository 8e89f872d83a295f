import type { Resource } from '../core/access/authorize';
import { NotFoundError } from '../core/errors';
import type { Actor } from '../../types/domain';
import type { Meeting, Pairing, StudyPlan } from '../../types/support';
import { WARNINGS, type Warning } from '../../types/warning';
import type { Store, Stored } from '../platform/store/store';
import { MEETINGS, PAIRINGS, STUDY_PLANS } from './collections';

/** Loaders of casework records and the resource each is reached by (for `authorize`). */

export async function loadWarning(store: Store, warningId: string): Promise<Stored<Warning>> {
  const w = await store.get<Warning>(WARNINGS, warningId);
  if (!w) throw new NotFoundError('该学业警示');
  return w;
}

/** A student's warning for the case: the newest active one, else the newest of any status not yet archived (a semester archive keeps lifted ones). */
export async function caseWarning(store: Store, studentId: string): Promise<Stored<Warning> | null> {
  const rows = await store.query<Warning>(WARNINGS, { where: { studentId }, orderBy: [{ field: 'publishedAt', direction: 'desc' }], limit: 20 });
  return rows.find((w) => w.status === 'active') ?? rows.find((w) => w.archivedIn === undefined) ?? null;
}

export async function loadPlan(store: Store, planId: string): Promise<Stored<StudyPlan>> {
  const p = await store.get<StudyPlan>(STUDY_PLANS, planId);
  if (!p) throw new NotFoundError('该学习计划');
  return p;
}

export async function loadPairing(store: Store, pairingId: string): Promise<Stored<Pairing>> {
  const p = await store.get<Pairing>(PAIRINGS, pairingId);
  if (!p) throw new NotFoundError('该帮扶申请');
  return p;
}

export async function loadMeeting(store: Store, meetingId: string): Promise<Stored<Meeting>> {
  const m = await store.get<Meeting>(MEETINGS, meetingId);
  if (!m) throw new NotFoundError('该会谈');
  return m;
}

/** An unknown id reaches nobody, so the caller is denied before learning it does not exist. */
export async function orNobody<T>(load: () => Promise<T>, resource: (found: T) => Resource): Promise<Resource> {
  try {
    return resource(await load());
  } catch (error) {
    if (error instanceof NotFoundError) return { studentId: '\u0000' };
    throw error;
  }
}

export function recordResource(r: { studentId: string; classId: string; collegeId: string }): Resource {
  return { studentId: r.studentId, classId: r.classId, collegeId: r.collegeId };
}

/** The student a caller acts for on a record about several students (a meeting): their own or a child. */
export function studentOfCaller(actor: Actor, studentIds: readonly string[]): string | undefined {
  for (const g of actor.grants) {
    if (g.role === 'student' && studentIds.includes(g.studentId)) return g.studentId;
    if (g.role === 'parent') {
      const child = g.childIds.find((c) => studentIds.includes(c));
      if (child) return child;
    }
  }
  return undefined;
}

export function ownStudentId(actor: Actor): string {
  for (const g of actor.grants) if (g.role === 'student') return g.studentId;
  return '\u0000';
}
