import {
  teachingApi,
  type ConcernView,
  type MyTeaching,
  type StudentOfMine,
  type WarnedStudentRow,
} from '../../types/api/teaching';
import { concernKindLabel, type Concern } from '../../types/concern';
import type { Student } from '../../types/domain';
import { type TeachingSection } from '../../types/roster';
import { type Warning } from '../../types/warning';
import { classIdsFor } from '../core/access/authorize';
import { concernReach } from '../core/access/teaching-reach';
import { NotFoundError } from '../core/errors';
import { concernAnswered } from '../core/teaching/concern-answered';
import { classesByIds, studentResource } from '../platform/directory/directory';
import { enqueue } from '../platform/messenger/outbox';
import { defineFunction, type Context } from '../platform/runtime/define-function';
import { queryAll, type Stored } from '../platform/store/store';
import { queryIn } from '../platform/store/store';
import { enrolledStudentsOf } from '../application/repositories/students';
import { previousSemesterId, semesterAt } from '../core/calendar/current';
import { calendarSettings } from '../platform/calendar/stored-calendar';

/**
 * The sections the caller teaches now or taught last semester (from the timetable, or a grade
 * file's 授课教师): a warning reaches the teachers who handle the student, not everyone who ever
 * taught the class (rules: 004-1.3).
 */
async function mySections(ctx: Context): Promise<Stored<TeachingSection>[]> {
  const { semester } = semesterAt(await calendarSettings(ctx.store), Date.parse(ctx.nowIso()));
  const recent = new Set([semester.id, previousSemesterId(semester.id)]);
  const rows = (await queryAll(ctx.store, 'teachingSections', { where: { teacherId: ctx.actor.userId } })).filter((s) =>
    recent.has(s.semester),
  );
  return rows.sort((a, b) => b.semester.localeCompare(a.semester) || a.courseCode.localeCompare(b.courseCode));
}

async function views(ctx: Context, rows: readonly Stored<Concern>[]): Promise<ConcernView[]> {
  const classes = new Map(
    (await classesByIds(ctx.store, [...new Set(rows.map((r) => r.classId))])).map((c) => [c._id, c.name]),
  );
  return [...rows]
    .sort((a, b) => b.at.localeCompare(a.at))
    .map(({ collegeId: _college, ...c }) => ({
      ...c,
      kindLabel: concernKindLabel[c.kind],
      className: classes.get(c.classId) ?? '',
    }));
}

/**
 * Course teachers (the warning list reaches them; rules: 004-2.4): their sections' students, those
 * under warning, and concerns they raise before grades are in; the class's counselor closes a
 * concern with an outcome the teacher is told.
 */
