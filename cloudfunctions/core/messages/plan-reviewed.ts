import type { StudyPlan } from '../../../types/support';
import type { MessageIntent, Recipient } from '../notices/message-intents';

export const STUDENT_PLAN_PAGE = 'packages/student/plan/index';

/**
 * 学习计划审核结果, to the student: approved, or returned with the reviewer's opinion to edit and
 * submit again. One per review (keyed by its time): a plan returned twice tells the student twice.
 */
export function planReviewed(
  plan: Pick<StudyPlan, '_id' | 'levelName'>,
  to: Recipient,
  review: { decision: 'approve' | 'return'; opinion: string; at: string },
): MessageIntent {
  return {
    key: `planReviewed:${plan._id}:${review.at}`,
    kind: 'planReviewed',
    toUserId: to.userId,
    toOpenid: to.openid,
    page: STUDENT_PLAN_PAGE,
    data: {
      plan: `学业警示个人学习计划（${plan.levelName}）`,
      result: review.decision === 'approve' ? '已通过' : '需修改',
      opinion: review.opinion,
      time: review.at,
    },
    subjectId: plan._id,
  };
}
