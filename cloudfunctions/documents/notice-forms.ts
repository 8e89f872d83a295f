import type { DocumentsApi } from '../../types/api/documents';
import { NOTICE_SIGNATURES, NOTICES, type Notice, type NoticeSignature } from '../../types/notice';
import { isAllowed, wholeCollegeIdsFor } from '../core/access/authorize';
import { noticeForm } from '../core/documents/notice-form';
import { noticeRegister } from '../core/documents/notice-register';
import { AccessDeniedError } from '../core/errors';
import type { Handlers } from '../platform/runtime/define-function';
import { queryAll, type Store } from '../platform/store/store';
import { loadNotice, noticeResource } from '../notices/notice-access';
import { answer } from './answer';
import { classNames, collegeName } from './facts';

/** The notice and both signatures, as the notices function's noticeRecord files them. */
export async function noticeWithSignatures(store: Store, noticeId: string): Promise<{ notice: Notice; student: NoticeSignature | null; parent: NoticeSignature | null }> {
  const notice = await loadNotice(store, noticeId);
  const [student, parent] = await Promise.all([store.get<NoticeSignature>(NOTICE_SIGNATURES, `${noticeId}:student`), store.get<NoticeSignature>(NOTICE_SIGNATURES, `${noticeId}:parent`)]);
  return { notice, student, parent };
}

export function noticeDocument(n: { notice: Notice; student: NoticeSignature | null; parent: NoticeSignature | null }) {
  const { notice, student, parent } = n;
  return noticeForm(notice, { student: notice.ack && student ? { at: notice.ack.at, image: student.image } : null, parent: notice.receipt && parent ? { image: parent.image } : null });
}

/** The college's notices issued in a semester, every version (by college, one indexed read). */
export async function semesterNotices(store: Store, collegeId: string, semester: string): Promise<Notice[]> {
  const rows = await queryAll<Notice>(store, NOTICES, { where: { collegeId } });
  return rows.filter((n) => n.semester === semester);
}

export const noticeForms: Handlers<Pick<DocumentsApi, 'noticeForm' | 'noticeRegister'>> = {
  noticeForm: {
    permission: 'documents.notice',
    resource: (ctx, input) => noticeResource(ctx.store, input.noticeId),
    async run(ctx, { noticeId, format }) {
      const found = await noticeWithSignatures(ctx.store, noticeId);
      const n = found.notice;
      // Both copies are printed: the caller must be allowed the student's and the parent's (as on the tracker).
      const resource = { studentId: n.studentId, classId: n.classId, collegeId: n.collegeId };
      if (!isAllowed(ctx.actor, 'notice.readStudentCopy', resource) || !isAllowed(ctx.actor, 'notice.readParentCopy', resource)) throw new AccessDeniedError();
      return answer(ctx, noticeDocument(found), format, n.collegeId, { studentId: n.studentId, classId: n.classId, semester: n.semester });
    },
  },

  noticeRegister: {
    permission: 'documents.noticeRegister',
    resource: 'list',
    async run(ctx, { semester, format }) {
      const [collegeId] = wholeCollegeIdsFor(ctx.actor, 'documents.noticeRegister');
      if (!collegeId) throw new AccessDeniedError();
      const notices = await semesterNotices(ctx.store, collegeId, semester);
      const doc = noticeRegister({ collegeName: await collegeName(ctx.store, collegeId), semester, notices, classNames: await classNames(ctx.store, notices.map((n) => n.classId)) });
      return answer(ctx, doc, format, collegeId, { semester });
    },
  },
};
