import type { CallView, ChangeView } from '../../types/api/assistants';
import { ASSISTANT_CHANGES, type Change } from '../../types/assistant';
import type { ClassInfo, User } from '../../types/domain';
import { assistantPages, assistantSettings, assistantStep, changeWindow, checkChangeFiling, dataChecks, effectiveMonthOf, nextChange, stepOwners } from '../core/assistants';
import { DomainError, NotFoundError } from '../core/errors';
import { loadCalendar } from '../platform/calendar/stored-calendar';
import type { Context } from '../platform/runtime/define-function';
import { queryAll } from '../platform/store/store';
import { actingAs } from './acting';
import { moveClass } from './assignment';
import { assignmentsOf, changeIdOf, changesOf, collegeStaff, graduateOf, loadCall, people, recipient, schoolStaff } from './load';
import { sendAll } from './send';
import { callView, changeView } from './views';

/** The college files 附件 2 for a class (rules: 000-7.2): inside the window, for an eligible graduate. */
export async function fileChange(ctx: Context, input: { callId: string; classId: string; incomingUserId: string; reason: string }): Promise<CallView> {
  const call = await loadCall(ctx.store, input.callId);
  const actor = actingAs(ctx.actor, call.collegeId, stepOwners.fileChange);
  const now = ctx.clock.now().getTime();
  const [assignments, changes, calendar] = await Promise.all([assignmentsOf(ctx.store, call.collegeId, call.schoolYear), changesOf(ctx.store, call.collegeId, call.schoolYear), loadCalendar(ctx.store, now)]);
  const assignment = assignments.find((a) => a.classId === input.classId);
  if (!assignment) throw new DomainError('ASSISTANT.NOT_ASSIGNED', '该班级本学年尚未配备学业助理，无需变动', 'classId');
  const effectiveMonth = effectiveMonthOf(now);
  const changeId = changeIdOf(call._id, input.classId, effectiveMonth);
  const existing = changes.find((c) => c._id === changeId);
  if (existing) {
    if (existing.incomingUserId === input.incomingUserId) return callView(ctx.store, call, now);
    throw new DomainError('ASSISTANT.CHANGE_EXISTS', '该班级本月已有变动申请', 'classId');
  }
  const confirmed = changes.filter((c) => c.classId === input.classId && c.stage === 'confirmed').sort((a, b) => (a.effectiveMonth < b.effectiveMonth ? 1 : -1))[0];
  const outgoing = confirmed ? { id: confirmed.incomingUserId, name: confirmed.incomingName } : { id: assignment.assistantUserId, name: assignment.assistantName };
  const incoming = graduateOf(await ctx.store.get<User>('users', input.incomingUserId));
  if (!incoming || incoming.graduate.collegeId !== call.collegeId) throw new DomainError('ASSISTANT.NOT_GRADUATE', '接替人员应为本学院在读研究生', 'incomingUserId');
  const checks = dataChecks(incoming.graduate);
  checkChangeFiling(changeWindow(calendar, call.schoolYear, assistantSettings.changeWindowDays), now, checks, outgoing.id, incoming._id);
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
    if (await tx.get(ASSISTANT_CHANGES, changeId)) return;
    await tx.add(ASSISTANT_CHANGES, change, write);
    await sendAll(tx, schoolStaff(users).map((r) => assistantStep(r, changeId, 'filed', { title: `${call.collegeName}学业助理人员变动`, result: '待审批', note: `${assignment.className}：${outgoing.name}→${incoming.name}`, at: write.at, page: assistantPages.school })), write);
  });
  return callView(ctx.store, call, now);
}

async function loadChange(ctx: Context, changeId: string) {
  const change = await ctx.store.get<Change>(ASSISTANT_CHANGES, changeId);
  if (!change) throw new NotFoundError('该变动申请');
  return change;
}

/** 学工部 approves (publicity starts) or rejects a change, then confirms it after the publicity. */
export async function decideChange(ctx: Context, changeId: string, event: { type: 'approve' | 'reject'; opinion: string } | { type: 'confirm' }): Promise<ChangeView> {
  const change = await loadChange(ctx, changeId);
  const actor = actingAs(ctx.actor, change.collegeId, stepOwners.decideChange);
  const now = ctx.clock.now().getTime();
  const { change: next, changed } = nextChange(change, event, actor, now, assistantSettings);
  if (!changed) return changeView(change);
  const users = await people(ctx.store);
  const incoming = users.find((u) => u._id === change.incomingUserId);
  const to = [...collegeStaff(users, change.collegeId), ...(incoming ? [recipient(incoming)] : [])];
  const cls = event.type === 'confirm' ? await ctx.store.get<ClassInfo>('classes', change.classId) : null;
  const write = ctx.write();
  const result = event.type === 'confirm' ? '已确认' : event.type === 'approve' ? '已批准' : '未批准';
  const note = event.type === 'confirm' ? `${change.className}由${change.incomingName}接替` : event.type === 'approve' ? `学校公示至 ${next.publicity?.lastDay ?? ''}` : event.opinion;
  const saved = await ctx.store.transaction(async (tx) => {
    const stored = await tx.update<Change>(ASSISTANT_CHANGES, changeId, next, change._version, write);
    if (cls) await moveClass(tx, cls, change.incomingUserId, write);
    await sendAll(tx, to.map((r) => assistantStep(r, changeId, event.type, { title: '学业助理人员变动', result, note, at: write.at, page: assistantPages.college })), write);
    return stored;
  });
  return changeView(saved);
}

/** 学工部's list of changes from every college, newest first. */
export async function allChanges(ctx: Context): Promise<(ChangeView & { collegeName: string; callId: string })[]> {
  const rows = await queryAll<Change>(ctx.store, ASSISTANT_CHANGES, { orderBy: [{ field: 'filedAt', direction: 'desc' }] });
  const out: (ChangeView & { collegeName: string; callId: string })[] = [];
  const names = new Map<string, string>();
  for (const c of rows) {
    if (typeof c.classId !== 'string' || typeof c.stage !== 'string') continue;
    if (!names.has(c.callId)) names.set(c.callId, (await loadCall(ctx.store, c.callId).catch(() => null))?.collegeName ?? '');
    out.push({ ...changeView(c), collegeName: names.get(c.callId) ?? '', callId: c.callId });
  }
  return out;
}
