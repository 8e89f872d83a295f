import type { CallView } from '../../types/api/assistants';
import { type Assignment } from '../../types/assistant';
import type { ClassInfo } from '../../types/domain';
import { actingAs, withAssistantClass, withoutAssistantClass } from '../core/access/assistant-roles';
import {
  assistantPages,
  assistantSettings,
  assistantStep,
  checkAssignment,
  checkClassFree,
  stepOwners,
} from '../core/assistants';
import { NotFoundError } from '../core/errors';
import { loadClass } from '../platform/directory/directory';
import type { Context } from '../platform/runtime/define-function';
import type { TxStore, WriteContext } from '../platform/store/store';
import { sendAll } from './send';
import { applicationsOf, assignmentIdOf, assignmentsOf, loadApplication, loadCall, recipient } from './load';
import { callView } from './views';

/**
 * The class joins the person's assistant grant (their check-ins and duties start now) and leaves
 * the grant of whoever held it before, so one class has one assistant in every view.
 */
export async function moveClass(
  tx: TxStore,
  cls: ClassInfo & { _version: number },
  toUserId: string,
  write: WriteContext,
): Promise<void> {
  const previous = cls.assistantId && cls.assistantId !== toUserId ? await tx.get('users', cls.assistantId) : null;
  if (previous) {
    await tx.update(
      'users',
      previous._id,
      { grants: withoutAssistantClass(previous.grants, cls._id) },
      previous._version,
      write,
    );
  }
  const user = await tx.get('users', toUserId);
  if (!user) throw new NotFoundError('该学业助理的账号');
  await tx.update('users', user._id, { grants: withAssistantClass(user.grants, cls._id) }, user._version, write);
  await tx.update('classes', cls._id, { assistantId: toUserId }, cls._version, write);
}

/** Assign a confirmed assistant to a class (rules: 000-5.1); refused with the reason otherwise. */
export async function assign(
  ctx: Context,
  input: { callId: string; classId: string; applicationId: string },
): Promise<CallView> {
  const call = await loadCall(ctx.store, input.callId);
  const actor = actingAs(ctx.actor, call.collegeId, stepOwners.assign);
  const cls = await loadClass(ctx.store, input.classId);
  const [applications, year] = await Promise.all([
    applicationsOf(ctx.store, call._id),
    assignmentsOf(ctx.store, call.collegeId, call.schoolYear),
  ]);
  const names = new Map(applications.map((a) => [a._id, a.name]));
  const check = checkAssignment(
    call,
    { classId: cls._id, className: cls.name, classCollegeId: cls.collegeId, applicationId: input.applicationId },
    year,
    assistantSettings.maxClassesPerAssistant,
    (id) => names.get(id) ?? '该学业助理',
  );
  const now = ctx.clock.now().getTime();
  if (check.kind === 'same') return callView(ctx.store, call, now);
  const application = await loadApplication(ctx.store, input.applicationId);
  const write = ctx.write();
  const assignment: Assignment = {
    _id: assignmentIdOf(call.schoolYear, cls._id),
    callId: call._id,
    collegeId: call.collegeId,
    schoolYear: call.schoolYear,
    classId: cls._id,
    className: cls.name,
    applicationId: application._id,
    assistantUserId: application.userId,
    assistantName: application.name,
    graduateId: application.graduateId,
    assignedBy: actor.userId,
    assignedAt: write.at,
  };
  const assistant = await ctx.store.get('users', application.userId);
  await ctx.store.transaction(async (tx) => {
    checkClassFree(Boolean(await tx.get('assistantAssignments', assignment._id)), cls.name);
    await tx.add('assistantAssignments', assignment, write);
    await moveClass(tx, cls, application.userId, write);
    if (assistant)
      await sendAll(
        tx,
        [
          assistantStep(recipient(assistant), assignment._id, 'assign', {
            title: '学业助理配备班级',
            result: '已配备',
            note: `${cls.name}（${call.schoolYear}学年）`,
            at: write.at,
            page: assistantPages.applicant,
          }),
        ],
        write,
      );
  });
  return callView(ctx.store, call, now);
}
