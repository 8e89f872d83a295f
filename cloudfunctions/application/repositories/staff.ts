import type { Role, User } from '../../../types/domain';
import { PENDING_OPENID_PREFIX } from '../../../types/roster';
import { queryAll, type Store, type Stored } from '../../platform/store/store';

/** A member of staff as stored: their user (sign-in and grants) with what the staff file says. */
export type StaffUser = User & { staffNo: string; roles: Role[]; department: string; collegeId: string; active: boolean; phone: string };

export function isStaffUser(u: Stored<User> | Stored<StaffUser>): u is Stored<StaffUser> {
  return 'staffNo' in u && typeof u.staffNo === 'string';
}

export async function collegeStaff(store: Store, collegeId: string): Promise<Stored<StaffUser>[]> {
  const users = await queryAll<StaffUser>(store, 'users', { where: { collegeId }, orderBy: [{ field: '_id', direction: 'asc' }] });
  return users.filter(isStaffUser);
}

export const pendingOpenid = (userId: string) => `${PENDING_OPENID_PREFIX}${userId}`;
export const hasJoined = (u: Pick<User, 'openid'>) => !u.openid.startsWith(PENDING_OPENID_PREFIX);
