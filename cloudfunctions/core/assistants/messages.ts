import type { MessageIntent, Recipient } from '../notices/message-intents';

export const assistantPages = {
  applicant: 'packages/assistants/home/index',
  college: 'packages/assistants/college/index',
  school: 'packages/assistants/school/index',
};

/**
 * 学业助理选聘进度, to the owner of the next step (or the person a step concerns). Keyed by the
 * subject, the step and the recipient, so a repeated step never sends twice.
 */
export function assistantStep(
  to: Recipient,
  subjectId: string,
  step: string,
  what: { title: string; result: string; note: string; at: string; page: string },
): MessageIntent {
  return {
    key: `assistantStep:${subjectId}:${step}:${to.userId}`,
    kind: 'assistantStep',
    toUserId: to.userId,
    toOpenid: to.openid,
    page: what.page,
    data: { step: what.title, result: what.result, time: what.at, note: what.note },
    subjectId,
  };
}
