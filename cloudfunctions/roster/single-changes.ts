import { randomUUID } from 'node:crypto';
import type { RosterApi } from '../../types/api/roster';
import { type RosterChangeDoc } from '../../types/roster';
import { classMove, requireMoveRecords } from '../core/roster/class-move';
import { classResource, loadClass, loadStudent, studentResource } from '../platform/directory/directory';
import type { ActionSpec, Context } from '../platform/runtime/define-function';
import { collegeClasses } from '../application/repositories/classes';
import { refreshStaffGrants } from '../application/roster/staff-grants';
import { loadCollegeStaff } from '../application/repositories/staff';
import { checkAssistantRoom } from '../core/roster/assistant-limit';

type Api = RosterApi;

async function audit(ctx: Context, doc: Omit<RosterChangeDoc, '_id' | 'by' | 'byName' | 'at'>): Promise<void> {
  const write = ctx.write();
  await ctx.store.add(
    'rosterChanges',
    {
      ...doc,
      _id: `rc-${doc.kind}-${write.at}-${doc.entityId}-${randomUUID().slice(0, 8)}`,
      by: ctx.actor.userId,
      byName: ctx.actor.name,
      at: write.at,
    },
    write,
  );
}

const dutyLabel = { counselor: '辅导员', headTeacher: '班主任', assistant: '学业助理' } as const;
const dutySlot = { counselor: 'counselorId', headTeacher: 'headTeacherId', assistant: 'assistantId' } as const;

/** A student moves class mid-year: their records stay theirs, the new class's staff reach them from now on. */
export const moveStudent: ActionSpec<Api['moveStudent']> = {
  permission: 'roster.edit',
  resource: (ctx, input) => studentResource(ctx.store, input.studentId),
  async run(ctx, { studentId, classId, reason }) {
    const student = await loadStudent(ctx.store, studentId);
    const target = await loadClass(ctx.store, classId);
    if (classMove(student, target) === 'same') return { studentId, classId };
    const write = ctx.write();
    // One transaction: the student and both class sizes move together or not at all (sizes feed the talk quota).
    const from = await ctx.store.transaction(async (tx) => {
      const s = await tx.get('students', studentId);
      const old = await tx.get('classes', student.classId);
      const { student: moving, into } = requireMoveRecords(s, await tx.get('classes', classId));
      await tx.update('students', studentId, { classId, cohort: into.cohort }, moving._version, write);
      if (old) await tx.update('classes', old._id, { size: Math.max(0, old.size - 1) }, old._version, write);
      await tx.update('classes', into._id, { size: into.size + 1 }, into._version, write);
      return old;
    });
    await audit(ctx, {
      collegeId: student.collegeId,
      kind: 'move',
      entityId: studentId,
      label: `${studentId} ${student.name}`,
      change: 'moved',
      fields: [{ field: '班级', before: from?.name ?? student.classId, after: target.name }],
      source: { manual: true, reason },
    });
    return { studentId, classId };
  },
};

/** A class's counselor, head teacher or assistant is replaced mid-year; both people's grants follow. */
export const assignClassStaff: ActionSpec<Api['assignClassStaff']> = {
  permission: 'roster.edit',
  resource: (ctx, input) => classResource(ctx.store, input.classId),
  async run(ctx, { classId, duty, userId, reason }) {
    const cls = await loadClass(ctx.store, classId);
    const person = await loadCollegeStaff(ctx.store, userId, cls.collegeId);
    const slot = dutySlot[duty];
    const before = cls[slot] ?? '';
    if (before === userId) return { classId, userId };
    if (duty === 'assistant') {
      const served = (await collegeClasses(ctx.store, cls.collegeId)).filter(
        (c) => c.active !== false && c.assistantId === userId,
      );
      checkAssistantRoom(person.name, served.length);
    }
    await ctx.store.update('classes', classId, { [slot]: userId }, cls._version, ctx.write());
    const previous = before ? await ctx.store.get('users', before) : null;
    await audit(ctx, {
      collegeId: cls.collegeId,
      kind: 'assign',
      entityId: classId,
      label: cls.name,
      change: 'replaced',
      fields: [{ field: dutyLabel[duty], before: previous ? previous.name : '', after: person.name }],
      source: { manual: true, reason },
    });
    await refreshStaffGrants(ctx.store, cls.collegeId, ctx.write());
    return { classId, userId };
  },
};
