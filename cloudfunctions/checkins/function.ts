import { checkinsApi, type CheckinOptions, type FollowUpRow } from '../../types/api/checkins';
import { type FollowUp } from '../../types/checkin';
import { roleLabel } from '../../types/domain';
import { classIdsFor, departmentsFor, wholeCollegeIdsFor } from '../core/access/authorize';
import { absencesWithoutLeave } from '../core/checkins/dorm-absences';
import { placeById, placeOfBuilding, defaultPlaces } from '../core/checkins/places';
import { followUpIdFor, recordIdFor } from '../core/checkins/record-id';
import { DifficultyType, difficultyLabel } from '../../types/support';
import { recordLabel } from '../core/checkins/record-label';
import { NotFoundError } from '../core/errors';
import { checkDormOfClass, checkStudentsOfClass, checkTeachingPlace } from '../core/checkins/checkin-rules';
import {
  classesByIds,
  classResource,
  dormLabel,
  loadClass,
  loadStudent,
  studentResource,
  usersByIds,
} from '../platform/directory/directory';
import { defineFunction, type Context } from '../platform/runtime/define-function';
import { queryAll } from '../platform/store/store';
import { fileRecord } from './file-record';
import { defaultDutyConfig } from '../core/duties/defaults';
import type { DutyRecordKind } from '../../types/duty';
import type { Actor, Student } from '../../types/domain';
import { recordQuickTalk } from './quick-talk';

const byClass = {
  permission: 'checkin.write',
  resource: (ctx: Context, input: { classId: string }) => classResource(ctx.store, input.classId),
} as const;
const byStudent = {
  permission: 'checkin.write',
  resource: (ctx: Context, input: { studentId: string }) => studentResource(ctx.store, input.studentId),
} as const;

/**
 * The record kinds the caller's duties count, from the duty table (talks and parent contacts for
 * every class role: casework is everyone's), and the shortest talk one of their duties counts.
 */
function recordKindsFor(actor: Actor): Pick<CheckinOptions, 'recordKinds' | 'talkMinMinutes'> {
  const roles = new Set(actor.grants.map((g) => g.role));
  const rules = defaultDutyConfig.rules.filter((r) => roles.has(r.role));
  const kinds = new Set<DutyRecordKind>(rules.flatMap((r) => r.counts.kinds));
  kinds.add('talk');
  if (roles.has('counselor') || roles.has('headTeacher')) kinds.add('parentContact');
  kinds.delete('studyPlan');
  const minutes = rules.flatMap((r) =>
    r.counts.kinds.includes('talk') && r.counts.minMinutes !== undefined ? [r.counts.minMinutes] : [],
  );
  return { recordKinds: [...kinds].sort(), talkMinMinutes: minutes.length > 0 ? Math.max(...minutes) : null };
}

/** Why a follow-up waits, in one line. */
function followUpSummary(f: FollowUp): string {
  if (f.reason === 'dormAbsence') return '查寝登记缺勤（未请假）';
  const type = DifficultyType.safeParse(f.difficulty);
  return `反映学习困难${type.success ? `（${difficultyLabel[type.data]}）` : ''}：${f.note ?? ''}`;
}

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

