import type { CaseAudience } from '../../../types/api/support';
import type { Actor, Grant, Role } from '../../../types/domain';
import { AccessDeniedError } from '../errors';
import { grantsFor, type Resource } from './authorize';
import type { Permission } from './permissions';

/** The roles that act for a student (themself, a parent); every other grant is a staff grant. */
const familyRoles: readonly Role[] = ['student', 'parent'];

export function isStaffGrant(grant: Grant): boolean {
  return !familyRoles.includes(grant.role);
}

/**
 * The one "is staff for this record" rule: a staff grant that reaches the record under the
 * permission (reading a case by default). Staff somewhere else is not staff here — a parent who
 * is head teacher of another class reads their child's records as a parent.
 */
export function isStaffFor(actor: Actor, resource: Resource, permission: Permission = 'case.read'): boolean {
  return grantsFor(actor, permission, resource).some(isStaffGrant);
}

/** Who is reading a case: staff (a staff grant reaching it), the student, or a parent. */
export function audienceOf(actor: Actor, resource: Resource): CaseAudience {
  if (isStaffFor(actor, resource)) return 'staff';
  if (grantsFor(actor, 'case.read', resource).some((g) => g.role === 'student')) return 'student';
  return 'parent';
}

/** Records between the student and staff (talks, the plan): a parent reading the case sees none. */
export function refuseParentAudience(actor: Actor, resource: Resource): void {
  if (audienceOf(actor, resource) === 'parent') throw new AccessDeniedError();
}
