import type { CallView, ChangeView } from '../../types/api/assistants';
import { type Change } from '../../types/assistant';
import { actingAs } from '../core/access/assistant-roles';
import {
  assignmentToChange,
  assistantPages,
  assistantSettings,
  assistantStep,
  changeWindow,
  checkChangeFiling,
  dataChecks,
  effectiveMonthOf,
  isRepeatFiling,
  nextChange,
  outgoingOf,
  requireIncoming,
  stepOwners,
} from '../core/assistants';
import { NotFoundError } from '../core/errors';
import { loadCalendar } from '../platform/calendar/stored-calendar';
import type { Context } from '../platform/runtime/define-function';
import { queryAll } from '../platform/store/store';
import { moveClass } from './assignment';
import {
  assignmentsOf,
  changeIdOf,
  changesOf,
  collegeStaff,
  graduateOf,
  loadCall,
  people,
  recipient,
  schoolStaff,
} from './load';
import { sendAll } from './send';
import { callView, changeView } from './views';

/** The college files 附件 2 for a class (rules: 000-7.2): inside the window, for an eligible graduate. */
export async function fileChange(
  ctx: Context,
  input: { callId: string; classId: string; incomingUserId: string; reason: string },
): Promise<CallView> {
  const call = await loadCall(ctx.store, input.callId);
  const actor = actingAs(ctx.actor, call.collegeId, stepOwners.fileChange);
  const now = ctx.clock.now().getTime();
  const [assignments, changes, calendar] = await Promise.all([
    assignmentsOf(ctx.store, call.collegeId, call.schoolYear),
    changesOf(ctx.store, call.collegeId, call.schoolYear),
    loadCalendar(ctx.store, now),
  ]);
  const assignment = assignmentToChange(assignments, input.classId);
  const effectiveMonth = effectiveMonthOf(now);
  const changeId = changeIdOf(call._id, input.classId, effectiveMonth);
  if (
    isRepeatFiling(
      changes.find((c) => c._id === changeId),
      input.incomingUserId,
    )
  )
    return callView(ctx.store, call, now);
  const outgoing = outgoingOf(changes, assignment);
  const incoming = requireIncoming(graduateOf(await ctx.store.get('users', input.incomingUserId)), call.collegeId);
  const checks = dataChecks(incoming.graduate);
  checkChangeFiling(
    changeWindow(calendar, call.schoolYear, assistantSettings.changeWindowDays),
    now,
    checks,
    outgoing.id,
    incoming._id,
  );
  const write = ctx.write();
  const change: Change = {
    _id: changeId,
    callId: call._id,
    collegeId: call.collegeId,
    schoolYear: call.schoolYear,
    classId: input.classId,
    className: assignment.className,
    outgoingUserId: outgoing.id,
    outgoingName: outgoing.name,
    incomingUserId: incoming._id,
    incomingName: incoming.name,
    incomingGraduateId: incoming.graduate.graduateId,
    reason: input.reason,
    filedBy: actor.userId,
    filedByName: actor.name,
    filedAt: write.at,
    effectiveMonth,
    stage: 'filed',
    checks,
  };
  const users = await people(ctx.store);
  await ctx.store.transaction(async (tx) => {
    if (await tx.get('assistantChanges', changeId)) return;
    await tx.add('assistantChanges', change, write);
    await sendAll(
      tx,
      schoolStaff(users).map((r) =>
        assistantStep(r, changeId, 'filed', {
          title: `${call.collegeName}学业助理人员变动`,
          result: '待审批',
          note: `${assignment.className}：${outgoing.name}→${incoming.name}`,
          at: write.at,
          page: assistantPages.school,
        }),
      ),
      write,
    );
  });
  return callView(ctx.store, call, now);
}

async function loadChange(ctx: Context, changeId: string) {
  const change = await ctx.store.get('assistantChanges', changeId);
  if (!change) throw new NotFoundError('该变动申请');
  return change;
}

/** 学工部 approves (publicity starts) or rejects a change, then confirms it after the publicity. */
export async function decideChange(
  ctx: Context,
  changeId: string,
  event: { type: 'approve' | 'reject'; opinion: string } | { type: 'confirm' },
): Promise<ChangeView> {
  const change = await loadChange(ctx, changeId);
  const actor = actingAs(ctx.actor, change.collegeId, stepOwners.decideChange);
  const now = ctx.clock.now().getTime();
  const { change: next, changed } = nextChange(change, event, actor, now, assistantSettings);
  if (!changed) return changeView(change);
  const users = await people(ctx.store);
  const incoming = users.find((u) => u._id === change.incomingUserId);
  const to = [...collegeStaff(users, change.collegeId), ...(incoming ? [recipient(incoming)] : [])];
  const cls = event.type === 'confirm' ? await ctx.store.get('classes', change.classId) : null;
  const write = ctx.write();
  const result = event.type === 'confirm' ? '已确认' : event.type === 'approve' ? '已批准' : '未批准';
  const note =
    event.type === 'confirm'
      ? `${change.className}由${change.incomingName}接替`
      : event.type === 'approve'
        ? `学校公示至 ${next.publicity?.lastDay ?? ''}`
        : event.opinion;
  const saved = await ctx.store.transaction(async (tx) => {
    const stored = await tx.update('assistantChanges', changeId, next, change._version, write);
    if (cls) await moveClass(tx, cls, change.incomingUserId, write);
    await sendAll(
      tx,
      to.map((r) =>
        assistantStep(r, changeId, event.type, {
          title: '学业助理人员变动',
          result,
          note,
          at: write.at,
          page: assistantPages.college,
        }),
      ),
      write,
    );
    return stored;
  });
  return changeView(saved);
}

/** 学工部's list of changes from every college, newest first. */
export async function allChanges(ctx: Context): Promise<(ChangeView & { collegeName: string; callId: string })[]> {
  const rows = await queryAll(ctx.store, 'assistantChanges', { orderBy: [{ field: 'filedAt', direction: 'desc' }] });
  const out: (ChangeView & { collegeName: string; callId: string })[] = [];
  const names = new Map<string, string>();
  for (const c of rows) {
    if (typeof c.classId !== 'string' || typeof c.stage !== 'string') continue;
    if (!names.has(c.callId))
      names.set(c.callId, (await loadCall(ctx.store, c.callId).catch(() => null))?.collegeName ?? '');
    out.push({ ...changeView(c), collegeName: names.get(c.callId) ?? '', callId: c.callId });
  }
  return out;
}
