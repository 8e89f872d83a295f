import type { Concern } from '../../../types/concern';
import type { MessageIntent, Recipient } from '../notices/message-intents';

export const TEACHER_CONCERNS_PAGE = 'packages/staff/concerns/index?view=mine';

/** 学生情况反映处理结果, to the teacher who raised it: the loop closes with the counselor's outcome. */
export function concernAnswered(
  concern: Pick<Concern, '_id' | 'studentName' | 'courseName'>,
  to: Recipient,
  closed: { outcome: string; byName: string; at: string },
): MessageIntent {
  return {
    key: `concernAnswered:${concern._id}`,
    kind: 'concernAnswered',
    toUserId: to.userId,
    toOpenid: to.openid,
    page: TEACHER_CONCERNS_PAGE,
    data: {
      student: `${concern.studentName}（${concern.courseName}）`,
      outcome: closed.outcome,
      handler: closed.byName,
      time: closed.at,
    },
    subjectId: concern._id,
  };
}
