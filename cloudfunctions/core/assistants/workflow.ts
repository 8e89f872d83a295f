import { toIso } from '../time/shanghai';
import { roleLabel, type Role } from '../../../types/domain';
import {
  callStageLabel,
  type AssistantSettings,
  type Call,
  type CallStage,
  type Objection,
} from '../../../types/assistant';
import { DomainError, type ErrorCode } from '../errors';
import { publicityFrom, publicityOpen, publicityOver } from './publicity';
import { isSchoolRole } from '../access/school-role';

/** Who takes each step of the selection (rules: 000-6.1.1 … 000-6.1.4). */
export const stepOwners = {
  publish: ['clerk', 'leader'],
  decide: ['leader'],
  startCollegePublicity: ['clerk', 'leader'],
  recordObjection: ['clerk', 'leader', 'studentAffairs'],
  answerObjection: ['clerk', 'leader', 'studentAffairs'],
  submit: ['leader'],
  review: ['studentAffairs'],
  startSchoolPublicity: ['studentAffairs'],
  confirm: ['studentAffairs'],
  check: ['clerk', 'leader'],
  assign: ['clerk', 'leader'],
  fileChange: ['clerk', 'leader'],
  decideChange: ['studentAffairs'],
} as const satisfies Record<string, readonly Role[]>;

export const stepLabel: Record<keyof typeof stepOwners, string> = {
  publish: '发布选拔通知',
  decide: '选拔小组决定人选',
  startCollegePublicity: '学院公示',
  recordObjection: '登记异议',
  answerObjection: '答复异议',
  submit: '报送学工部审核',
  review: '学工部审核',
  startSchoolPublicity: '学校公示',
  confirm: '确认名单',
  check: '资格审核',
  assign: '配备班级',
  fileChange: '人员变动申请',
  decideChange: '学校审批人员变动',
};

export type CallEvent =
  | { type: 'decide'; selected: readonly string[]; eligible: readonly string[] }
  | { type: 'startCollegePublicity' }
  | { type: 'recordObjection'; id: string; applicationId: string | null; text: string }
  | { type: 'answerObjection'; objectionId: string; reply: string; upheld: boolean }
  | { type: 'submit' }
  | { type: 'review'; decision: 'approve' | 'return'; opinion: string }
  | { type: 'startSchoolPublicity' }
  | { type: 'confirm' };

export type StepActor = { userId: string; name: string; role: Role };
export type Transition = { call: Call; changed: boolean };

const fail = (code: ErrorCode, message: string, field?: string): never => {
  throw new DomainError(code, message, field);
};

function requireStage(call: Call, allowed: readonly CallStage[], what: string): void {
  if (!allowed.includes(call.stage))
    fail('ASSISTANT.WRONG_STAGE', `当前为“${callStageLabel[call.stage]}”，不能${what}`);
}

function openObjections(call: Call, stage: Objection['stage']): Objection[] {
  return call.objections.filter((o) => o.stage === stage && !o.answer);
}

const same = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && [...a].sort().join('|') === [...b].sort().join('|');

/**
 * The selection as a pure transition: (call, event, who, when) → the next call. A repeat of a step
 * already taken (the same decision, publicity already running, a list already sent) changes
 * nothing, so a retried tap is harmless. Every change appends the step with its owner and time.
 */
