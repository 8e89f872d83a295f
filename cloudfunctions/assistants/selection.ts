import type { CallView } from '../../types/api/assistants';
import {
  applicationStatusLabel,
  type Application,
  type ApplicationForm,
  type Call,
  type JudgedAnswer,
} from '../../types/assistant';
import type { User } from '../../types/domain';
import { actingAs } from '../core/access/assistant-roles';
import {
  applyDecision,
  assistantPages,
  assistantSettings,
  assistantStep,
  checkCallDates,
  dataChecks,
  eligibilityDecision,
  nextCall,
  requireGraduate,
  stepLabel,
  stepOwners,
  type CallEvent,
} from '../core/assistants';
import { defaultCalendarRule, shanghaiDateOf } from '../core/calendar';
import type { MessageIntent, Recipient } from '../core/notices/message-intents';
import type { Context } from '../platform/runtime/define-function';
import { sendAll } from './send';
import {
  applicationIdOf,
  applicationsOf,
  callIdOf,
  collegeName,
  collegeStaff,
  graduateOf,
  graduatesOf,
  loadApplication,
  loadCall,
  people,
  recipient,
  schoolStaff,
} from './load';
import { applicationView, callView } from './views';

const step = (
  to: readonly Recipient[],
  subjectId: string,
  key: string,
  title: string,
  result: string,
  note: string,
  at: string,
  page: string,
) => to.map((r) => assistantStep(r, subjectId, key, { title, result, note, at, page }));

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

/** Who hears of each step: the owner of the next one, or the people it concerns. */
function messagesFor(
  event: CallEvent,
  call: Call,
  users: readonly User[],
  selectedUsers: readonly Recipient[],
  at: string,
): MessageIntent[] {
  const college = collegeStaff(users, call.collegeId);
  const leaders = collegeStaff(users, call.collegeId, ['leader']);
  const school = schoolStaff(users);
  const id = call._id;
  switch (event.type) {
    case 'decide':
      return step(
        collegeStaff(users, call.collegeId, ['clerk']),
        id,
        `decide-${call.steps.length}`,
        '选拔小组已决定人选',
        '待公示',
        `拟聘 ${call.selected.length} 人，请在学院网站公示`,
        at,
        assistantPages.college,
      );
    case 'startCollegePublicity':
      return step(
        selectedUsers,
        id,
        'college-publicity',
        '学业助理人选学院公示',
        '公示中',
        `公示至 ${call.collegePublicity?.lastDay ?? ''}`,
        at,
        assistantPages.applicant,
      );
    case 'recordObjection': {
      const o = call.objections.find((x) => x.id === event.id);
      return step(
        o?.stage === 'school' ? school : college,
        `${id}:${event.id}`,
        'objection',
        '公示期收到异议',
        '待答复',
        event.text,
        at,
        o?.stage === 'school' ? assistantPages.school : assistantPages.college,
      );
    }
    case 'answerObjection':
      return step(
        call.objections.find((x) => x.id === event.objectionId)?.stage === 'school' ? school : leaders,
        `${id}:${event.objectionId}`,
        'answered',
        '公示异议已答复',
        event.upheld ? '异议成立' : '不成立',
        event.reply,
        at,
        assistantPages.college,
      );
    case 'submit':
      return step(
        school,
        id,
        `submit-${call.steps.length}`,
        `${call.collegeName}学业助理名单`,
        '待审核',
        `拟聘 ${call.selected.length} 人，学院公示无异议`,
        at,
        assistantPages.school,
      );
    case 'review':
      return step(
        college,
        id,
        `review-${call.steps.length}`,
        '学工部审核学业助理名单',
        event.decision === 'approve' ? '通过' : '退回',
        event.opinion || '审核通过，学校公示后确认',
        at,
        assistantPages.college,
      );
    case 'startSchoolPublicity':
      return step(
        [...college, ...selectedUsers],
        id,
        'school-publicity',
        '学业助理名单学校公示',
        '公示中',
        `公示至 ${call.schoolPublicity?.lastDay ?? ''}`,
        at,
        assistantPages.applicant,
      );
    case 'confirm':
      return step(
        [...college, ...selectedUsers],
        id,
        'confirm',
        '学业助理名单已确认',
        '已确认',
        '请学院为学业助理配备班级',
        at,
        assistantPages.applicant,
      );
  }
}

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