export const checkinsFunction = defineFunction('checkins', checkinsApi, {
  options: {
    permission: 'checkin.write',
    resource: 'list',
    async run(ctx): Promise<CheckinOptions> {
      const classes = await classesByIds(ctx.store, classIdsFor(ctx.actor, 'checkin.write'));
      const ids = new Set(classes.map((c) => c._id));
      const colleges = [...new Set(classes.map((c) => c.collegeId))];
      const dorms =
        colleges.length === 0 ? [] : await queryAll(ctx.store, 'dorms', { where: { collegeId: { in: colleges } } });
      return {
        classes: classes.map((c) => ({
          classId: c._id,
          name: c.name,
          roles: ctx.actor.grants
            .filter((g) => 'classIds' in g && g.classIds.includes(c._id))
            .map((g) => roleLabel[g.role]),
        })),
        dorms: dorms
          .filter((d) => d.classIds.some((id) => ids.has(id)))
          .sort((a, b) => a._id.localeCompare(b._id))
          .map((d) => ({
            dormId: d._id,
            label: dormLabel(d),
            classIds: d.classIds.filter((id) => ids.has(id)),
            placeId: placeOfBuilding(defaultPlaces, d.building)?.id ?? null,
          })),
        places: defaultPlaces.places,
        ...recordKindsFor(ctx.actor),
      };
    },
  },

  dormResidents: {
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
  },

  dormCheck: {
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
  },

  classCheck: {
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
  },

  lecture: {
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
  },

  meeting: {
    ...byClass,
    async run(ctx, input) {
      const cls = await loadClass(ctx.store, input.classId);
      return fileRecord(ctx, input, {
        kind: input.kind,
        collegeId: cls.collegeId,
        classId: cls._id,
        topics: input.topics,
        ...(input.minutes === undefined ? {} : { minutes: input.minutes }),
        // A class meeting counts with its minutes (纪要; rules: 001-1.2).
        documented: input.summary !== '',
        place: null,
        details: { form: 'meeting', title: input.title, summary: input.summary, attendees: input.attendees },
      });
    },
  },

  themedActivity: {
    ...byClass,
    async run(ctx, input) {
      const cls = await loadClass(ctx.store, input.classId);
      return fileRecord(ctx, input, {
        kind: 'themedActivity',
        collegeId: cls.collegeId,
        classId: cls._id,
        minutes: input.minutes,
        topics: [input.theme],
        documented: input.summary !== '',
        place: null,
        details: {
          form: 'themedActivity',
          theme: input.theme,
          participants: input.participants,
          summary: input.summary,
        },
      });
    },
  },

  talk: {
    ...byStudent,
    run: recordQuickTalk,
  },

  parentContact: {
    ...byStudent,
    async run(ctx, input) {
      const student = await loadStudent(ctx.store, input.studentId);
      return fileRecord(ctx, input, {
        kind: 'parentContact',
        collegeId: student.collegeId,
        classId: student.classId,
        studentId: student._id,
        mode: input.channel,
        documented: input.notes !== '',
        place: null,
        details: { form: 'contact', channel: input.channel, notes: input.notes },
      });
    },
  },

  teacherContact: {
    ...byClass,
    async run(ctx, input) {
      const cls = await loadClass(ctx.store, input.classId);
      return fileRecord(ctx, input, {
        kind: 'teacherContact',
        collegeId: cls.collegeId,
        classId: cls._id,
        // Without a user id, the name stands for the teacher (the same name counts as the same teacher).
        teacherId: input.teacherId ?? `name:${input.teacherName}`,
        documented: input.notes !== '',
        place: null,
        details: { form: 'contact', channel: '面谈/电话', notes: input.notes, teacherName: input.teacherName },
      });
    },
  },

  myRecords: {
    permission: 'checkin.write',
    resource: 'list',
    async run(ctx, { limit }) {
      const [docs, talks] = await Promise.all([
        ctx.store.query('dutyRecords', {
          where: { actorId: ctx.actor.userId },
          orderBy: [{ field: 'at', direction: 'desc' }],
          limit,
        }),
        ctx.store.query('talks', {
          where: { actorId: ctx.actor.userId },
          orderBy: [{ field: 'at', direction: 'desc' }],
          limit,
        }),
      ]);
      const students = new Map(
        (
          await queryAll(ctx.store, 'students', {
            where: {
              _id: {
                in: [
                  ...new Set(
                    docs.flatMap((d) => [
                      ...(d.studentId ? [d.studentId] : []),
                      ...(d.details.form === 'classCheck'
                        ? [...d.details.late, ...d.details.absent, ...d.details.leftEarly]
                        : []),
                    ]),
                  ),
                ],
              },
            },
          })
        ).map((s) => [s._id, s.name]),
      );
      const rows = [
        ...docs.map((d) => ({
          recordId: d._id,
          kind: d.kind,
          at: d.at,
          classId: d.classId,
          label: recordLabel(d, (id) => students.get(id) ?? '学生'),
          flags: d.flags,
        })),
        // Talks are the one talk record of the case; the list names whom they were with.
        ...talks.map((t) => ({
          recordId: t._id,
          kind: 'talk' as const,
          at: t.at,
          classId: t.classId,
          label: `谈心谈话 · ${t.studentName} · ${t.minutes} 分钟`,
          flags: t.flags ?? [],
        })),
      ];
      return rows.sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0)).slice(0, limit);
    },
  },

  followUps: {
    permission: 'duties.readClass',
    resource: 'list',
    async run(ctx, { status }): Promise<FollowUpRow[]> {
      // A department head sees the follow-ups of their department's classes, not the college's.
      const departmentClasses = await Promise.all(
        departmentsFor(ctx.actor, 'duties.readClass').map((d) =>
          queryAll(ctx.store, 'classes', { where: { collegeId: d.collegeId, departmentId: d.departmentId } }),
        ),
      );
      const classIds = [
        ...new Set([...classIdsFor(ctx.actor, 'duties.readClass'), ...departmentClasses.flat().map((c) => c._id)]),
      ];
      const collegeIds = wholeCollegeIdsFor(ctx.actor, 'duties.readClass');
      const lists = await Promise.all([
        classIds.length > 0
          ? queryAll(ctx.store, 'followUps', { where: { classId: { in: classIds }, status } })
          : Promise.resolve([]),
        collegeIds.length > 0
          ? queryAll(ctx.store, 'followUps', { where: { collegeId: { in: collegeIds }, status } })
          : Promise.resolve([]),
      ]);
      const rows = new Map(lists.flat().map((f) => [f._id, f]));
      const dorms = new Map(
        (
          await queryAll(ctx.store, 'dorms', {
            where: { _id: { in: [...new Set([...rows.values()].flatMap((f) => (f.dormId ? [f.dormId] : [])))] } },
          })
        ).map((d) => [d._id, d]),
      );
      const people = await usersByIds(
        ctx.store,
        [...rows.values()].map((f) => f.reportedBy),
      );
      return [...rows.values()]
        .sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0))
        .map((f) => ({
          followUpId: f._id,
          studentId: f.studentId,
          studentName: f.studentName,
          classId: f.classId,
          dormLabel: dormLabel(f.dormId ? dorms.get(f.dormId) : null),
          reason: f.reason,
          summary: followUpSummary(f),
          reportedByName: people.get(f.reportedBy)?.name ?? f.reportedBy,
          at: f.at,
          status: f.status,
        }));
    },
  },

  reportDifficulty: {
    ...byStudent,
    async run(ctx, input) {
      const student = await loadStudent(ctx.store, input.studentId);
      const cls = await loadClass(ctx.store, student.classId);
      // One report per phone tap: a resend finds the first.
      const followUpId = followUpIdFor(recordIdFor(ctx.actor.userId, input.clientId), student._id);
      if (await ctx.store.get('followUps', followUpId)) return { followUpId, duplicate: true };
      const followUp: FollowUp = {
        _id: followUpId,
        reason: 'difficultyReport',
        note: input.note,
        ...(input.difficulty ? { difficulty: input.difficulty } : {}),
        studentId: student._id,
        studentName: student.name,
        classId: student.classId,
        collegeId: student.collegeId,
        counselorId: cls.counselorId,
        recordId: followUpId,
        reportedBy: ctx.actor.userId,
        at: ctx.nowIso(),
        status: 'open',
      };
      await ctx.store.add('followUps', followUp, ctx.write());
      return { followUpId, duplicate: false };
    },
  },

  closeFollowUp: {
    permission: 'difficulty.write',
    resource: async (ctx, { followUpId }) => {
      const f = await ctx.store.get('followUps', followUpId);
      return f ? { studentId: f.studentId, classId: f.classId, collegeId: f.collegeId } : { studentId: followUpId };
    },
    async run(ctx, { followUpId }) {
      const f = await ctx.store.get('followUps', followUpId);
      if (!f) throw new NotFoundError('该跟进事项');
      if (f.status === 'closed') return { followUpId, status: f.status };
      const updated = await ctx.store.update('followUps', followUpId, { status: 'closed' }, f._version, ctx.write());
      return { followUpId, status: updated.status };
    },
  },
});
