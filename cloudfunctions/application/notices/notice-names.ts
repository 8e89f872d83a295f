import { roleLabel, type User } from '../../../types/domain';
import type { Warning } from '../../../types/warning';
import { staffRoleFor } from '../../core/access/own-grants';
import type { NoticeNames, StaffContact } from '../../core/notices/render';
import { usersByIds } from '../../platform/directory/directory';
import { queryAll, type Store } from '../../platform/store/store';

/** Students per `in` query. */
const CHUNK = 500;

/** "辅导员张伟": the role by which the person reaches the student's class, then their name. */
function withRole(user: User, classId: string): string {
  const role = staffRoleFor(user.grants, classId);
  return role ? `${roleLabel[role]}${user.name}` : user.name;
}

function contactOf(role: StaffContact['role'], user: User | undefined): StaffContact[] {
  return user ? [{ role, name: user.name, phone: user.phone ?? '' }] : [];
}

/**
 * Names the notice text needs, per student id: college, class, the parent on file, who added the
 * student by hand, and the class's counselor and head teacher with their phones (for the parent
 * copy). Read before the transaction, because a CloudBase transaction cannot query.
 */
export async function loadNoticeNames(
  store: Store,
  warnings: (Pick<Warning, 'studentId'> & Partial<Pick<Warning, 'manual'>>)[],
): Promise<Map<string, NoticeNames>> {
  const ids = [...new Set(warnings.map((w) => w.studentId))];
  const manualBy = new Map(warnings.flatMap((w) => (w.manual ? [[w.studentId, w.manual.by] as const] : [])));
  const out = new Map<string, NoticeNames>();
  for (let i = 0; i < ids.length; i += CHUNK) {
    const students = await queryAll(store, 'students', { where: { _id: { in: ids.slice(i, i + CHUNK) } } });
    const classes = new Map(
      (await queryAll(store, 'classes', { where: { _id: { in: [...new Set(students.map((s) => s.classId))] } } })).map(
        (c) => [c._id, c],
      ),
    );
    const colleges = new Map<string, string>();
    for (const collegeId of new Set(students.map((s) => s.collegeId)))
      colleges.set(collegeId, (await store.get('colleges', collegeId))?.name ?? '学院');
    const staffIds = [...classes.values()].flatMap((c) => [c.counselorId, c.headTeacherId]);
    const users = await usersByIds(store, [
      ...new Set([...staffIds, ...students.flatMap((s) => manualBy.get(s._id) ?? [])]),
    ]);
    for (const s of students) {
      const cls = classes.get(s.classId);
      const adder = manualBy.has(s._id) ? users.get(manualBy.get(s._id) ?? '') : undefined;
      out.set(s._id, {
        collegeName: colleges.get(s.collegeId) ?? '学院',
        className: cls?.name ?? '',
        parentName: s.parentName ? `${s.parentName}家长` : '家长',
        ...(adder ? { manualByName: withRole(adder, s.classId) } : {}),
        contacts: cls
          ? [...contactOf('辅导员', users.get(cls.counselorId)), ...contactOf('班主任', users.get(cls.headTeacherId))]
          : [],
      });
    }
  }
  return out;
}
