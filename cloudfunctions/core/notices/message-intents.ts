import type { MessageKind } from '../../../types/message';
import type { Notice } from '../../../types/notice';
import { isParentContactOverdue, parentContactOf } from './parent-contact';

/** A message to enqueue, as the domain decides it (the adapter writes it to the outbox). */
export type MessageIntent = {
  key: string;
  kind: MessageKind;
  toUserId: string;
  toOpenid: string;
  page: string;
  data: Record<string, string>;
  subjectId: string;
};

export type Recipient = { userId: string; openid: string };

export const pages = {
  studentNotice: (id: string) => `packages/student/notice/index?id=${encodeURIComponent(id)}`,
  parentNotice: (id: string) => `packages/parent/notice/index?id=${encodeURIComponent(id)}`,
  objections: () => 'packages/admin/objections/index',
  classNotices: (classId: string) => `packages/staff/notices/index?classId=${encodeURIComponent(classId)}`,
  noticeClasses: () => 'packages/staff/notices/index',
};

type NoticeHead = Pick<
  Notice,
  '_id' | 'studentId' | 'studentName' | 'classId' | 'semester' | 'levelName' | 'issuedAt' | 'parentDeadline' | 'version'
>;

/** New (or escalated) warning, to the student: "学业警示通知" with level, semester, time. */
export function warningIssued(notice: NoticeHead, to: Recipient, escalated: boolean): MessageIntent {
  return {
    key: `warningIssued:${notice._id}`,
    kind: 'warningIssued',
    ...recipient(to),
    page: pages.studentNotice(notice._id),
    data: {
      level: `${notice.levelName}${escalated ? '（升级）' : ''}${notice.version > 1 ? '（更正）' : ''}`,
      semester: notice.semester,
      time: notice.issuedAt,
      note: '请在小程序内阅读通知并签收',
    },
    subjectId: notice._id,
  };
}

export function receiptDue(notice: NoticeHead, to: Recipient): MessageIntent {
  return {
    key: `receiptDue:${notice._id}:${to.userId}`,
    kind: 'receiptDue',
    ...recipient(to),
    page: pages.parentNotice(notice._id),
    data: {
      student: notice.studentName,
      level: `学业警示通知（${notice.levelName}）`,
      deadline: notice.parentDeadline,
      note: '请阅读家长联并填写回执',
    },
    subjectId: notice._id,
  };
}

export function objectionRaised(notice: NoticeHead, to: Recipient, reason: string, at: string): MessageIntent {
  return {
    key: `objectionRaised:${notice._id}`,
    kind: 'objectionRaised',
    ...recipient(to),
    page: pages.objections(),
    data: { student: notice.studentName, studentId: notice.studentId, reason, time: at },
    subjectId: notice._id,
  };
}

function recipient(to: Recipient): { toUserId: string; toOpenid: string } {
  return { toUserId: to.userId, toOpenid: to.openid };
}

export type DeadlineFacts = { parents: Recipient[]; nowIso: string };

/**
 * The reminders a scheduler pass owes one notice's parents: the receipt request to each bound
 * parent while no contact is recorded, and once the week is over the overdue note. Keys are per
 * notice and parent, so a pass run every minute sends each once. The counselor's overdue note is
 * a daily digest over all their notices (overdue-digest.ts), not one message per notice.
 */
export function deadlineMessages(
  notice: NoticeHead & Pick<Notice, 'status' | 'receipt' | 'phoneContacts'>,
  facts: DeadlineFacts,
): MessageIntent[] {
  if (notice.status !== 'issued' || parentContactOf(notice) !== 'none') return [];
  const out = facts.parents.map((p) => receiptDue(notice, p));
  if (!isParentContactOverdue(notice, facts.nowIso)) return out;
  for (const p of facts.parents) {
    out.push({
      key: `receiptOverdue:${notice._id}:${p.userId}`,
      kind: 'receiptOverdue',
      ...recipient(p),
      page: pages.parentNotice(notice._id),
      data: {
        student: notice.studentName,
        level: `学业警示通知（${notice.levelName}）`,
        deadline: notice.parentDeadline,
        status: '已逾期',
      },
      subjectId: notice._id,
    });
  }
  return out;
}
