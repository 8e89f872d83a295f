import { roleLabel, type Dorm, type Role, type User } from '../../types/domain';
import {
  STAFF_PREFIX,
  type ClassRecord,
  type RosterKind,
  type RosterRecord,
  type StaffRecord,
  type StudentRecord,
  type TimetableRecord,
} from '../../types/roster';
import type { RowError } from '../core/grades/sheet-row';
import type { Comparable, RosterDiff } from '../core/roster/roster-diff';
import { MAX_ASSISTANT_CLASSES, overloadedAssistantRows } from '../core/roster/assistant-limit';
import type { Context } from '../platform/runtime/define-function';
import type { StudentDocument } from '../platform/store/documents/people';
import { queryAll } from '../platform/store/store';
import type { ReadRecord } from './read-roster';
import { queryIn } from '../application/grades/roster';
import { mayGrantRoles } from '../core/access/school-role';
import { collegeClasses } from '../application/repositories/classes';
import { collegeStudents } from '../application/repositories/students';
import { collegeStaff, pendingOpenid } from '../application/repositories/staff';
import { classIdOf, dormIdOf, sectionIdOf, staffUserId, studentUserId } from '../core/roster/ids';

/** A student as the roster import stores them: the domain record plus the file's extra fields. */
export type StudentDoc = StudentDocument;

/** What one kind of file means for the store: rows that name unknown things, both sides to compare, the writes. */
export type KindPlan = {
  errors: RowError[];
  file: Map<string, Comparable>;
  stored: Map<string, Comparable>;
  /** Writes the diff; with removeMissing, marks what the file no longer lists (never deletes). Returns how many were marked. */
  apply(diff: RosterDiff, removeMissing: boolean): Promise<number>;
};

/**
 * With removeMissing, marks each stored record the file no longer lists (`mark` returns false to
 * leave one alone); never deletes people. Returns how many were marked.
 */
async function markMissing<T>(
  diff: RosterDiff,
  removeMissing: boolean,
  storedOf: (key: string) => T | undefined,
  mark: (prev: T) => Promise<boolean | void>,
): Promise<number> {
  if (!removeMissing) return 0;
  let marked = 0;
  for (const c of diff.missing) {
    const prev = storedOf(c.key);
    if (prev !== undefined && (await mark(prev)) !== false) marked++;
  }
  return marked;
}

const nameOf = (staff: ReadonlyMap<string, Pick<User, 'name'>>, userId: string | undefined) =>
  userId ? `${staff.get(userId)?.name ?? ''}（${userId.replace(STAFF_PREFIX, '')}）` : '';

