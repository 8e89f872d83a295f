import type { CallView } from '../../types/api/assistants';
import { actingAs } from '../core/access/assistant-roles';
import { assistantSettings, nextCall, stepLabel, stepOwners, type CallEvent } from '../core/assistants';
import type { Context } from '../platform/runtime/define-function';
import { messagesFor } from './call-messages';
import { sendAll } from './send';
import { applicationsOf, loadCall, people, recipient } from './load';
import { callView } from './views';

/** One step of the selection: load, decide in core, save with the version read, message the next owner. */
export async function runStep(ctx: Context, callId: string, event: CallEvent): Promise<CallView> {
  const call = await loadCall(ctx.store, callId);
  const actor = actingAs(ctx.actor, call.collegeId, stepOwners[event.type]);
  const now = ctx.clock.now().getTime();
  const applications = event.type === 'decide' ? await applicationsOf(ctx.store, callId) : [];
  const decided =
    event.type === 'decide'
      ? { ...event, eligible: applications.filter((a) => a.status === 'eligible').map((a) => a._id) }
      : event;
  const { call: next, changed } = nextCall(call, decided, actor, now, assistantSettings);
  if (!changed) return callView(ctx.store, call, now);
  const users = await people(ctx.store);
  const selectedApps = (await applicationsOf(ctx.store, callId)).filter((a) => next.selected.includes(a._id));
  const byId = new Map(users.map((u) => [u._id, u]));
  const selectedUsers = selectedApps.flatMap((a) => {
    const u = byId.get(a.userId);
    return u ? [recipient(u)] : [];
  });
  const write = ctx.write();
  const saved = await ctx.store.transaction(async (tx) => {
    const stored = await tx.update('assistantCalls', callId, next, call._version, write);
    await sendAll(tx, messagesFor(event, next, users, selectedUsers, write.at), write);
    return stored;
  });
  return callView(ctx.store, saved, now);
}

export { stepLabel };
