import { isReviewer } from '../../core/access/casework-roles';
import { semesterOf, studyYear } from '../../core/support/study-year';
import type { PlanView } from '../../../types/api/support';
import type { Actor } from '../../../types/domain';
import type { StudyPlan } from '../../../types/support';
import type { Stored } from '../../platform/store/store';

/** A plan for its reader: the student's year of study now, and whether the caller reviews it now. */
export function planView(ctx: { actor: Actor; nowIso(): string }, plan: Stored<StudyPlan>, cohort: number): PlanView {
  const { _version: _v, createdBy: _cb, createdAt: _ca, updatedBy: _ub, updatedAt: _ua, actorId: _a, ...rest } = plan;
  return {
    ...rest,
    studyYear: studyYear(cohort, semesterOf(ctx.nowIso())),
    canReview: plan.status === 'submitted' && isReviewer(ctx.actor, plan),
  };
}
