import type { CallView } from '../../types/api/assistants';
import { ASSISTANT_ASSIGNMENTS, type Application, type Assignment } from '../../types/assistant';
import type { ClassInfo, Grant, User } from '../../types/domain';
import { assistantPages, assistantSettings, assistantStep, checkAssignment, stepOwners } from '../core/assistants';
import { DomainError } from '../core/errors';
import type { Context } from '../platform/runtime/define-function';
import type { TxStore, WriteContext } from '../platform/store/store';
import { actingAs } from './acting';
import { sendAll } from './send';
import { ASSISTANT_APPLICATIONS, applicationsOf, assignmentIdOf, assignmentsOf, loadCall, recipient } from './load';
import { callView } from './views';

/**
 * The class joins the person's assistant grant (their check-ins and duties start now) and leaves
 * the grant of whoever held it before, so one class has one assistant in every view.
 */
export async function moveClass(tx: TxStore, cls: ClassInfo & { _version: number }, toUserId: string, write: WriteContext): Promise<void> {
  const previous = cls.assistantId && cls.assistantId !== toUserId ? await tx.get<User>('users', cls.assistantId) : null;
  if (previous) {
    const grants = previous.grants.map((g): Grant => (g.role === 'assistant' ? { ...g, classIds: g.classIds.filter((id) => id !== cls._id) } : g));
    await tx.update<User>('users', previous._id, { grants }, previous._version, write);
  }
  const user = await tx.get<User>('users', toUserId);
  if (!user) throw new DomainError('NOT_FOUND', '未找到该学业助理的账号');
  const has = user.grants.some((g) => g.role === 'assistant');
  const grants: Grant[] = has
    ? user.grants.map((g) => (g.role === 'assistant' ? { ...g, classIds: [...new Set([...g.classIds, cls._id])].sort() } : g))
    : [...user.grants, { role: 'assistant', classIds: [cls._id] }];
  await tx.update<User>('users', user._id, { grants }, user._version, write);
  await tx.update<ClassInfo>('classes', cls._id, { assistantId: toUserId }, cls._version, write);
}

/** Assign a confirmed assistant to a class (rules: 000-5.1); refused with the reason otherwise. */
export async function assign(ctx: Context, input: { callId: string; classId: string; applicationId: string }): Promise<CallView> {
  const call = await loadCall(ctx.store, input.callId);
  const actor = actingAs(ctx.actor, call.collegeId, stepOwners.assign);
  const cls = await ctx.store.get<ClassInfo>('classes', input.classId);
  if (!cls) throw new DomainError('NOT_FOUND', '未找到该班级', 'classId');
  const [applications, year] = await Promise.all([applicationsOf(ctx.store, call._id), assignmentsOf(ctx.store, call.collegeId, call.schoolYear)]);
  const names = new Map(applications.map((a) => [a._id, a.name]));
  const check = checkAssignment(call, { classId: cls._id, className: cls.name, classCollegeId: cls.collegeId, applicationId: input.applicationId }, year, assistantSettings.maxClassesPerAssistant, (id) => names.get(id) ?? '该学业助理');
  const now = ctx.clock.now().getTime();
  if (check.kind === 'same') return callView(ctx.store, call, now);
  const application = await ctx.store.get<Application>(ASSISTANT_APPLICATIONS, input.applicationId);
  if (!application) throw new DomainError('NOT_FOUND', '未找到该申报', 'applicationId');
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
  const assistant = await ctx.store.get<User>('users', application.userId);
  await ctx.store.transaction(async (tx) => {
    if (await tx.get(ASSISTANT_ASSIGNMENTS, assignment._id)) throw new DomainError('ASSISTANT.CLASS_TAKEN', `${cls.name}已配备学业助理（每个班级配备 1 名，000-5.1）`, 'classId');
    await tx.add(ASSISTANT_ASSIGNMENTS, assignment, write);
    await moveClass(tx, cls, application.userId, write);
    if (assistant) await sendAll(tx, [assistantStep(recipient(assistant), assignment._id, 'assign', { title: '学业助理配备班级', result: '已配备', note: `${cls.name}（${call.schoolYear}学年）`, at: write.at, page: assistantPages.applicant })], write);
  });
  return callView(ctx.store, call, now);
}
