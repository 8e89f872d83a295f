import type { Notice } from '../../../types/notice';
import type { Warning } from '../../../types/warning';
import { pages, type MessageIntent, type Recipient } from './message-intents';

/**
 * Messages that answer the student (issue 9): the clerk kept or corrected the notice they
 * objected to, or a later list lifted their warning. Worded as answers, never as a new warning.
 */

type ObjectedNotice = Pick<Notice, '_id' | 'studentId'>;

const to = (r: Recipient) => ({ toUserId: r.userId, toOpenid: r.openid });

/** The clerk checked the objection and kept the notice: the student reads the answer, then signs. */
export function objectionKept(
  notice: ObjectedNotice,
  recipient: Recipient,
  answer: { note: string; at: string },
): MessageIntent {
  return {
    key: `objectionAnswered:${notice._id}`,
    kind: 'objectionAnswered',
    ...to(recipient),
    page: pages.studentNotice(notice._id),
    data: { result: '维持', note: answer.note, time: answer.at, tip: '请阅读答复后签收通知' },
    subjectId: notice._id,
  };
}

/**
 * The clerk corrected the grade rows behind the notice: either a corrected notice replaces it
 * (`newNoticeId`), or the warning no longer holds and is withdrawn (`newNoticeId` null) — or,
 * for a warning a later list kept, that list lifts it (`ending` lifted) or still keeps it and this
 * notice stands (`ending` stands).
 */
export function objectionCorrected(
  notice: ObjectedNotice,
  recipient: Recipient,
  answer: { note: string; at: string; newNoticeId: string | null; ending?: 'lifted' | 'stands' },
): MessageIntent {
  const tip = answer.newNoticeId
    ? '请查看更正后的通知并签收'
    : answer.ending === 'lifted'
      ? '警示已解除，无需签收'
      : answer.ending === 'stands'
        ? '请阅读答复后签收通知'
        : '警示已撤销，无需签收';
  return {
    key: `objectionAnswered:${notice._id}`,
    kind: 'objectionAnswered',
    ...to(recipient),
    page: pages.studentNotice(answer.newNoticeId ?? notice._id),
    data: {
      result: '已更正',
      note: answer.note,
      time: answer.at,
      tip,
    },
    subjectId: answer.newNoticeId ?? notice._id,
  };
}

/** A later list found the lifting condition met (or took the student off it): the student is told. */
export function warningLifted(
  warning: Pick<Warning, '_id' | 'levelName' | 'semester'>,
  recipient: Recipient,
  liftedAt: string,
): MessageIntent {
  return {
    key: `warningLifted:${warning._id}`,
    kind: 'warningLifted',
    ...to(recipient),
    page: 'packages/student/home/index',
    data: {
      level: `${warning.levelName}已解除`,
      semester: warning.semester,
      time: liftedAt,
      note: '请继续保持，按期完成学业',
    },
    subjectId: warning._id,
  };
}
