import type { Actor, Grant, Role } from '../../../types/domain';
import { AccessDeniedError } from '../errors';
import { isSchoolRole } from './school-role';

/** Who takes a step of the assistant programme, under which role. */
export type ActingRole = { userId: string; name: string; role: Role };

/**
 * The role the caller takes a step in: the first of the step's owners the caller holds for this
 * college (学工部 for the whole school). The permission table already let them in; this names
 * the role the step is recorded under.
 */
export function actingAs(actor: Actor, collegeId: string, owners: readonly Role[]): ActingRole {
  for (const g of actor.grants) {
    if (!owners.includes(g.role)) continue;
    if (isSchoolRole(g.role) || ((g.role === 'clerk' || g.role === 'leader') && g.collegeId === collegeId))
      return { userId: actor.userId, name: actor.name, role: g.role };
  }
  throw new AccessDeniedError();
}

/** Whether the grants make the user one of the college's officers (clerk, leader) in one of these roles. */
export function isCollegeOfficer(
  grants: ReadonlyArray<Grant>,
  collegeId: string,
  roles: readonly ('clerk' | 'leader')[],
): boolean {
  return grants.some(
    (g) => (g.role === 'clerk' || g.role === 'leader') && roles.includes(g.role) && g.collegeId === collegeId,
  );
}

/** The grants with the class joined to the assistant grant (a new one when there is none). */
export function withAssistantClass(grants: ReadonlyArray<Grant>, classId: string): Grant[] {
  if (!grants.some((g) => g.role === 'assistant')) return [...grants, { role: 'assistant', classIds: [classId] }];
  return grants.map((g) =>
    g.role === 'assistant' ? { ...g, classIds: [...new Set([...g.classIds, classId])].sort() } : g,
  );
}

/** The grants with the class taken off the assistant grant. */
export function withoutAssistantClass(grants: ReadonlyArray<Grant>, classId: string): Grant[] {
  return grants.map((g): Grant =>
    g.role === 'assistant' ? { ...g, classIds: g.classIds.filter((id) => id !== classId) } : g,
  );
}
