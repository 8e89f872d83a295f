import type { Actor, Role } from '../../types/domain';
import { AccessDeniedError } from '../core/errors';
import type { StepActor } from '../core/assistants';

/**
 * The role the caller takes a step in: the first of the step's owners the caller holds for this
 * college (学工部 for the whole school). The permission table already let them in; this names
 * the role the step is recorded under.
 */
export function actingAs(actor: Actor, collegeId: string, owners: readonly Role[]): StepActor {
  for (const g of actor.grants) {
    if (!owners.includes(g.role)) continue;
    if (g.role === 'studentAffairs' || ((g.role === 'clerk' || g.role === 'leader') && g.collegeId === collegeId)) return { userId: actor.userId, name: actor.name, role: g.role };
  }
  throw new AccessDeniedError();
}
