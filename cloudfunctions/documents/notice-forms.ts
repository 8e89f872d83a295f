import type { DocumentsApi } from '../../types/api/documents';
import { type Notice, type NoticeSignature } from '../../types/notice';
import { authorize, wholeCollegeOf } from '../core/access/authorize';
import { noticeForm } from '../core/documents/notice-form';
import { noticeRegister } from '../core/documents/notice-register';
import type { Handlers } from '../platform/runtime/define-function';
import { queryAll, type Store } from '../platform/store/store';
import { loadNotice, noticeResource } from '../application/repositories/notices';
import { answer } from './answer';
import { classNames, collegeName } from './facts';

/** The notice and both signatures, as the notices function's noticeRecord files them. */
export async function noticeWithSignatures(
  store: Store,
  noticeId: string,
): Promise<{ notice: Notice; student: NoticeSignature | null; parent: NoticeSignature | null }> {
  const notice = await loadNotice(store, noticeId);
  const [student, parent] = await Promise.all([
    store.get('noticeSignatures', `${noticeId}:student`),
    store.get('noticeSignatures', `${noticeId}:parent`),
  ]);
  return { notice, student, parent };
}

export function noticeDocument(n: { notice: Notice; student: NoticeSignature | null; parent: NoticeSignature | null }) {
  const { notice, student, parent } = n;
  return noticeForm(notice, {
    student: notice.ack && student ? { at: notice.ack.at, image: student.image } : null,
    parent: notice.receipt && parent ? { image: parent.image } : null,
  });
}

/** The college's notices issued in a semester, every version (by college, one indexed read). */
export async function semesterNotices(store: Store, collegeId: string, semester: string): Promise<Notice[]> {
  const rows = await queryAll(store, 'notices', { where: { collegeId } });
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
      authorize(ctx.actor, 'notice.readStudentCopy', resource);
      authorize(ctx.actor, 'notice.readParentCopy', resource);
      return answer(ctx, noticeDocument(found), format, n.collegeId, {
        studentId: n.studentId,
        classId: n.classId,
        semester: n.semester,
      });
    },
  },

  noticeRegister: {
    permission: 'documents.noticeRegister',
    resource: 'list',
    async run(ctx, { semester, format }) {
      const collegeId = wholeCollegeOf(ctx.actor, 'documents.noticeRegister');
      const notices = await semesterNotices(ctx.store, collegeId, semester);
      const doc = noticeRegister({
        collegeName: await collegeName(ctx.store, collegeId),
        semester,
        notices,
        classNames: await classNames(
          ctx.store,
          notices.map((n) => n.classId),
        ),
      });
      return answer(ctx, doc, format, collegeId, { semester });
    },
  },
};