async function planStudents(ctx: Context, collegeId: string, rows: ReadRecord<StudentRecord>[]): Promise<KindPlan> {
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

async function planClasses(ctx: Context, collegeId: string, rows: ReadRecord<ClassRecord>[]): Promise<KindPlan> {
  const staff = new Map((await collegeStaff(ctx.store, collegeId)).filter((s) => s.active).map((s) => [s._id, s]));
  const stored = (await collegeClasses(ctx.store, collegeId)).filter((c) => c.active !== false);
  const errors: RowError[] = [];
  const overloaded = new Set(
    overloadedAssistantRows(rows.map((r) => ({ rowNumber: r.rowNumber, assistantNo: r.record.assistantNo }))).map(
      (r) => r.rowNumber,
    ),
  );
  const good = rows.filter(({ rowNumber, record }) => {
    const before = errors.length;
    const check = (no: string, column: string) => {
      if (no !== '' && !staff.has(staffUserId(no)))
        errors.push({ row: rowNumber, column, message: `工号 ${no} 不在教职工名单中，请先导入教职工名单` });
    };
    check(record.counselorNo, '辅导员');
    check(record.headTeacherNo, '班主任');
    check(record.assistantNo, '学业助理');
    if (overloaded.has(rowNumber))
      errors.push({
        row: rowNumber,
        column: '学业助理',
        message: `学业助理 ${record.assistantNo} 已在前面服务 ${MAX_ASSISTANT_CLASSES} 个班（每位学业助理最多 ${MAX_ASSISTANT_CLASSES} 个班）`,
      });
    return errors.length === before;
  });
  const view = (c: {
    name: string;
    major: string;
    cohort: number;
    department: string;
    counselor: string;
    head: string;
    assistant?: string;
  }): Comparable => ({
    label: c.name,
    fields: {
      专业: c.major,
      年级: String(c.cohort),
      系: c.department,
      辅导员: nameOf(staff, c.counselor),
      班主任: nameOf(staff, c.head),
      学业助理: nameOf(staff, c.assistant),
    },
  });
  const college = await ctx.store.get('colleges', collegeId);
  const deptName = (id: string) => college?.departments.find((d) => d.id === id)?.name ?? id;
  const byName = new Map(stored.map((c) => [c.name, c]));
  // An assistant the 学业助理 programme assigned is not on the staff list: a blank cell keeps them.
  const programmeAssistant = (className: string): string | undefined => {
    const id = byName.get(className)?.assistantId;
    return id && !staff.has(id) ? id : undefined;
  };
  const assistantOf = (r: ClassRecord) => (r.assistantNo ? staffUserId(r.assistantNo) : programmeAssistant(r.name));
  const file = new Map(
    good.map(({ record: r }) => {
      const assistant = assistantOf(r);
      return [
        r.name,
        view({
          ...r,
          counselor: staffUserId(r.counselorNo),
          head: staffUserId(r.headTeacherNo),
          ...(assistant ? { assistant } : {}),
        }),
      ];
    }),
  );
  const storedView = new Map(
    stored.map((c) => [
      c.name,
      view({
        ...c,
        department: deptName(c.departmentId),
        counselor: c.counselorId,
        head: c.headTeacherId,
        ...(c.assistantId ? { assistant: c.assistantId } : {}),
      }),
    ]),
  );
  return {
    errors,
    file,
    stored: storedView,
    async apply(diff, removeMissing) {
      const write = ctx.write();
      const records = new Map(good.map((g) => [g.record.name, g.record]));
      // Departments the classes name join the college's list (a department head is named by it).
      if (college) {
        const names = [...new Set(good.map((g) => g.record.department))].filter(
          (n) => !college.departments.some((d) => d.name === n || d.id === n),
        );
        if (names.length > 0)
          await ctx.store.update(
            'colleges',
            collegeId,
            { departments: [...college.departments, ...names.map((n) => ({ id: n, name: n }))] },
            college._version,
            write,
          );
      }
      for (const c of [...diff.added, ...diff.changed]) {
        const r = records.get(c.key);
        if (!r) continue;
        const prev = byName.get(r.name) ?? (await ctx.store.get('classes', classIdOf(collegeId, r.name)));
        const departmentId = college?.departments.find((d) => d.name === r.department)?.id ?? r.department;
        const fields = {
          name: r.name,
          collegeId,
          departmentId,
          cohort: r.cohort,
          major: r.major,
          counselorId: staffUserId(r.counselorNo),
          headTeacherId: staffUserId(r.headTeacherNo),
          active: true,
        };
        const assistantId = assistantOf(r);
        const assistant = assistantId ? { assistantId } : {};
        if (prev)
          await ctx.store.update(
            'classes',
            prev._id,
            { ...fields, assistantId: assistantId ?? '' },
            prev._version,
            write,
          );
        else
          await ctx.store.add(
            'classes',
            { _id: classIdOf(collegeId, r.name), ...fields, ...assistant, size: 0 },
            write,
          );
      }
      return markMissing(
        diff,
        removeMissing,
        (key) => byName.get(key),
        async (prev) => {
          await ctx.store.update('classes', prev._id, { active: false }, prev._version, write);
        },
      );
    },
  };
}

const rolesText = (roles: readonly Role[]) => roles.map((r) => roleLabel[r]).join('、');

/** Ids among `ids` whose record exists with another college: a file may only speak for its own. */
async function keptByOtherCollege(
  ctx: Context,
  collection: 'students' | 'users',
  ids: string[],
  collegeId: string,
): Promise<Set<string>> {
  const found = await queryIn(ctx.store, collection, '_id', ids);
  return new Set(found.filter((d) => d.collegeId !== undefined && d.collegeId !== collegeId).map((d) => d._id));
}

async function planStaff(ctx: Context, collegeId: string, allRows: ReadRecord<StaffRecord>[]): Promise<KindPlan> {
  const errors: RowError[] = [];
  const elsewhere = await keptByOtherCollege(
    ctx,
    'users',
    allRows.map((r) => staffUserId(r.record.staffNo)),
    collegeId,
  );
  const rows = allRows.filter(({ rowNumber, record }) => {
    if (elsewhere.has(staffUserId(record.staffNo))) {
      errors.push({
        row: rowNumber,
        column: '工号',
        message: `工号 ${record.staffNo} 属于其他学院的教职工，不能在本学院导入`,
      });
      return false;
    }
    // School-wide reach (学工部) is granted by the school, not by a college's staff file.
    if (!mayGrantRoles(ctx.actor.grants, record.roles)) {
      errors.push({ row: rowNumber, column: '角色', message: '学工部角色只能由学工部导入或设置' });
      return false;
    }
    return true;
  });
  const stored = (await collegeStaff(ctx.store, collegeId)).filter((s) => s.active);
  const view = (
    s: { name: string; roles: readonly Role[]; phone: string; department: string },
    no: string,
  ): Comparable => ({
    label: `${no} ${s.name}`,
    fields: { 姓名: s.name, 角色: rolesText(s.roles), 手机: s.phone, 部门: s.department },
  });
  const file = new Map(rows.map(({ record: r }) => [r.staffNo, view(r, r.staffNo)]));
  const storedView = new Map(stored.map((s) => [s.staffNo, view(s, s.staffNo)]));
  const byNo = new Map(stored.map((s) => [s.staffNo, s]));
  return {
    errors,
    file,
    stored: storedView,
    async apply(diff, removeMissing) {
      const write = ctx.write();
      const records = new Map(rows.map((g) => [g.record.staffNo, g.record]));
      for (const c of [...diff.added, ...diff.changed]) {
        const r = records.get(c.key);
        if (!r) continue;
        const userId = staffUserId(r.staffNo);
        const prev = byNo.get(r.staffNo) ?? (await ctx.store.get('users', userId));
        const fields = {
          name: r.name,
          staffNo: r.staffNo,
          roles: r.roles,
          phone: r.phone,
          department: r.department,
          collegeId,
          active: true,
        };
        if (prev) await ctx.store.update('users', userId, fields, prev._version, write);
        else await ctx.store.add('users', { _id: userId, openid: pendingOpenid(userId), grants: [], ...fields }, write);
      }
      return markMissing(
        diff,
        removeMissing,
        (key) => byNo.get(key),
        async (prev) => {
          if (prev._id === ctx.actor.userId) return false; // the clerk never locks themself out
          await ctx.store.update('users', prev._id, { active: false }, prev._version, write);
        },
      );
    },
  };
}

async function planTimetable(ctx: Context, collegeId: string, rows: ReadRecord<TimetableRecord>[]): Promise<KindPlan> {
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

/** The plan of a file of this kind (the records were read by the kind's own reader). */
export function planKind(
  ctx: Context,
  kind: RosterKind,
  collegeId: string,
  rows: ReadRecord<RosterRecord>[],
): Promise<KindPlan> {
  const pick = <R extends RosterRecord>(test: (r: RosterRecord) => r is R) =>
    rows.filter((r): r is ReadRecord<R> => test(r.record));
  switch (kind) {
    case 'students':
      return planStudents(
        ctx,
        collegeId,
        pick((r): r is StudentRecord => 'studentId' in r),
      );
    case 'classes':
      return planClasses(
        ctx,
        collegeId,
        pick((r): r is ClassRecord => 'counselorNo' in r),
      );
    case 'staff':
      return planStaff(
        ctx,
        collegeId,
        pick((r): r is StaffRecord => 'staffNo' in r),
      );
    case 'timetable':
      return planTimetable(
        ctx,
        collegeId,
        pick((r): r is TimetableRecord => 'teacherNo' in r && 'classNames' in r),
      );
  }
}