export function nextCall(
  call: Call,
  event: CallEvent,
  actor: StepActor,
  now: number,
  settings: Pick<AssistantSettings, 'publicityDays'>,
): Transition {
  const owners: readonly Role[] = stepOwners[event.type];
  if (!owners.includes(actor.role))
    fail('ASSISTANT.NOT_OWNER', `“${stepLabel[event.type]}”由${owners.map((r) => roleLabel[r]).join('或')}办理`);
  const at = toIso(new Date(now));
  const step = (next: Partial<Call>, note?: string): Transition => ({
    call: {
      ...call,
      ...next,
      steps: [
        ...call.steps,
        { step: event.type, by: actor.userId, byName: actor.name, role: actor.role, at, ...(note ? { note } : {}) },
      ],
    },
    changed: true,
  });
  const unchanged: Transition = { call, changed: false };

  switch (event.type) {
    case 'decide': {
      if (call.stage === 'decided' && same(call.selected, event.selected)) return unchanged;
      requireStage(call, ['open', 'decided', 'returned'], '决定人选');
      if (event.selected.length === 0) fail('ASSISTANT.NONE_SELECTED', '请至少选择一名人选', 'selected');
      const eligible = new Set(event.eligible);
      const bad = event.selected.filter((id) => !eligible.has(id));
      if (bad.length > 0) fail('ASSISTANT.NOT_ELIGIBLE', '只能从资格审核通过的申请人中选拔', 'selected');
      return step({ stage: 'decided', selected: [...new Set(event.selected)] }, `选定 ${event.selected.length} 人`);
    }
    case 'startCollegePublicity': {
      if (call.stage === 'collegePublicity') return unchanged;
      requireStage(call, ['decided'], '开始学院公示');
      return step({ stage: 'collegePublicity', collegePublicity: publicityFrom(now, settings.publicityDays.college) });
    }
    case 'recordObjection': {
      if (call.objections.some((o) => o.id === event.id)) return unchanged;
      const stage = call.stage === 'collegePublicity' ? 'college' : call.stage === 'schoolPublicity' ? 'school' : null;
      const publicity =
        stage === 'college' ? call.collegePublicity : stage === 'school' ? call.schoolPublicity : undefined;
      if (!stage || !publicity || !publicityOpen(publicity, now))
        fail('ASSISTANT.NOT_IN_PUBLICITY', '只能在公示期内登记异议');
      if (stage === 'college' && isSchoolRole(actor.role)) fail('ASSISTANT.NOT_OWNER', '学院公示期的异议由学院登记');
      if (stage === 'school' && !isSchoolRole(actor.role)) fail('ASSISTANT.NOT_OWNER', '学校公示期的异议由学工部登记');
      if (event.applicationId !== null && !call.selected.includes(event.applicationId))
        fail('ASSISTANT.NOT_LISTED', '异议所涉人员不在公示名单中', 'applicationId');
      const objection: Objection = {
        id: event.id,
        stage: stage ?? 'college',
        applicationId: event.applicationId,
        text: event.text,
        recordedBy: actor.userId,
        recordedByName: actor.name,
        recordedAt: at,
      };
      return step({ objections: [...call.objections, objection] });
    }
    case 'answerObjection': {
      const objection = call.objections.find((o) => o.id === event.objectionId);
      if (!objection) return fail('NOT_FOUND', '未找到该异议', 'objectionId');
      if (objection.answer) {
        if (objection.answer.reply === event.reply && objection.answer.upheld === event.upheld) return unchanged;
        fail('ASSISTANT.ALREADY_ANSWERED', '该异议已答复');
      }
      if ((objection.stage === 'college') !== !isSchoolRole(actor.role))
        fail(
          'ASSISTANT.NOT_OWNER',
          objection.stage === 'college' ? '学院公示期的异议由学院答复' : '学校公示期的异议由学工部答复',
        );
      const answered = call.objections.map((o) =>
        o.id === objection.id
          ? { ...o, answer: { reply: event.reply, upheld: event.upheld, by: actor.userId, byName: actor.name, at } }
          : o,
      );
      // An objection found true takes the person it concerns off the list.
      const selected =
        event.upheld && objection.applicationId
          ? call.selected.filter((id) => id !== objection.applicationId)
          : call.selected;
      return step({ objections: answered, selected }, event.upheld ? '异议成立' : '异议不成立');
    }
    case 'submit': {
      if (call.stage === 'submitted') return unchanged;
      requireStage(call, ['collegePublicity'], '报送学工部');
      if (!call.collegePublicity || !publicityOver(call.collegePublicity, now))
        fail(
          'ASSISTANT.PUBLICITY_RUNNING',
          `学院公示 ${settings.publicityDays.college} 天期满后才能报送（公示至 ${call.collegePublicity?.lastDay ?? ''}）`,
        );
      if (openObjections(call, 'college').length > 0)
        fail('ASSISTANT.OBJECTIONS_OPEN', '还有未答复的异议，答复后才能报送');
      if (call.selected.length === 0) fail('ASSISTANT.NONE_SELECTED', '名单为空，不能报送');
      return step({ stage: 'submitted' });
    }
    case 'review': {
      if (call.stage === 'returned' && event.decision === 'return' && call.review?.opinion === event.opinion)
        return unchanged;
      if (call.review?.decision === 'approve' && event.decision === 'approve' && call.stage !== 'submitted')
        return unchanged;
      requireStage(call, ['submitted'], '审核');
      if (event.decision === 'return' && event.opinion === '') fail('INPUT.INVALID', '退回时请写明意见', 'opinion');
      const review = { decision: event.decision, opinion: event.opinion, by: actor.userId, byName: actor.name, at };
      return step(
        event.decision === 'approve' ? { review } : { review, stage: 'returned' },
        event.decision === 'approve' ? '审核通过' : `退回：${event.opinion}`,
      );
    }
    case 'startSchoolPublicity': {
      if (call.stage === 'schoolPublicity') return unchanged;
      requireStage(call, ['submitted'], '开始学校公示');
      if (call.review?.decision !== 'approve') fail('ASSISTANT.NOT_REVIEWED', '请先审核通过再公示');
      return step({ stage: 'schoolPublicity', schoolPublicity: publicityFrom(now, settings.publicityDays.school) });
    }
    case 'confirm': {
      if (call.stage === 'confirmed') return unchanged;
      requireStage(call, ['schoolPublicity'], '确认名单');
      if (!call.schoolPublicity || !publicityOver(call.schoolPublicity, now))
        fail(
          'ASSISTANT.PUBLICITY_RUNNING',
          `学校公示 ${settings.publicityDays.school} 天期满后才能确认（公示至 ${call.schoolPublicity?.lastDay ?? ''}）`,
        );
      if (openObjections(call, 'school').length > 0)
        fail('ASSISTANT.OBJECTIONS_OPEN', '还有未答复的异议，答复后才能确认');
      if (call.selected.length === 0) fail('ASSISTANT.NONE_SELECTED', '名单为空，不能确认');
      return step({ stage: 'confirmed', confirmedAt: at });
    }
  }
}
