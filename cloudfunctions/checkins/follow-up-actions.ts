import type { FollowUp } from '../../types/checkin';
import { followUpIdFor, recordIdFor } from '../core/checkins/record-id';
import { NotFoundError } from '../core/errors';
import { loadClass, loadStudent } from '../platform/directory/directory';
import type { CheckinsApi } from '../../types/api/checkins';
import type { ActionSpec } from '../platform/runtime/define-function';
import { byStudent } from './reach';

type Api = CheckinsApi;

/** A staff member reports a student's study difficulty: a follow-up for the counselor. */
export const reportDifficulty: ActionSpec<Api['reportDifficulty']> = {
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
};

/** Closing a follow-up (closing twice is no change). */
export const closeFollowUp: ActionSpec<Api['closeFollowUp']> = {
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
};
