import type { NoticesApi, NoticeStatusRow } from '../../../types/api/notices';
import { maskPhone, type Student } from '../../../types/domain';
import type { Notice } from '../../../types/notice';
import { isAllowed } from '../../core/access/authorize';
import { classResource, loadClass } from '../../platform/directory/directory';
import type { ActionSpec, Context } from '../../platform/runtime/define-function';
import { queryAll } from '../../platform/store/store';
import { bindingsOf, issuedNoticesOfClass, messagesAbout } from '../repositories/notices';
import { parentsOf } from './parents';
import { statusRow } from './views';

type Api = NoticesApi;

/**
 * The counselor's list for a class: per warned student, sent / read / signed or objected /
 * parent bound / receipt or phone contact, overdue after the week (rules: 001-2.5), flags, refusals.
 */
export const classStatus: ActionSpec<Api['classStatus']> = {
  permission: 'notice.trackStatus',
  resource: (ctx, input) => classResource(ctx.store, input.classId),
  async run(ctx, { classId }) {
    const cls = await loadClass(ctx.store, classId);
    const notices = await issuedNoticesOfClass(ctx.store, classId);
    const ids = notices.map((n) => n._id);
    const messages = await messagesAbout(ctx.store, ids, 200);
    const studentIds = [...new Set(notices.map((n) => n.studentId))];
    const parents = await parentsOf(ctx.store, studentIds);
    const bindings = await bindingsOf(ctx.store, studentIds);
    const students = new Map(
      (studentIds.length > 0 ? await queryAll(ctx.store, 'students', { where: { _id: { in: studentIds } } }) : []).map(
        (s) => [s._id, s],
      ),
    );
    const nowIso = ctx.nowIso();
    return {
      classId,
      className: cls.name,
      rows: notices.map((n) =>
        statusRow(n, {
          messages,
          parentBound: (parents.get(n.studentId)?.length ?? 0) > 0,
          bindingFlagged: bindings.some(
            (b) => b.studentId === n.studentId && b.flags.includes('parentOfUnrelatedStudents'),
          ),
          nowIso,
          parent: parentContact(ctx, students.get(n.studentId), n),
        }),
      ),
    };
  },
};

/**
 * The parent on file as this caller may see it: staff who handle the student (student.readContact:
 * class staff, the clerk) get the number to call; anyone else tracking the list (a leader) sees it
 * masked. A warning is not a disciplinary record, and a phone number is not for everyone either.
 */
function parentContact(
  ctx: Context,
  student: Student | undefined,
  n: Pick<Notice, 'studentId' | 'classId' | 'collegeId'>,
): NoticeStatusRow['parent'] {
  if (!student || !student.parentPhone) return { name: student?.parentName ?? '', phone: '', callable: false };
  const callable = isAllowed(ctx.actor, 'student.readContact', {
    studentId: n.studentId,
    classId: n.classId,
    collegeId: n.collegeId,
  });
  return { name: student.parentName, phone: callable ? student.parentPhone : maskPhone(student.parentPhone), callable };
}
