import type { NoticeStatusRow, NoticeSummary, ParentNoticeView, StudentNoticeView } from '../../../types/api/notices';
import type { OutboxMessage } from '../../../types/message';
import type { Notice } from '../../../types/notice';
import { noticeEnding } from '../../core/notices/ending';
import { isParentContactOverdue, parentContactOf } from '../../core/notices/parent-contact';
import { subscribeIds } from '../../platform/messenger/template-ids';

export function summaryOf(n: Notice): NoticeSummary {
  return {
    noticeId: n._id,
    studentId: n.studentId,
    studentName: n.studentName,
    semester: n.semester,
    levelName: n.levelName,
    version: n.version,
    status: n.status,
    issuedAt: n.issuedAt,
    acknowledged: n.ack !== null,
    objection: n.objection?.state ?? null,
    receiptReturned: n.receipt !== null,
    supersededBy: n.supersededBy ?? null,
    ending: noticeEnding(n),
  };
}

/** The student copy and the student's own answer; the parent's receipt is deliberately absent. */
export function studentView(n: Notice): StudentNoticeView {
  return {
    noticeId: n._id,
    studentName: n.studentName,
    version: n.version,
    status: n.status,
    supersededBy: n.supersededBy ?? null,
    ending: noticeEnding(n),
    correction: n.correction,
    copy: n.copies.student,
    issuedAt: n.issuedAt,
    readAt: n.readAt,
    ack: n.ack ? { at: n.ack.at } : null,
    objection: n.objection,
    subscribe: subscribeIds(['warningIssued', 'meetingScheduled']),
  };
}

export function parentView(n: Notice): ParentNoticeView {
  return {
    noticeId: n._id,
    studentName: n.studentName,
    version: n.version,
    status: n.status,
    supersededBy: n.supersededBy ?? null,
    ending: noticeEnding(n),
    copy: n.copies.parent,
    issuedAt: n.issuedAt,
    parentDeadline: n.parentDeadline,
    receipt: n.receipt ? { at: n.receipt.at, parentName: n.receipt.parentName, message: n.receipt.message } : null,
    subscribe: subscribeIds(['receiptDue', 'receiptOverdue', 'meetingScheduled']),
  };
}

export function statusRow(
  n: Notice,
  facts: {
    messages: OutboxMessage[];
    parentBound: boolean;
    bindingFlagged: boolean;
    nowIso: string;
    parent: NoticeStatusRow['parent'];
  },
): NoticeStatusRow {
  const own = facts.messages.filter((m) => m.subjectId === n._id);
  const studentMessage = own.find((m) => m.kind === 'warningIssued');
  const contact = parentContactOf(n);
  const lastPhone = n.phoneContacts[n.phoneContacts.length - 1];
  return {
    noticeId: n._id,
    studentId: n.studentId,
    studentName: n.studentName,
    semester: n.semester,
    levelName: n.levelName,
    version: n.version,
    correction: n.correction?.reason ?? null,
    issuedAt: n.issuedAt,
    parentDeadline: n.parentDeadline,
    sent: studentMessage?.status ?? 'none',
    read: n.readAt !== null,
    answer: n.ack ? 'signed' : n.objection ? 'objected' : 'none',
    objection: n.objection
      ? {
          state: n.objection.state,
          reason: n.objection.reason,
          ...(n.objection.note ? { note: n.objection.note } : {}),
        }
      : null,
    parentBound: facts.parentBound,
    parentRead: n.parentReadAt !== null,
    contact,
    contactAt: contact === 'receipt' ? (n.receipt?.at ?? null) : contact === 'phone' ? (lastPhone?.at ?? null) : null,
    receiptMessage: n.receipt?.message ?? null,
    phoneContacts: n.phoneContacts,
    overdue: isParentContactOverdue(n, facts.nowIso),
    flags:
      facts.bindingFlagged && !n.flags.includes('parentOfUnrelatedStudents')
        ? [...n.flags, 'parentOfUnrelatedStudents']
        : n.flags,
    undelivered: own
      .filter((m) => m.status === 'refused' || m.status === 'failed')
      .map((m) => ({ kind: m.kind, toUserId: m.toUserId, status: m.status, error: m.lastError ?? '' })),
    parent: facts.parent,
  };
}
