import type { Student } from '../../types/domain';
import type { GradeRow } from '../../types/grade';
import type { Context } from '../platform/runtime/define-function';
import type { Stored } from '../platform/store/store';
import { sectionIdOf } from '../core/roster/ids';
import { refreshStaffGrants } from '../application/roster/staff-grants';
import { collegeStaff } from '../application/repositories/staff';

/**
 * A grade file's 授课教师 column names who taught each course: each (semester, course, teacher)
 * becomes a teaching section over the classes of the students graded, so the teacher (matched by
 * name among the college's staff; a name two staff share is left unmatched) sees those students.
 * Merges only: a chunk redone after a crash adds nothing twice.
 */
export async function recordTeaching(
  ctx: Context,
  collegeId: string,
  rows: readonly GradeRow[],
  roster: ReadonlyMap<string, Stored<Student>>,
): Promise<number> {
  const taught = rows.filter((r) => r.teacherName);
  if (taught.length === 0) return 0;
  const staff = await collegeStaff(ctx.store, collegeId);
  const byName = new Map<string, string | null>();
  for (const s of staff.filter((u) => u.active)) byName.set(s.name, byName.has(s.name) ? null : s._id);
  const sections = new Map<
    string,
    {
      semester: string;
      courseCode: string;
      courseName: string;
      teacherId: string;
      teacherName: string;
      classIds: Set<string>;
    }
  >();
  for (const r of taught) {
    const teacherId = byName.get(r.teacherName ?? '');
    const classId = roster.get(r.studentId)?.classId;
    if (!teacherId || !classId) continue;
    const id = sectionIdOf(collegeId, r.semester, r.courseCode, teacherId);
    const s = sections.get(id) ?? {
      semester: r.semester,
      courseCode: r.courseCode,
      courseName: r.courseName,
      teacherId,
      teacherName: r.teacherName ?? '',
      classIds: new Set<string>(),
    };
    s.classIds.add(classId);
    sections.set(id, s);
  }
  const write = ctx.write();
  let changed = 0;
  for (const [id, s] of sections) {
    const prev = await ctx.store.get('teachingSections', id);
    const classIds = [...new Set([...(prev?.classIds ?? []), ...s.classIds])].sort();
    if (prev && prev.classIds.length === classIds.length) continue;
    const doc = {
      collegeId,
      semester: s.semester,
      courseCode: s.courseCode,
      courseName: s.courseName,
      teacherId: s.teacherId,
      teacherName: s.teacherName,
      classIds,
      source: prev?.source ?? ('grades' as const),
    };
    if (prev) await ctx.store.update('teachingSections', id, doc, prev._version, write);
    else await ctx.store.add('teachingSections', { _id: id, ...doc }, write);
    changed++;
  }
  if (changed > 0) await refreshStaffGrants(ctx.store, collegeId, write);
  return changed;
}
