import type { Actor, Grant, Role } from '../../../types/domain';
import { AccessDeniedError } from '../errors';
import { permissions, type Permission, type Reach } from './permissions';

/** What is being touched. Pass every id known, so each role's reach can be checked. */
export type Resource = {
  studentId?: string;
  classId?: string;
  collegeId?: string;
  departmentId?: string;
};

/** The caller's own records only (their profile, their inbox, their duties). */
export const SELF: Resource = {};

function reaches(grant: Grant, reach: Reach, resource: Resource): boolean {
  switch (reach) {
    case 'self':
      return true;
    case 'school':
      return true;
    case 'own':
      return grant.role === 'student' && resource.studentId !== undefined && grant.studentId === resource.studentId;
    case 'child':
      return grant.role === 'parent' && resource.studentId !== undefined && grant.childIds.includes(resource.studentId);
    case 'class':
      return 'classIds' in grant && resource.classId !== undefined && grant.classIds.includes(resource.classId);
    case 'college':
      return 'collegeId' in grant && resource.collegeId !== undefined && grant.collegeId === resource.collegeId;
    case 'department':
      // Department ids are per-college codes (every college may have a 'basic'): compare both.
      return (
        grant.role === 'departmentHead' &&
        resource.collegeId !== undefined &&
        resource.departmentId !== undefined &&
        grant.collegeId === resource.collegeId &&
        grant.departmentId === resource.departmentId
      );
  }
}

/** The grants of the actor that allow `permission` on `resource` (empty: denied). */
export function grantsFor(actor: Actor, permission: Permission, resource: Resource): Grant[] {
  const table: Partial<Record<Role, Reach>> = permissions[permission];
  return actor.grants.filter((grant) => {
    const reach = table[grant.role];
    if (reach === undefined) return false;
    // 'self' grants nothing about other people's records.
    if (reach === 'self')
      return resource.studentId === undefined && resource.classId === undefined && resource.collegeId === undefined;
    return reaches(grant, reach, resource);
  });
}

export function isAllowed(actor: Actor, permission: Permission, resource: Resource): boolean {
  return grantsFor(actor, permission, resource).length > 0;
}

/** The one access step every handler goes through; throws ACCESS.DENIED (with `message` if given) when not allowed. */
export function authorize(actor: Actor, permission: Permission, resource: Resource, message?: string): Grant[] {
  const grants = grantsFor(actor, permission, resource);
  if (grants.length === 0) throw new AccessDeniedError(message);
  return grants;
}

/** For list actions: the actor must hold the permission in some scope; the list is then filtered to it. */
export function authorizeList(actor: Actor, permission: Permission): Grant[] {
  const grants = rolesWith(actor, permission);
  if (grants.length === 0) throw new AccessDeniedError();
  return grants;
}

/** Roles of the actor that hold a permission at all (for list actions that then filter by scope). */
export function rolesWith(actor: Actor, permission: Permission): Grant[] {
  const table: Partial<Record<Role, Reach>> = permissions[permission];
  return actor.grants.filter((grant) => table[grant.role] !== undefined);
}

/** Whether the actor holds the permission school-wide (学工部): a list is then not narrowed to classes or colleges. */
export function schoolWide(actor: Actor, permission: Permission): boolean {
  const table: Partial<Record<Role, Reach>> = permissions[permission];
  return actor.grants.some((grant) => table[grant.role] === 'school');
}

/** Class ids the actor may see under a permission (class-reach grants only). */
export function classIdsFor(actor: Actor, permission: Permission): string[] {
  const table: Partial<Record<Role, Reach>> = permissions[permission];
  const ids = new Set<string>();
  for (const grant of actor.grants) {
    if (table[grant.role] === 'class' && 'classIds' in grant) for (const id of grant.classIds) ids.add(id);
  }
  return [...ids].sort();
}

/**
 * College ids where the actor holds a permission at college OR department reach. A department
 * head's college is included: callers must narrow it to the department (see departmentsFor), or
 * use wholeCollegeIdsFor.
 */
export function collegeIdsFor(actor: Actor, permission: Permission): string[] {
  const table: Partial<Record<Role, Reach>> = permissions[permission];
  const ids = new Set<string>();
  for (const grant of actor.grants) {
    if ((table[grant.role] === 'college' || table[grant.role] === 'department') && 'collegeId' in grant)
      ids.add(grant.collegeId);
  }
  return [...ids].sort();
}

/** College ids where the actor's reach is the whole college (clerk, leader), not one department. */
export function wholeCollegeIdsFor(actor: Actor, permission: Permission): string[] {
  const table: Partial<Record<Role, Reach>> = permissions[permission];
  const ids = new Set<string>();
  for (const grant of actor.grants)
    if (table[grant.role] === 'college' && 'collegeId' in grant) ids.add(grant.collegeId);
  return [...ids].sort();
}

/** The one college the actor holds the permission for as a whole (a clerk's own); denied when none. */
export function wholeCollegeOf(actor: Actor, permission: Permission): string {
  const [collegeId] = wholeCollegeIdsFor(actor, permission);
  if (collegeId === undefined) throw new AccessDeniedError();
  return collegeId;
}

/** The departments the actor reaches under a permission (department heads). */
export function departmentsFor(actor: Actor, permission: Permission): { collegeId: string; departmentId: string }[] {
  const table: Partial<Record<Role, Reach>> = permissions[permission];
  return actor.grants.flatMap((g) =>
    g.role === 'departmentHead' && table[g.role] === 'department'
      ? [{ collegeId: g.collegeId, departmentId: g.departmentId }]
      : [],
  );
}
