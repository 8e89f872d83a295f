import type { Grant } from '../../../types/domain';

/** A set of classes reached as a whole: a college's, or one department's in it. */
export type ClassScope = { collegeId: string } | { collegeId: string; departmentId: string };

/**
 * The whole colleges and departments whose classes the grants reach (clerk and leader: their
 * college; department head: their department), one per grant. Classes served one by one
 * (counselor, head teacher, assistant) come from the permission table instead.
 */
export function classScopesOf(grants: ReadonlyArray<Grant>): ClassScope[] {
  return grants.flatMap((g): ClassScope[] => {
    if (g.role === 'clerk' || g.role === 'leader') return [{ collegeId: g.collegeId }];
    if (g.role === 'departmentHead') return [{ collegeId: g.collegeId, departmentId: g.departmentId }];
    return [];
  });
}
