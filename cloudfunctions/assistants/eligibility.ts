import type { JudgedAnswer } from '../../types/assistant';
import { actingAs } from '../core/access/assistant-roles';
import { assistantPages, assistantSettings, dataChecks, eligibilityDecision, stepOwners } from '../core/assistants';
import type { Context } from '../platform/runtime/define-function';
import { sendAll } from './send';
import { graduateOf, loadApplication, loadCall, recipient } from './load';
import { step } from './step-message';
import { applicationView } from './views';

/** The college's eligibility check (rules: 000-1, 000-4, 000-7.1): data checks again, judged items ticked with notes. */
export async function checkEligibility(ctx: Context, applicationId: string, judged: JudgedAnswer[]) {
  const application = await loadApplication(ctx.store, applicationId);
  const actor = actingAs(ctx.actor, application.collegeId, stepOwners.check);
  const call = await loadCall(ctx.store, application.callId);
  const profile = graduateOf(await ctx.store.get('users', application.userId));
  const checks = profile ? dataChecks(profile.graduate) : application.checks;
  const decision = eligibilityDecision(call, application, checks, judged, assistantSettings);
  if (decision.kind === 'same') return applicationView(application, call);
  const { status, verdict } = decision;
  const at = ctx.nowIso();
  const write = ctx.write();
  const applicant = await ctx.store.get('users', application.userId);
  const saved = await ctx.store.transaction(async (tx) => {
    const updated = await tx.update(
      'assistantApplications',
      applicationId,
      {
        checks,
        judged: verdict.judged,
        status,
        reasons: verdict.reasons,
        checkedBy: actor.userId,
        checkedByName: actor.name,
        checkedAt: at,
      },
      application._version,
      write,
    );
    if (applicant)
      await sendAll(
        tx,
        step(
          [recipient(applicant)],
          applicationId,
          `check-${status}`,
          '学业助理资格审核',
          status === 'eligible' ? '通过' : '未通过',
          verdict.reasons[0] ?? '资格审核通过，等待选拔',
          at,
          assistantPages.applicant,
        ),
        write,
      );
    return updated;
  });
  return applicationView(saved, call);
}
