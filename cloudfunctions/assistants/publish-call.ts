import type { Call } from '../../types/assistant';
import { actingAs } from '../core/access/assistant-roles';
import { assistantPages, checkCallDates, stepOwners } from '../core/assistants';
import { defaultCalendarRule, shanghaiDateOf } from '../core/calendar';
import type { Context } from '../platform/runtime/define-function';
import { sendAll } from './send';
import { callIdOf, collegeName, graduatesOf, people, recipient } from './load';
import { step } from './step-message';

/** The college publishes its call (rules: 000-6.1.1): one per college and school year; again, nothing new. */
export async function publishCall(
  ctx: Context,
  collegeId: string,
  input: { schoolYear: string; deadline: string; note: string },
): Promise<{ callId: string; created: boolean }> {
  const actor = actingAs(ctx.actor, collegeId, stepOwners.publish);
  const now = ctx.clock.now().getTime();
  const today = shanghaiDateOf(now);
  checkCallDates(input, today, defaultCalendarRule);
  const callId = callIdOf(collegeId, input.schoolYear);
  const existing = await ctx.store.get('assistantCalls', callId);
  if (existing) return { callId, created: false };
  const users = await people(ctx.store);
  const at = ctx.nowIso();
  const call: Call = {
    _id: callId,
    collegeId,
    collegeName: await collegeName(ctx.store, collegeId),
    schoolYear: input.schoolYear,
    deadline: input.deadline,
    note: input.note,
    stage: 'open',
    publishedAt: at,
    selected: [],
    objections: [],
    steps: [{ step: 'publish', by: actor.userId, byName: actor.name, role: actor.role, at }],
  };
  const write = ctx.write();
  await ctx.store.transaction(async (tx) => {
    if (await tx.get('assistantCalls', callId)) return;
    await tx.add('assistantCalls', call, write);
    const graduates = graduatesOf(users, collegeId).map(recipient);
    await sendAll(
      tx,
      step(
        graduates,
        callId,
        'publish',
        `${input.schoolYear}学年学业助理选拔`,
        '已发布',
        `申报截止 ${input.deadline}`,
        at,
        assistantPages.applicant,
      ),
      write,
    );
  });
  return { callId, created: true };
}
