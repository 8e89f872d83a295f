import type { Actor, ClassInfo, Grant } from '../../../types/domain';
import { AccessDeniedError } from '../errors';

/**
 * How far the caller's college grants reach in one college: the whole college for its clerk and
 * leaders, the classes (and courses) of their department for a department head.
 */
export type ReviewScope = { all: true } | { all: false; departmentIds: Set<string> };

export function collegeReach(grants: ReadonlyArray<Grant>, collegeId: string): ReviewScope {
  const departmentIds = new Set<string>();
  for (const g of grants) {
    if ((g.role === 'clerk' || g.role === 'leader') && g.collegeId === collegeId) return { all: true };
    if (g.role === 'departmentHead' && g.collegeId === collegeId) departmentIds.add(g.departmentId);
  }
  return { all: false, departmentIds };
}

/** What of a college-wide run the caller may review; nothing at all is a denial. */
export function reviewScope(actor: Actor, collegeId: string): ReviewScope {
  const scope = collegeReach(actor.grants, collegeId);
  if (!scope.all && scope.departmentIds.size === 0) throw new AccessDeniedError();
  return scope;
}

export function inScope(scope: ReviewScope, departmentId: string | null | undefined): boolean {
  return scope.all || (departmentId !== null && departmentId !== undefined && scope.departmentIds.has(departmentId));
}

/** Class ids of the run's college the scope covers. */
export function classesInScope(scope: ReviewScope, classes: ReadonlyArray<ClassInfo & { _id: string }>): Set<string> {
  return new Set(classes.filter((c) => inScope(scope, c.departmentId)).map((c) => c._id));
}
