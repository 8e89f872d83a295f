import type { ClassInfo, Grant, Role } from '../../../types/domain';

/** What the staff file says of a person, and the college they serve. */
export type StaffFacts = {
  userId: string;
  roles: readonly Role[];
  collegeId: string;
  departmentId: string;
  active: boolean;
};

const classRoles = ['counselor', 'headTeacher', 'assistant'] as const;
const slot: Record<(typeof classRoles)[number], 'counselorId' | 'headTeacherId' | 'assistantId'> = {
  counselor: 'counselorId',
  headTeacher: 'headTeacherId',
  assistant: 'assistantId',
};

/**
 * A member of staff's grants, derived, never typed: class roles from the classes they are named
 * for (a class names its counselor, head teacher and assistant), course teaching from the
 * sections they teach, college roles from the staff file. Someone no longer on the staff list
 * keeps their user (and every record they wrote) but holds no grant.
 */
export function staffGrants(
  staff: StaffFacts,
  classes: readonly Pick<ClassInfo, '_id' | 'counselorId' | 'headTeacherId' | 'assistantId'>[],
  courseCodes: readonly string[],
): Grant[] {
  if (!staff.active) return [];
  const grants: Grant[] = [];
  for (const role of classRoles) {
    const classIds = classes
      .filter((c) => c[slot[role]] === staff.userId)
      .map((c) => c._id)
      .sort();
    if (classIds.length > 0 || staff.roles.includes(role)) grants.push({ role, classIds });
  }
  const codes = [...new Set(courseCodes)].sort();
  if (codes.length > 0 || staff.roles.includes('courseTeacher'))
    grants.push({ role: 'courseTeacher', courseCodes: codes });
  if (staff.roles.includes('clerk')) grants.push({ role: 'clerk', collegeId: staff.collegeId });
  if (staff.roles.includes('departmentHead'))
    grants.push({ role: 'departmentHead', collegeId: staff.collegeId, departmentId: staff.departmentId });
  if (staff.roles.includes('leader')) grants.push({ role: 'leader', collegeId: staff.collegeId });
  if (staff.roles.includes('studentAffairs')) grants.push({ role: 'studentAffairs' });
  return grants;
}

/** Grants compared as data (order of class ids aside): an unchanged user is not rewritten. */
export function sameGrants(a: readonly Grant[], b: readonly Grant[]): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
