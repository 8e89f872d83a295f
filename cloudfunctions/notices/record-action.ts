import type { NoticesApi } from '../../types/api/notices';
import { assertFilesNotice } from '../core/access/notice-record';
import type { ActionSpec } from '../platform/runtime/define-function';
import { loadNotice, noticeResource } from '../application/repositories/notices';
import { noticeEnding } from '../core/notices/ending';

/**
 * What is filed for one notice (rules: 004-2.7 — the 学院存根, the student's signature, the parent's
 * signed receipt): the three copies as issued and both signatures. For the people who file it —
 * the class staff and the clerk (they may read both the student and the parent copy); a leader
 * tracking the numbers, a parent or a student is refused.
 */
export const noticeRecord: ActionSpec<NoticesApi['noticeRecord']> = {
  permission: 'notice.trackStatus',
  resource: (ctx, input) => noticeResource(ctx.store, input.noticeId),
  async run(ctx, { noticeId }) {
    const notice = await loadNotice(ctx.store, noticeId);
    const resource = { studentId: notice.studentId, classId: notice.classId, collegeId: notice.collegeId };
    assertFilesNotice(ctx.actor, resource);
    const [student, parent] = await Promise.all([
      ctx.store.get('noticeSignatures', `${noticeId}:student`),
      ctx.store.get('noticeSignatures', `${noticeId}:parent`),
    ]);
    return {
      noticeId: notice._id,
      studentId: notice.studentId,
      studentName: notice.studentName,
      version: notice.version,
      status: notice.status,
      supersededBy: notice.supersededBy ?? null,
      ending: noticeEnding(notice),
      copies: notice.copies,
      issuedAt: notice.issuedAt,
      studentSignature: notice.ack && student ? { at: notice.ack.at, image: student.image } : null,
      receipt: notice.receipt
        ? {
            at: notice.receipt.at,
            parentName: notice.receipt.parentName,
            message: notice.receipt.message,
            image: parent?.image ?? null,
          }
        : null,
      objection: notice.objection,
      phoneContacts: notice.phoneContacts,
    };
  },
};
