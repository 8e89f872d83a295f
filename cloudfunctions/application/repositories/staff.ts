import type { ClassInfo, College, Role, User } from '../../types/domain';
import { PENDING_OPENID_PREFIX, TEACHING_SECTIONS, type TeachingSection } from '../../types/roster';
import { sameGrants, staffGrants } from '../core/roster/staff-grants';
import { queryAll, type Store, type Stored, type WriteContext } from '../platform/store/store';

/** A member of staff as stored: their user (sign-in and grants) with what the staff file says. */
export type StaffUser = User & { staffNo: string; roles: Role[]; department: string; collegeId: string; active: boolean; phone: string };

/** Classes as stored by the roster import: inactive once a classes file no longer lists them. */
export type ClassDoc = ClassInfo & { active?: boolean };

export function isStaffUser(u: Stored<User> | Stored<StaffUser>): u is Stored<StaffUser> {
  return 'staffNo' in u && typeof u.staffNo === 'string';
}

export async function collegeStaff(store: Store, collegeId: string): Promise<Stored<StaffUser>[]> {
  const users = await queryAll<StaffUser>(store, 'users', { where: { collegeId }, orderBy: [{ field: '_id', direction: 'asc' }] });
  return users.filter(isStaffUser);
}

export async function collegeClasses(store: Store, collegeId: string): Promise<Stored<ClassDoc>[]> {
  return queryAll<ClassDoc>(store, 'classes', { where: { collegeId }, orderBy: [{ field: '_id', direction: 'asc' }] });
}

export const pendingOpenid = (userId: string) => `${PENDING_OPENID_PREFIX}${userId}`;
export const hasJoined = (u: Pick<User, 'openid'>) => !u.openid.startsWith(PENDING_OPENID_PREFIX);

/**
 * Re-derives every staff grant of a college from its classes and teaching sections (core:
 * staffGrants) and rewrites only the users whose grants changed: run after any roster change.
 */
export async function refreshStaffGrants(store: Store, collegeId: string, write: WriteContext): Promise<number> {
  const [staff, classes, sections, college] = await Promise.all([
    collegeStaff(store, collegeId),
    collegeClasses(store, collegeId),
    queryAll<TeachingSection>(store, TEACHING_SECTIONS, { where: { collegeId } }),
    store.get<College>('colleges', collegeId),
  ]);
  const active = classes.filter((c) => c.active !== false);
  let changed = 0;
  for (const user of staff) {
    const departmentId = college?.departments.find((d) => d.name === user.department || d.id === user.department)?.id ?? user.department;
    const codes = sections.filter((s) => s.teacherId === user._id).map((s) => s.courseCode);
    const grants = staffGrants({ userId: user._id, roles: user.roles, collegeId, departmentId, active: user.active }, active, codes);
    if (sameGrants(grants, user.grants)) continue;
    await store.update<StaffUser>('users', user._id, { grants }, user._version, write);
    changed++;
  }
  return changed;
}
