import { toIso } from '../time/shanghai';
import type { AssistantSettings, Change, DataCheck } from '../../../types/assistant';
import { DomainError } from '../errors';
import { shanghaiDateOf } from '../calendar';
import { windowPosition, type ChangeWindow } from './change-window';
import { publicityFrom, publicityOver } from './publicity';

/**
 * A change may be filed only inside the window (rules: 000-7.2) and only for someone who meets
 * the same conditions as any applicant (000-1, 000-4.4): the refusal says which and why.
 */
export function checkChangeFiling(
  window: ChangeWindow | null,
  now: number,
  incomingChecks: readonly DataCheck[],
  outgoingUserId: string,
  incomingUserId: string,
): void {
  if (!window) throw new DomainError('ASSISTANT.CHANGE_WINDOW', '校历中没有该学年的第二学期，无法办理更换');
  const position = windowPosition(window, now);
  const span = `${window.first} 至 ${window.lastDay}`;
  if (position === 'before')
    throw new DomainError(
      'ASSISTANT.CHANGE_WINDOW',
      `学业助理应担任满一学年，中途更换须在第二学期开学后两周内办理（${span}，000-7.2），现在尚未开始`,
    );
  if (position === 'after')
    throw new DomainError(
      'ASSISTANT.CHANGE_WINDOW',
      `已超过第二学期开学后两周的更换期限（${span}，000-7.2），不能再更换`,
    );
  if (outgoingUserId === incomingUserId)
    throw new DomainError('ASSISTANT.SAME_PERSON', '接替人员与原学业助理相同', 'incomingUserId');
  const failed = incomingChecks.filter((c) => !c.ok);
  if (failed.length > 0)
    throw new DomainError(
      'ASSISTANT.NOT_ELIGIBLE',
      `接替人员不符合申报条件：${failed.map((c) => `${c.label}（${c.note}，${c.rule}）`).join('；')}`,
      'incomingUserId',
    );
}

/** The first month the incoming assistant is paid: the month the change is filed in. */
export function effectiveMonthOf(now: number): string {
  return shanghaiDateOf(now).slice(0, 7);
}

export type ChangeEvent = { type: 'approve' | 'reject'; opinion: string } | { type: 'confirm' };
export type ChangeActor = { userId: string; name: string };

/**
 * The school's side of a change (000-7.2): approval starts the school's publicity at once, and
 * after its days the change is confirmed; a rejection ends it. Repeats change nothing.
 */
export function nextChange(
  change: Change,
  event: ChangeEvent,
  actor: ChangeActor,
  now: number,
  settings: Pick<AssistantSettings, 'publicityDays'>,
): { change: Change; changed: boolean } {
  const at = toIso(new Date(now));
  if (event.type === 'confirm') {
    if (change.stage === 'confirmed') return { change, changed: false };
    if (change.stage !== 'schoolPublicity' || !change.publicity)
      throw new DomainError('ASSISTANT.WRONG_STAGE', '学校批准并公示后才能确认');
    if (!publicityOver(change.publicity, now))
      throw new DomainError(
        'ASSISTANT.PUBLICITY_RUNNING',
        `学校公示 ${settings.publicityDays.school} 天期满后才能确认（公示至 ${change.publicity.lastDay}）`,
      );
    return { change: { ...change, stage: 'confirmed', confirmedAt: at }, changed: true };
  }
  const decided: 'approve' | 'reject' = event.type === 'approve' ? 'approve' : 'reject';
  if (change.approval) {
    if (change.approval.decision === decided) return { change, changed: false };
    throw new DomainError('ASSISTANT.ALREADY_DECIDED', '学校已对该变动申请作出决定');
  }
  if (decided === 'reject' && event.opinion === '')
    throw new DomainError('INPUT.INVALID', '不批准时请写明意见', 'opinion');
  const approval = { decision: decided, opinion: event.opinion, by: actor.userId, byName: actor.name, at };
  return decided === 'approve'
    ? {
        change: {
          ...change,
          approval,
          stage: 'schoolPublicity',
          publicity: publicityFrom(now, settings.publicityDays.school),
        },
        changed: true,
      }
    : { change: { ...change, approval, stage: 'rejected' }, changed: true };
}
