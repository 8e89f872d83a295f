import { STAFF_PREFIX, type TimetableRecord } from '../../types/roster';
import type { RowError } from '../core/grades/sheet-row';
import type { Comparable } from '../core/roster/roster-diff';
import type { Context } from '../platform/runtime/define-function';
import { queryAll } from '../platform/store/store';
import type { ReadRecord } from './read-roster';
import { collegeClasses } from '../application/repositories/classes';
import { collegeStaff } from '../application/repositories/staff';
import { sectionIdOf, staffUserId } from '../core/roster/ids';
import { markMissing, nameOf, type KindPlan } from './kind-plan';

export async function planTimetable(
  ctx: Context,
  collegeId: string,
  rows: ReadRecord<TimetableRecord>[],
): Promise<KindPlan> {
  const staff = new Map((await collegeStaff(ctx.store, collegeId)).filter((s) => s.active).map((s) => [s._id, s]));
  const classes = new Map(
    (await collegeClasses(ctx.store, collegeId)).filter((c) => c.active !== false).map((c) => [c.name, c]),
  );
  const stored = (await queryAll(ctx.store, 'teachingSections', { where: { collegeId } })).filter(
    (s) => s.source === 'timetable',
  );
  const errors: RowError[] = [];
  const good = rows.filter(({ rowNumber, record }) => {
    const before = errors.length;
    if (!staff.has(staffUserId(record.teacherNo)))
      errors.push({
        row: rowNumber,
        column: '任课教师工号',
        message: `工号 ${record.teacherNo} 不在教职工名单中，请先导入教职工名单`,
      });
    const unknown = record.classNames.filter((n) => !classes.has(n));
    if (unknown.length > 0)
      errors.push({ row: rowNumber, column: '上课班级', message: `班级不在班级名单中：${unknown.join('、')}` });
    return errors.length === before;
  });
  const keyOf = (semester: string, code: string, teacherId: string) =>
    `${semester}|${code}|${teacherId.replace(STAFF_PREFIX, '')}`;
  const view = (s: {
    semester: string;
    courseCode: string;
    courseName: string;
    teacherId: string;
    classes: string[];
  }): Comparable => ({
    label: `${s.semester} ${s.courseName}（${s.courseCode}）`,
    fields: { 任课教师: nameOf(staff, s.teacherId), 上课班级: [...s.classes].sort().join('、') },
  });
  const file = new Map(
    good.map(({ record: r }) => [
      keyOf(r.semester, r.courseCode, staffUserId(r.teacherNo)),
      view({ ...r, teacherId: staffUserId(r.teacherNo), classes: r.classNames }),
    ]),
  );
  const classNameOf = new Map([...classes.values()].map((c) => [c._id, c.name]));
  const storedView = new Map(
    stored.map((s) => [
      keyOf(s.semester, s.courseCode, s.teacherId),
      view({ ...s, classes: s.classIds.map((id) => classNameOf.get(id) ?? id) }),
    ]),
  );
  const byKey = new Map(stored.map((s) => [keyOf(s.semester, s.courseCode, s.teacherId), s]));
  return {
    errors,
    file,
    stored: storedView,
    async apply(diff, removeMissing) {
      const write = ctx.write();
      const records = new Map(good.map((g) => [g.key, g.record]));
      for (const c of [...diff.added, ...diff.changed]) {
        const r = records.get(c.key);
        if (!r) continue;
        const teacherId = staffUserId(r.teacherNo);
        const classIds = r.classNames.flatMap((n) => classes.get(n)?._id ?? []).sort();
        const id = sectionIdOf(collegeId, r.semester, r.courseCode, teacherId);
        const prev = byKey.get(c.key) ?? (await ctx.store.get('teachingSections', id));
        const fields = {
          collegeId,
          semester: r.semester,
          courseCode: r.courseCode,
          courseName: r.courseName,
          teacherId,
          teacherName: staff.get(teacherId)?.name ?? '',
          classIds,
          source: 'timetable' as const,
        };
        if (prev) await ctx.store.update('teachingSections', prev._id, fields, prev._version, write);
        else await ctx.store.add('teachingSections', { _id: id, ...fields }, write);
      }
      // A section is a timetable line, not a person: one the file no longer lists goes.
      return markMissing(
        diff,
        removeMissing,
        (key) => byKey.get(key),
        async (prev) => {
          await ctx.store.remove('teachingSections', prev._id);
        },
      );
    },
  };
}