export const teachingFunction = defineFunction('teaching', teachingApi, {
  mine: {
    permission: 'teaching.read',
    async run(ctx): Promise<MyTeaching> {
      const sections = await mySections(ctx);
      const classIds = [...new Set(sections.flatMap((s) => s.classIds))];
      const classes = new Map((await classesByIds(ctx.store, classIds)).map((c) => [c._id, c]));
      const students = await enrolledStudentsOf(ctx.store, classIds);
      const warnings = await queryIn(
        ctx.store,
        'warnings',
        'studentId',
        students.map((s) => s._id),
      );
      const active = new Map<string, Warning>();
      for (const w of warnings)
        if (w.status === 'active' && (active.get(w.studentId)?.semester ?? '') < w.semester) active.set(w.studentId, w);
      const coursesOf = (s: Student) => sections.filter((sec) => sec.classIds.includes(s.classId));
      const warned: WarnedStudentRow[] = students.flatMap((s) => {
        const w = active.get(s._id);
        return w
          ? [
              {
                studentId: s._id,
                name: s.name,
                className: classes.get(s.classId)?.name ?? '',
                levelName: w.levelName,
                semester: w.semester,
                courseNames: [...new Set(coursesOf(s).map((c) => c.courseName))],
              },
            ]
          : [];
      });
      const latest = new Map<string, StudentOfMine>();
      for (const s of students) {
        const sec = coursesOf(s)[0];
        if (sec)
          latest.set(s._id, {
            studentId: s._id,
            name: s.name,
            className: classes.get(s.classId)?.name ?? '',
            courseCode: sec.courseCode,
            courseName: sec.courseName,
            warned: active.has(s._id),
          });
      }
      return {
        sections: sections.map((s) => ({
          semester: s.semester,
          courseCode: s.courseCode,
          courseName: s.courseName,
          classNames: s.classIds.map((id) => classes.get(id)?.name ?? id),
          students: students.filter((st) => s.classIds.includes(st.classId)).length,
        })),
        warned: warned.sort((a, b) => a.className.localeCompare(b.className) || a.studentId.localeCompare(b.studentId)),
        students: [...latest.values()].sort((a, b) => a.studentId.localeCompare(b.studentId)),
      };
    },
  },

  raiseConcern: {
    permission: 'concern.raise',
    async run(ctx, { studentId, courseCode, kind, note }) {
      const found = await ctx.store.get('students', studentId);
      const { student, section } = concernReach(found, found ? await mySections(ctx) : [], courseCode);
      const write = ctx.write();
      const concern: Concern = {
        _id: `concern-${studentId}-${courseCode}-${write.at}`,
        collegeId: student.collegeId,
        classId: student.classId,
        studentId,
        studentName: student.name,
        courseCode,
        courseName: section.courseName,
        semester: section.semester,
        teacherId: ctx.actor.userId,
        teacherName: ctx.actor.name,
        kind,
        note,
        status: 'open',
        at: write.at,
        outcome: null,
        closedBy: null,
        closedByName: null,
        closedAt: null,
      };
      const stored = await ctx.store.add('concerns', concern, write);
      const [view] = await views(ctx, [stored]);
      if (!view) throw new NotFoundError('该反映');
      return view;
    },
  },

  myConcerns: {
    permission: 'teaching.read',
    run: async (ctx) => views(ctx, await queryAll(ctx.store, 'concerns', { where: { teacherId: ctx.actor.userId } })),
  },

  queue: {
    permission: 'concern.read',
    resource: 'list',
    async run(ctx, { status }) {
      const classIds = classIdsFor(ctx.actor, 'concern.read');
      if (classIds.length === 0) return [];
      return views(ctx, await queryAll(ctx.store, 'concerns', { where: { classId: { in: classIds }, status } }));
    },
  },

  studentConcerns: {
    permission: 'concern.read',
    resource: (ctx, input) => studentResource(ctx.store, input.studentId),
    run: async (ctx, { studentId }) => views(ctx, await queryAll(ctx.store, 'concerns', { where: { studentId } })),
  },

  close: {
    permission: 'concern.close',
    async resource(ctx, { concernId }) {
      const c = await ctx.store.get('concerns', concernId);
      return c ? { studentId: c.studentId, classId: c.classId, collegeId: c.collegeId } : {};
    },
    async run(ctx, { concernId, outcome }) {
      const write = ctx.write();
      const closed = await ctx.store.transaction(async (tx) => {
        const c = await tx.get('concerns', concernId);
        if (!c) throw new NotFoundError('该反映');
        if (c.status === 'closed') return c;
        const updated = await tx.update(
          'concerns',
          concernId,
          { status: 'closed', outcome, closedBy: ctx.actor.userId, closedByName: ctx.actor.name, closedAt: write.at },
          c._version,
          write,
        );
        const teacher = await tx.get('users', c.teacherId);
        if (teacher)
          await enqueue(
            tx,
            concernAnswered(
              c,
              { userId: teacher._id, openid: teacher.openid },
              { outcome, byName: ctx.actor.name, at: write.at },
            ),
            write,
          );
        return updated;
      });
      const [view] = await views(ctx, [closed]);
      if (!view) throw new NotFoundError('该反映');
      return view;
    },
  },
});
