import type { Grant, Role } from '../../../types/domain';

/** 学工部 acts for the whole school; every other role for its college, class or person. */
export const isSchoolRole = (role: Role): boolean => role === 'studentAffairs';

/** Whether the grants include the school-wide role (学工部). */
export function holdsSchoolRole(grants: ReadonlyArray<Grant>): boolean {
  return grants.some((g) => isSchoolRole(g.role));
}

/** School-wide reach (学工部) is granted by the school: only a caller who holds it may give these roles. */
export function mayGrantRoles(callerGrants: ReadonlyArray<Grant>, roles: readonly Role[]): boolean {
  return !roles.some(isSchoolRole) || holdsSchoolRole(callerGrants);
}
