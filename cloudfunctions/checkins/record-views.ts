import type { CheckinsApi, FollowUpRow } from '../../types/api/checkins';
import type { FollowUp } from '../../types/checkin';
import { DifficultyType, difficultyLabel } from '../../types/support';
import { classIdsFor, departmentsFor, wholeCollegeIdsFor } from '../core/access/authorize';
import { recordLabel } from '../core/checkins/record-label';
import { dormLabel, usersByIds } from '../platform/directory/directory';
import { queryAll } from '../platform/store/store';
import type { ActionSpec } from '../platform/runtime/define-function';

type Api = CheckinsApi;

/** The caller's own latest records, check-ins and talks together, newest first. */
export const myRecords: ActionSpec<Api['myRecords']> = {
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
};

/** Why a follow-up waits, in one line. */
function followUpSummary(f: FollowUp): string {
  if (f.reason === 'dormAbsence') return '查寝登记缺勤（未请假）';
  const type = DifficultyType.safeParse(f.difficulty);
  return `反映学习困难${type.success ? `（${difficultyLabel[type.data]}）` : ''}：${f.note ?? ''}`;
}

/** The follow-ups in the caller's reach, newest first. */
export const followUps: ActionSpec<Api['followUps']> = {
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
};
