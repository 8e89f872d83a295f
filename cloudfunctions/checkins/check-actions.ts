import type { FollowUp } from '../../types/checkin';
import type { Student } from '../../types/domain';
import { checkDormOfClass, checkStudentsOfClass, checkTeachingPlace } from '../core/checkins/checkin-rules';
import { absencesWithoutLeave } from '../core/checkins/dorm-absences';
import { defaultPlaces, placeById, placeOfBuilding } from '../core/checkins/places';
import { followUpIdFor } from '../core/checkins/record-id';
import { NotFoundError } from '../core/errors';
import { loadClass } from '../platform/directory/directory';
import type { ActionSpec, Context } from '../platform/runtime/define-function';
import { queryAll } from '../platform/store/store';
import type { CheckinsApi } from '../../types/api/checkins';
import { fileRecord } from './file-record';
import { byClass } from './reach';

type Api = CheckinsApi;

/** Every id must be a student of the class (a late list with a stranger in it is a mistake). */
async function assertInClass(ctx: Context, classId: string, ids: readonly string[]): Promise<Map<string, Student>> {
  const students = new Map((await queryAll(ctx.store, 'students', { where: { classId } })).map((s) => [s._id, s]));
  checkStudentsOfClass(ids, new Set(students.keys()));
  return students;
}

function teachingPlace(placeId: string | undefined) {
  if (placeId === undefined) return null;
  return checkTeachingPlace(placeById(defaultPlaces, placeId));
}

/** The dorm's residents, for the dorm check form. */
export const dormResidents: ActionSpec<Api['dormResidents']> = {
  ...byClass,
  async run(ctx, { classId, dormId }) {
    const dorm = await ctx.store.get('dorms', dormId);
    if (!dorm || !dorm.classIds.includes(classId)) throw new NotFoundError('该班级的这间寝室');
    const residents = await queryAll(ctx.store, 'students', {
      where: { dormId },
      orderBy: [{ field: '_id', direction: 'asc' }],
    });
    return residents.map((s) => ({ studentId: s._id, name: s.name }));
  },
};

/** A dorm check; each resident absent without leave opens a follow-up. */
export const dormCheck: ActionSpec<Api['dormCheck']> = {
  ...byClass,
  async run(ctx, input) {
    const cls = await loadClass(ctx.store, input.classId);
    const dorm = checkDormOfClass(await ctx.store.get('dorms', input.dormId), cls._id);
    const residents = new Map(
      (await queryAll(ctx.store, 'students', { where: { dormId: dorm._id } })).map((s) => [s._id, s]),
    );
    const absent = absencesWithoutLeave([...residents.keys()], input.residents);
    return fileRecord(
      ctx,
      input,
      {
        kind: 'dormCheck',
        collegeId: cls.collegeId,
        classId: cls._id,
        dormId: dorm._id,
        // Hygiene and presence are both on the form: the check is documented (rules: 001-2.6.2).
        documented: true,
        place: placeOfBuilding(defaultPlaces, dorm.building),
        details: {
          form: 'dormCheck',
          hygieneScore: input.hygieneScore,
          hygieneNotes: input.hygieneNotes,
          residents: input.residents.map((r) => ({ ...r, name: residents.get(r.studentId)?.name ?? r.studentId })),
        },
      },
      (recordId, at): FollowUp[] =>
        absent.map((studentId) => {
          const student = residents.get(studentId);
          return {
            _id: followUpIdFor(recordId, studentId),
            reason: 'dormAbsence',
            studentId,
            studentName: student?.name ?? studentId,
            classId: student?.classId ?? cls._id,
            collegeId: cls.collegeId,
            dormId: dorm._id,
            counselorId: cls.counselorId,
            recordId,
            reportedBy: ctx.actor.userId,
            at,
            status: 'open',
          };
        }),
    );
  },
};

/** A class attendance check. */
export const classCheck: ActionSpec<Api['classCheck']> = {
  ...byClass,
  async run(ctx, input) {
    const cls = await loadClass(ctx.store, input.classId);
    await assertInClass(ctx, cls._id, [...input.late, ...input.absent, ...input.leftEarly]);
    return fileRecord(ctx, input, {
      kind: 'classCheck',
      collegeId: cls.collegeId,
      classId: cls._id,
      documented: true,
      place: teachingPlace(input.placeId),
      details: {
        form: 'classCheck',
        course: input.course,
        late: input.late,
        absent: input.absent,
        leftEarly: input.leftEarly,
      },
    });
  },
};

/** Sitting in on a lecture. */
export const lecture: ActionSpec<Api['lecture']> = {
  ...byClass,
  async run(ctx, input) {
    const cls = await loadClass(ctx.store, input.classId);
    return fileRecord(ctx, input, {
      kind: 'lectureAttendance',
      collegeId: cls.collegeId,
      classId: cls._id,
      documented: input.notes !== '',
      place: teachingPlace(input.placeId),
      details: { form: 'lecture', course: input.course, teacherName: input.teacherName, notes: input.notes },
    });
  },
};
