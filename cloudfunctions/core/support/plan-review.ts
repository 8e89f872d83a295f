import {
  reviewerRoleLabel,
  reviewersText,
  type PlanApproval,
  type PlanEvent as PlanHistoryEntry,
  type PlanReview,
  type ReviewerRole,
  type StudyPlan,
} from '../../../types/support';
import { DomainError } from '../errors';
import { planTransition, reviewersOf } from './plan-workflow';

type ReviewedPlan = Pick<
  StudyPlan,
  'status' | 'lines' | 'failedCourses' | 'report' | 'reviewerRole' | 'jointReviewers' | 'approvals'
>;

export type PlanReviewed = {
  status: StudyPlan['status'];
  review: PlanReview;
  approvals: PlanApproval[];
  entry: PlanHistoryEntry;
};

/**
 * A reviewer's decision on a submitted plan. `role` is the reviewer role the caller still holds
 * for it (core/access reviewerRoleOf), null when they are not its reviewer or already reviewed.
 * Joint review: approved once every reviewer has approved; a return by either sends it back.
 */
export function planReview(
  plan: ReviewedPlan,
  role: ReviewerRole | null,
  decision: { decision: 'approve' | 'return'; opinion: string },
  by: { userId: string; name: string },
  at: string,
): PlanReviewed {
  if (!role) {
    throw new DomainError(
      'PLAN.NOT_REVIEWER',
      plan.jointReviewers
        ? `该计划由${reviewersText(plan)}，你已审核或不是审核人`
        : plan.reviewerRole === 'headTeacher'
          ? '大一、大二学生的学习计划由班主任审核'
          : '大三及以上学生的学习计划由导师（暂由辅导员）审核',
    );
  }
  const decided = planTransition(
    { status: plan.status, lines: plan.lines, failedCourses: plan.failedCourses, hasReport: plan.report !== null },
    { type: 'review', decision: decision.decision },
  );
  const approve = decision.decision === 'approve';
  const review: PlanReview = {
    decision: decision.decision,
    opinion: decision.opinion,
    byId: by.userId,
    byName: by.name,
    role,
    at,
  };
  const approvals: PlanApproval[] = approve
    ? [...(plan.approvals ?? []), { role, byId: by.userId, byName: by.name, at, opinion: decision.opinion }]
    : [];
  const approvedAs = new Set(approvals.map((a) => a.role));
  const waiting = reviewersOf(plan).filter((r) => !approvedAs.has(r));
  const status = decided === 'approved' && waiting.length > 0 ? 'submitted' : decided;
  const note =
    status === 'submitted'
      ? `${reviewerRoleLabel[role]}已通过，待${waiting.map((r) => reviewerRoleLabel[r]).join('、')}审核：${decision.opinion}`
      : decision.opinion;
  const entry: PlanHistoryEntry = {
    status,
    at,
    by: by.userId,
    byName: by.name,
    note,
    ...(approve ? { approvedAs: role } : {}),
  };
  return { status, review, approvals, entry };
}
