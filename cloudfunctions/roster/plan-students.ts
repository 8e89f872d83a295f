import type { Dorm, User } from '../../types/domain';
import type { StudentRecord } from '../../types/roster';
import type { RowError } from '../core/grades/sheet-row';
import type { Comparable } from '../core/roster/roster-diff';
import type { Context } from '../platform/runtime/define-function';
import type { StudentDocument } from '../platform/store/documents/people';
import { queryAll, queryIn } from '../platform/store/store';
import type { ReadRecord } from './read-roster';
import { collegeClasses } from '../application/repositories/classes';
import { collegeStudents } from '../application/repositories/students';
import { pendingOpenid } from '../application/repositories/staff';
import { dormIdOf, studentUserId } from '../core/roster/ids';
import { keptByOtherCollege, markMissing, type KindPlan } from './kind-plan';

/** A student as the roster import stores them: the domain record plus the file's extra fields. */
export type StudentDoc = StudentDocument;

export async function planStudents(
  ctx: Context,
  collegeId: string,
  rows: ReadRecord<StudentRecord>[],
): Promise<KindPlan> {
  const classes = (await collegeClasses(ctx.store, collegeId)).filter((c) => c.active !== false);
  const byName = new Map(classes.map((c) => [c.name, c]));
  const stored = (await collegeStudents(ctx.store, collegeId)).filter((s) => s.enrolled !== false);
  const dorms = new Map((await queryAll(ctx.store, 'dorms', { where: { collegeId } })).map((d) => [d._id, d]));
  const classNameOf = new Map(classes.map((c) => [c._id, c.name]));
  const errors: RowError[] = [];
  // A 学号 already kept by another college is never taken over by this college's file.
  const elsewhere = await keptByOtherCollege(
    ctx,
    'students',
    rows.map((r) => r.record.studentId),
    collegeId,
  );
  const good = rows.filter(({ rowNumber, record }) => {
    if (elsewhere.has(record.studentId)) {
      errors.push({
        row: rowNumber,
        column: '学号',
        message: `学号 ${record.studentId} 属于其他学院，不能在本学院导入；如转学院，请由学工部办理`,
      });
      return false;
    }
    if (byName.has(record.className)) return true;
    errors.push({
      row: rowNumber,
      column: '班级',
      message: `班级“${record.className}”不在班级名单中，请先导入班级名单`,
    });
    return false;
  });
  const view = (
    s: {
      name: string;
      gender: string;
      className: string;
      major: string;
      cohort: number;
      dorm: string;
      parentName: string;
      phones: string[];
    },
    id: string,
  ): Comparable => ({
    label: `${id} ${s.name}`,
    fields: {
      姓名: s.name,
      性别: s.gender,
      班级: s.className,
      专业: s.major,
      年级: String(s.cohort),
      宿舍: s.dorm,
      家长姓名: s.parentName,
      家长电话: s.phones.join('、'),
    },
  });
  const file = new Map(
    good.map(({ record: r }) => [
      r.studentId,
      view(
        { ...r, dorm: r.dormBuilding ? `${r.dormBuilding} ${r.dormRoom}` : '', phones: r.parentPhones },
        r.studentId,
      ),
    ]),
  );
  const storedView = new Map(
    stored.map((s) => {
      const dorm = dorms.get(s.dormId);
      return [
        s._id,
        view(
          {
            ...s,
            className: classNameOf.get(s.classId) ?? s.classId,
            major: s.major ?? '',
            dorm: dorm ? `${dorm.building} ${dorm.room}` : '',
            phones: s.parentPhones ?? [s.parentPhone],
          },
          s._id,
        ),
      ];
    }),
  );
  const storedById = new Map(stored.map((s) => [s._id, s]));
  return {
    errors,
    file,
    stored: storedView,
    async apply(diff, removeMissing) {
      const write = ctx.write();
      const records = new Map(good.map((g) => [g.record.studentId, g.record]));
      const touched = [...diff.added, ...diff.changed].flatMap((c) => {
        const r = records.get(c.key);
        return r ? [r] : [];
      });
      // Dorms first: a student names their dorm by id.
      const dormClasses = new Map<string, Set<string>>();
      for (const r of good.map((g) => g.record)) {
        if (!r.dormBuilding) continue;
        const dormId = dormIdOf(collegeId, r.dormBuilding, r.dormRoom);
        const set = dormClasses.get(dormId) ?? new Set(dorms.get(dormId)?.classIds ?? []);
        set.add(byName.get(r.className)?._id ?? '');
        dormClasses.set(dormId, set);
      }
      const where = new Map(
        good.flatMap((g) =>
          g.record.dormBuilding
            ? [[dormIdOf(collegeId, g.record.dormBuilding, g.record.dormRoom), g.record] as const]
            : [],
        ),
      );
      const newDorms: Dorm[] = [];
      for (const [dormId, set] of dormClasses) {
        const classIds = [...set].filter((c) => c !== '').sort();
        const prev = dorms.get(dormId);
        const sample = where.get(dormId);
        if (!prev && sample)
          newDorms.push({ _id: dormId, building: sample.dormBuilding, room: sample.dormRoom, collegeId, classIds });
        else if (prev && prev.classIds.join() !== classIds.join())
          await ctx.store.update('dorms', dormId, { classIds }, prev._version, write);
      }
      if (newDorms.length > 0) await ctx.store.addMany('dorms', newDorms, write);
      // Reads in batches, new records in one write each: a first import of thousands of students stays well inside a cloud function's time.
      const existing = new Map(
        (
          await queryIn(
            ctx.store,
            'students',
            '_id',
            touched.map((r) => r.studentId),
          )
        ).map((d) => [d._id, d]),
      );
      const users = new Map(
        (
          await queryIn(
            ctx.store,
            'users',
            '_id',
            touched.map((r) => studentUserId(r.studentId)),
          )
        ).map((u) => [u._id, u]),
      );
      const newStudents: StudentDoc[] = [];
      const newUsers: User[] = [];
      for (const r of touched) {
        const doc: StudentDoc = {
          _id: r.studentId,
          name: r.name,
          gender: r.gender,
          classId: byName.get(r.className)?._id ?? '',
          collegeId,
          cohort: r.cohort,
          dormId: r.dormBuilding ? dormIdOf(collegeId, r.dormBuilding, r.dormRoom) : '',
          parentName: r.parentName,
          parentPhone: r.parentPhones[0] ?? '',
          parentPhones: r.parentPhones,
          major: r.major,
          enrolled: true,
        };
        const prev = existing.get(r.studentId);
        const { _id, ...fields } = doc;
        if (prev) await ctx.store.update('students', _id, fields, prev._version, write);
        else newStudents.push(doc);
        const userId = studentUserId(r.studentId);
        const user = users.get(userId);
        const grants: User['grants'] = [{ role: 'student', studentId: r.studentId }];
        if (!user) newUsers.push({ _id: userId, openid: pendingOpenid(userId), name: r.name, grants });
        else if (user.name !== r.name || user.grants.length === 0)
          await ctx.store.update('users', userId, { name: r.name, grants }, user._version, write);
      }
      if (newStudents.length > 0) await ctx.store.addMany('students', newStudents, write);
      if (newUsers.length > 0) await ctx.store.addMany('users', newUsers, write);
      const removed = await markMissing(
        diff,
        removeMissing,
        (key) => storedById.get(key),
        async (prev) => {
          await ctx.store.update('students', prev._id, { enrolled: false }, prev._version, write);
          const user = await ctx.store.get('users', studentUserId(prev._id));
          if (user) await ctx.store.update('users', user._id, { grants: [] }, user._version, write);
        },
      );
      // Class sizes follow the roster.
      const enrolled = await collegeStudents(ctx.store, collegeId);
      for (const cls of classes) {
        const size = enrolled.filter((s) => s.classId === cls._id && s.enrolled !== false).length;
        if (size !== cls.size) await ctx.store.update('classes', cls._id, { size }, cls._version, write);
      }
      return removed;
    },
  };
}
