import { campusApi, type ClassSummary } from '../../types/api/campus';
import { roleLabel, type ClassInfo } from '../../types/domain';
import { classIdsFor, isAllowed } from '../core/access/authorize';
import { classScopesOf } from '../core/access/class-reach';
import { classesWithin } from '../application/repositories/classes';
import { classStudents } from '../application/repositories/students';
import {
  classesByIds,
  classResource,
  dormLabel,
  loadClass,
  loadStudent,
  profilesOf,
  studentResource,
  usersByIds,
} from '../platform/directory/directory';
import { defineFunction, type Context } from '../platform/runtime/define-function';
import { queryAll, type Stored } from '../platform/store/store';
import { calendarView, setSemesterDates } from './calendar';

/** Classes the caller may see: the ones they serve, plus every class of a college they run. */
async function visibleClasses(ctx: Context): Promise<Stored<ClassInfo>[]> {
  const byId = new Map((await classesByIds(ctx.store, classIdsFor(ctx.actor, 'class.read'))).map((c) => [c._id, c]));
  for (const where of classScopesOf(ctx.actor.grants)) {
    for (const c of await classesWithin(ctx.store, where)) byId.set(c._id, c);
  }
  return [...byId.values()].sort((a, b) => a._id.localeCompare(b._id));
}

function relationTo(ctx: Context, cls: ClassInfo): string[] {
  const labels = ctx.actor.grants.flatMap((g) => {
    if ('classIds' in g && g.classIds.includes(cls._id)) return [roleLabel[g.role]];
    if ('collegeId' in g && g.collegeId === cls.collegeId) return [roleLabel[g.role]];
    return [];
  });
  return [...new Set(labels)];
}

export const campusFunction = defineFunction('campus', campusApi, {
  myClasses: {
    permission: 'class.read',
    resource: 'list',
    async run(ctx) {
      const classes = await visibleClasses(ctx);
      const staff = await usersByIds(
        ctx.store,
        classes.flatMap((c) => [c.counselorId, c.headTeacherId, ...(c.assistantId ? [c.assistantId] : [])]),
      );
      return classes.map((c): ClassSummary => {
        const assistantName = c.assistantId ? staff.get(c.assistantId)?.name : undefined;
        return {
          classId: c._id,
          name: c.name,
          cohort: c.cohort,
          major: c.major,
          size: c.size,
          counselorName: staff.get(c.counselorId)?.name ?? '—',
          headTeacherName: staff.get(c.headTeacherId)?.name ?? '—',
          ...(assistantName ? { assistantName } : {}),
          relation: relationTo(ctx, c),
        };
      });
    },
  },

  classStudents: {
    permission: 'class.read',
    resource: (ctx, input) => classResource(ctx.store, input.classId),
    async run(ctx, { classId }) {
      const cls = await loadClass(ctx.store, classId);
      const students = await classStudents(ctx.store, classId);
      const dorms = new Map(
        (
          await queryAll(ctx.store, 'dorms', { where: { _id: { in: [...new Set(students.map((s) => s.dormId))] } } })
        ).map((d) => [d._id, d]),
      );
      return {
        classId,
        className: cls.name,
        students: students.map((s) => ({
          studentId: s._id,
          name: s.name,
          gender: s.gender,
          dormLabel: dormLabel(dorms.get(s.dormId)),
        })),
      };
    },
  },

  student: {
    permission: 'student.read',
    resource: (ctx, input) => studentResource(ctx.store, input.studentId),
    async run(ctx, { studentId }) {
      const student = await loadStudent(ctx.store, studentId);
      const [profile] = await profilesOf(ctx.store, [student]);
      if (!profile) throw new Error('profile of a loaded student is missing');
      const dorm = student.dormId ? await ctx.store.get('dorms', student.dormId) : null;
      const contact = isAllowed(ctx.actor, 'student.readContact', {
        studentId,
        classId: student.classId,
        collegeId: student.collegeId,
      });
      return {
        ...profile,
        dormLabel: dormLabel(dorm),
        ...(contact ? { parentName: student.parentName, parentPhone: student.parentPhone } : {}),
      };
    },
  },

  calendar: {
    permission: 'calendar.read',
    run: (ctx) => calendarView(ctx),
  },

  setSemester: {
    permission: 'calendar.write',
    run: (ctx, input) => setSemesterDates(ctx, input),
  },
});
