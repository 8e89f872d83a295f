import type { Actor, Grant, User } from '../../../types/domain';
import { DomainError } from '../errors';

/** The classes one grant lets a report cover: a college, a department of it, or listed classes (none: null). */
export type ClassReach = { collegeId: string } | { collegeId: string; departmentId: string } | { classIds: string[] };

export function classReachOf(grant: Grant): ClassReach | null {
  if (grant.role === 'leader' || grant.role === 'clerk') return { collegeId: grant.collegeId };
  if (grant.role === 'departmentHead') return { collegeId: grant.collegeId, departmentId: grant.departmentId };
  return 'classIds' in grant && grant.classIds.length > 0 ? { classIds: grant.classIds } : null;
}

function noCollege(): DomainError {
  return new DomainError('REPORTS.NO_COLLEGE', '未找到您所在的学院');
}

/** The college of the caller's first college-wide or department grant (course tasks belong to a college). */
export function collegeOfActor(actor: Actor): string {
  for (const g of actor.grants) if ('collegeId' in g) return g.collegeId;
  throw noCollege();
}

/** The college a clerk keeps (KPI imports are the clerk's). */
export function clerkCollegeOf(actor: Actor): string {
  for (const g of actor.grants) if (g.role === 'clerk') return g.collegeId;
  throw noCollege();
}

/** The departments of a college a user heads (users carry no college field: their grants say it). */
export function headedDepartments(user: Pick<User, 'grants'>, collegeId: string): string[] {
  return (user.grants ?? []).flatMap((g) =>
    g.role === 'departmentHead' && g.collegeId === collegeId ? [g.departmentId] : [],
  );
}

/**
 * Who writes a course task's analysis (rules: 003-3 gives it to the department): the head of its
 * department, or whoever holds the task as its owner — the leader standing in while the
 * department has no head. Within the permission table's reach; this narrows a leader's.
 */
export function mayWriteCourseTask(
  actor: Pick<Actor, 'userId' | 'grants'>,
  task: { collegeId: string; departmentId: string | null; ownerId: string | null },
): boolean {
  if (task.departmentId !== null && headedDepartments(actor, task.collegeId).includes(task.departmentId)) return true;
  return task.ownerId === actor.userId;
}
