import type { Grant, Role } from '../../../types/domain';

/** 学工部 acts for the whole school; every other role for its college, class or person. */
export const isSchoolRole = (role: Role): boolean => role === 'studentAffairs';

/** Whether the grants include the school-wide role (学工部). */
export function holdsSchoolRole(grants: ReadonlyArray<Grant>): boolean {
  return grants.some((g) => isSchoolRole(g.role));
}
