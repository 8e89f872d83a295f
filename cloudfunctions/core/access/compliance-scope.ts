import type { ComplianceBoard } from '../../../types/api/duties';
import type { Actor } from '../../../types/domain';
import { classIdsFor } from './authorize';
import type { DutyDataScope } from '../compliance/duty-scope';

/**
 * Whose compliance the caller may see: a leader or clerk their college, a department head
 * their department, class staff only the classes they serve.
 */
export function complianceScopeOf(actor: Actor): { scope: DutyDataScope; kind: ComplianceBoard['scope'] } {
  for (const grant of actor.grants) {
    if (grant.role === 'leader' || grant.role === 'clerk')
      return { scope: { collegeId: grant.collegeId }, kind: 'college' };
  }
  for (const grant of actor.grants) {
    if (grant.role === 'departmentHead')
      return { scope: { collegeId: grant.collegeId, departmentId: grant.departmentId }, kind: 'department' };
  }
  return { scope: { classIds: classIdsFor(actor, 'duties.readClass') }, kind: 'classes' };
}

/** The classes whose duties the caller holds (as counselor, head teacher or assistant). */
export function ownDutyClassIds(actor: Actor): string[] {
  const ids = new Set<string>();
  for (const grant of actor.grants) {
    if (grant.role === 'counselor' || grant.role === 'headTeacher' || grant.role === 'assistant')
      for (const id of grant.classIds) ids.add(id);
  }
  return [...ids].sort();
}
