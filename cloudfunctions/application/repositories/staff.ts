import type { Role, User } from '../../../types/domain';
import { PENDING_OPENID_PREFIX } from '../../../types/roster';
import { NotFoundError } from '../../core/errors';
import { queryAll, type Store, type Stored } from '../../platform/store/store';

/** A member of staff as stored: their user (sign-in and grants) with what the staff file says. */
export type StaffUser = User & {
  staffNo: string;
  roles: Role[];
  department: string;
  collegeId: string;
  active: boolean;
  phone: string;
};

export function isStaffUser(u: Stored<User> | Stored<StaffUser>): u is Stored<StaffUser> {
  return 'staffNo' in u && typeof u.staffNo === 'string';
}

export async function collegeStaff(store: Store, collegeId: string): Promise<Stored<StaffUser>[]> {
  const users = await queryAll(store, 'users', { where: { collegeId }, orderBy: [{ field: '_id', direction: 'asc' }] });
  return users.filter(isStaffUser);
}

/** A member of the college's active staff; anyone else (a student, another college's, one who left) is not found. */
export async function loadCollegeStaff(store: Store, userId: string, collegeId: string): Promise<Stored<StaffUser>> {
  const person = await store.get('users', userId);
  if (!person || !isStaffUser(person) || person.collegeId !== collegeId || !person.active)
    throw new NotFoundError('本学院的这位教职工');
  return person;
}

export const pendingOpenid = (userId: string) => `${PENDING_OPENID_PREFIX}${userId}`;
export const hasJoined = (u: Pick<User, 'openid'>) => !u.openid.startsWith(PENDING_OPENID_PREFIX);
