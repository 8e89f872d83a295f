import { applicationStatusLabel, type Application, type ApplicationForm } from '../../types/assistant';
import { applyDecision, assistantPages, dataChecks, requireGraduate } from '../core/assistants';
import { shanghaiDateOf } from '../core/calendar';
import type { Context } from '../platform/runtime/define-function';
import { sendAll } from './send';
import { applicationIdOf, collegeStaff, graduateOf, loadCall, people } from './load';
import { step } from './step-message';

/** A graduate applies with 附件 1 (rules: 000-A1); checks from data are taken at once. */
export async function apply(
  ctx: Context,
  callId: string,
  form: ApplicationForm,
): Promise<{ applicationId: string; statusLabel: string }> {
  const me = requireGraduate(graduateOf(await ctx.store.get('users', ctx.actor.userId)));
  const call = await loadCall(ctx.store, callId);
  const today = shanghaiDateOf(ctx.clock.now().getTime());
  const applicationId = applicationIdOf(callId, me._id);
  const existing = await ctx.store.get('assistantApplications', applicationId);
  const decision = applyDecision(call, existing, form, today);
  if (decision.kind === 'same') return { applicationId, statusLabel: applicationStatusLabel[decision.status] };
  const at = ctx.nowIso();
  const application: Application = {
    _id: applicationId,
    callId,
    collegeId: call.collegeId,
    schoolYear: call.schoolYear,
    graduateId: me.graduate.graduateId,
    userId: me._id,
    name: me.name,
    degree: me.graduate.degree,
    major: me.graduate.major,
    form,
    submittedAt: at,
    checks: dataChecks(me.graduate),
    judged: [],
    status: 'submitted',
    reasons: [],
  };
  const users = await people(ctx.store);
  const write = ctx.write();
  await ctx.store.transaction(async (tx) => {
    const current = await tx.get('assistantApplications', applicationId);
    if (current)
      await tx.update(
        'assistantApplications',
        applicationId,
        { form, submittedAt: at, checks: application.checks },
        current._version,
        write,
      );
    else await tx.add('assistantApplications', application, write);
    await sendAll(
      tx,
      step(
        collegeStaff(users, call.collegeId),
        applicationId,
        current ? 'apply-again' : 'apply',
        '学业助理申报',
        '新申报',
        `${me.name}提交了申报表`,
        at,
        assistantPages.college,
      ),
      write,
    );
  });
  return { applicationId, statusLabel: applicationStatusLabel.submitted };
}
