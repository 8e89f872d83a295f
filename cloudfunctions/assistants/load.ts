import {
  GraduateProfile,
  type Application,
  type Assignment,
  type Call,
  type Change,
  type GraduateUser,
} from '../../types/assistant';
import { Grant, type User } from '../../types/domain';
import { isCollegeOfficer } from '../core/access/assistant-roles';
import { holdsSchoolRole } from '../core/access/school-role';
import { NotFoundError } from '../core/errors';
import type { Resource } from '../core/access/authorize';
import type { Recipient } from '../core/notices/message-intents';
import { queryAll, type Store, type Stored } from '../platform/store/store';

export const callIdOf = (collegeId: string, schoolYear: string) => `call:${collegeId}:${schoolYear}`;
export const applicationIdOf = (callId: string, userId: string) => `app:${callId}:${userId}`;
export const assignmentIdOf = (schoolYear: string, classId: string) => `asg:${schoolYear}:${classId}`;
export const changeIdOf = (callId: string, classId: string, effectiveMonth: string) =>
  `chg:${callId}:${classId}:${effectiveMonth}`;

export async function loadCall(store: Store, callId: string): Promise<Stored<Call>> {
  const call = await store.get('assistantCalls', callId);
  if (!call) throw new NotFoundError('该选拔通知');
  return call;
}

export async function loadApplication(store: Store, applicationId: string): Promise<Stored<Application>> {
  const application = await store.get('assistantApplications', applicationId);
  if (!application) throw new NotFoundError('该申报');
  return application;
}

/** The college a record belongs to, for authorization; nothing when it does not exist (then access is denied). */
export async function collegeOfRecord(
  store: Store,
  collection: 'assistantCalls' | 'assistantApplications' | 'assistantChanges',
  recordId: string,
): Promise<Resource> {
  const doc = await store.get(collection, recordId);
  return doc ? { collegeId: doc.collegeId } : {};
}

export async function applicationsOf(store: Store, callId: string): Promise<Stored<Application>[]> {
  return (
    await queryAll(store, 'assistantApplications', { where: { callId }, orderBy: [{ field: '_id', direction: 'asc' }] })
  ).filter((a) => typeof a.graduateId === 'string' && Array.isArray(a.checks));
}

export async function assignmentsOf(
  store: Store,
  collegeId: string,
  schoolYear: string,
): Promise<Stored<Assignment>[]> {
  return queryAll(store, 'assistantAssignments', {
    where: { collegeId, schoolYear },
    orderBy: [{ field: '_id', direction: 'asc' }],
  });
}

export async function changesOf(store: Store, collegeId: string, schoolYear: string): Promise<Stored<Change>[]> {
  return queryAll(store, 'assistantChanges', {
    where: { collegeId, schoolYear },
    orderBy: [{ field: '_id', direction: 'asc' }],
  });
}

export async function collegeName(store: Store, collegeId: string): Promise<string> {
  return (await store.get('colleges', collegeId))?.name ?? '本学院';
}

/** A user's graduate profile, checked; null for anyone else or a profile that no longer parses. */
export function graduateOf(user: User | null | undefined): GraduateUser | null {
  if (!user) return null;
  const parsed = GraduateProfile.safeParse(Reflect.get(user, 'graduate'));
  if (!parsed.success) {
    if (Reflect.get(user, 'graduate') !== undefined)
      console.warn(
        `[assistants] graduate profile of ${user._id} skipped: ${parsed.error.issues[0]?.message ?? 'invalid'}`,
      );
    return null;
  }
  return { ...user, graduate: parsed.data };
}

/**
 * Everyone the programme writes to, read once: the college's clerk and leader, 学工部, the
 * graduates of a college. A user record that does not parse is left out, not fatal.
 */
export async function people(store: Store): Promise<Stored<User>[]> {
  const rows = await queryAll(store, 'users');
  return rows.filter((u) => Array.isArray(u.grants) && u.grants.every((g) => Grant.safeParse(g).success));
}

const recipient = (u: User): Recipient => ({ userId: u._id, openid: u.openid });

export function collegeStaff(
  users: readonly User[],
  collegeId: string,
  roles: readonly ('clerk' | 'leader')[] = ['clerk', 'leader'],
): Recipient[] {
  return users.filter((u) => isCollegeOfficer(u.grants, collegeId, roles)).map(recipient);
}

export function schoolStaff(users: readonly User[]): Recipient[] {
  return users.filter((u) => holdsSchoolRole(u.grants)).map(recipient);
}

export function graduatesOf(users: readonly User[], collegeId: string): GraduateUser[] {
  return users.flatMap((u) => {
    const g = graduateOf(u);
    return g && g.graduate.collegeId === collegeId ? [g] : [];
  });
}

export { recipient };
