import type { Actor } from '../../../types/domain';
import type { ReviewerRole, StudyPlan, TalkerRole } from '../../../types/support';
import { reviewersOf } from '../support/plan-workflow';

/** The roles that record talks as themselves (a tutor role does not exist yet). */
const talkerRoles: readonly TalkerRole[] = ['counselor', 'headTeacher', 'assistant'];
/** The roles that review study plans. */
const reviewerRoles: readonly ReviewerRole[] = ['headTeacher', 'counselor'];

function isTalkerRole(role: string): role is TalkerRole {
  return talkerRoles.some((r) => r === role);
}

function isReviewerRole(role: string): role is ReviewerRole {
  return reviewerRoles.some((r) => r === role);
}

/** The talker roles the caller holds for a class. */
export function talkerRolesFor(actor: Pick<Actor, 'grants'>, classId: string): TalkerRole[] {
  const roles = new Set<TalkerRole>();
  for (const g of actor.grants)
    if (isTalkerRole(g.role) && 'classIds' in g && g.classIds.includes(classId)) roles.add(g.role);
  return [...roles];
}

/** The reviewer roles the caller holds for a class (head teacher, counselor). */
function reviewerRolesFor(actor: Pick<Actor, 'grants'>, classId: string): ReviewerRole[] {
  return actor.grants.flatMap((g) =>
    isReviewerRole(g.role) && 'classIds' in g && g.classIds.includes(classId) ? [g.role] : [],
  );
}

type ReviewedPlan = Pick<StudyPlan, 'classId' | 'reviewerRole' | 'jointReviewers' | 'approvals'>;

/** The reviewer role the caller holds for the plan's class and has not yet used on it, if any. */
export function reviewerRoleOf(actor: Pick<Actor, 'grants'>, plan: ReviewedPlan): ReviewerRole | null {
  const done = new Set((plan.approvals ?? []).map((a) => a.role));
  const needed = reviewersOf(plan);
  return reviewerRolesFor(actor, plan.classId).find((r) => needed.includes(r) && !done.has(r)) ?? null;
}

/** Does the caller hold a reviewer's role for the plan's class (head teacher / counselor) still to review? */
export function isReviewer(actor: Pick<Actor, 'grants'>, plan: ReviewedPlan): boolean {
  return reviewerRoleOf(actor, plan) !== null;
}

/** Is the plan one the caller reviews at all (done or not): it needs a role they hold for its class. */
export function reviewsPlan(
  actor: Pick<Actor, 'grants'>,
  plan: Pick<StudyPlan, 'classId' | 'reviewerRole' | 'jointReviewers'>,
): boolean {
  const held = reviewerRolesFor(actor, plan.classId);
  return reviewersOf(plan).some((r) => held.includes(r));
}
