import type {
  Application,
  ApplicationForm,
  ApplicationStatus,
  AssistantSettings,
  Call,
  DataCheck,
  JudgedAnswer,
} from '../../../types/assistant';
import type { CalendarRule } from '../../../types/calendar';
import { schoolYearOfDate } from '../calendar/calendar';
import { DomainError } from '../errors';
import { unknownItems, verdictOf, type Verdict } from './eligibility';

/** A call is published with a deadline from today on, for a school year not yet over (rules: 000-6.1.1). */
export function checkCallDates(
  input: { schoolYear: string; deadline: string },
  today: string,
  rule: CalendarRule,
): void {
  if (input.deadline < today) throw new DomainError('ASSISTANT.DEADLINE_PAST', '申报截止日期不能早于今天', 'deadline');
  const startYear = Number(input.schoolYear.slice(0, 4));
  if (schoolYearOfDate(rule, today) > startYear)
    throw new DomainError('ASSISTANT.YEAR_PAST', `${input.schoolYear} 学年已过，不能再发布选拔通知`, 'schoolYear');
}

/** Only a graduate in study applies (000-1.1): their profile, or the refusal. */
export function requireGraduate<G>(profile: G | null): G {
  if (!profile) throw new DomainError('ASSISTANT.NOT_GRADUATE', '只有在读研究生可以申报学业助理（000-1.1）');
  return profile;
}

/**
 * An application, new or again: the same form again changes nothing; a changed form only while
 * it is unchecked and the call open; nothing once the call closed or its deadline passed.
 */
export function applyDecision(
  call: Pick<Call, 'stage' | 'deadline'>,
  existing: Pick<Application, 'form' | 'status'> | null,
  form: ApplicationForm,
  today: string,
): { kind: 'same'; status: ApplicationStatus } | { kind: 'write' } {
  if (existing) {
    if (JSON.stringify(existing.form) === JSON.stringify(form)) return { kind: 'same', status: existing.status };
    if (existing.status !== 'submitted' || call.stage !== 'open')
      throw new DomainError('ASSISTANT.ALREADY_CHECKED', '申报已审核，不能再修改');
  }
  if (call.stage !== 'open' || today > call.deadline)
    throw new DomainError('ASSISTANT.CALL_CLOSED', `申报已截止（截止日期 ${call.deadline}）`);
  return { kind: 'write' };
}

export type EligibilityDecision =
  { kind: 'same' } | { kind: 'write'; status: Exclude<ApplicationStatus, 'submitted'>; verdict: Verdict };

/**
 * The college's eligibility check (rules: 000-1, 000-4, 000-7.1): only before the list is shown
 * or sent, only on known items; the same verdict again changes nothing, and a selected person
 * is not made ineligible behind the selection group's back.
 */
export function eligibilityDecision(
  call: Pick<Call, 'stage' | 'selected'>,
  application: Pick<Application, '_id' | 'status' | 'judged' | 'checks'>,
  checks: readonly DataCheck[],
  judged: readonly JudgedAnswer[],
  settings: Pick<AssistantSettings, 'judgedItems'>,
): EligibilityDecision {
  if (!['open', 'decided', 'returned'].includes(call.stage))
    throw new DomainError('ASSISTANT.WRONG_STAGE', '名单已公示或报送，不能再改资格审核');
  const strange = unknownItems(judged, settings);
  if (strange.length > 0) throw new DomainError('INPUT.INVALID', `未知的核查项：${strange.join('、')}`, 'judged');
  const verdict = verdictOf(checks, judged, settings);
  const status = verdict.eligible ? 'eligible' : 'ineligible';
  const same =
    application.status === status &&
    JSON.stringify(application.judged) === JSON.stringify(verdict.judged) &&
    JSON.stringify(application.checks) === JSON.stringify(checks);
  if (same) return { kind: 'same' };
  if (status === 'ineligible' && call.selected.includes(application._id))
    throw new DomainError('ASSISTANT.ALREADY_SELECTED', '该申请人已被选定，请先由选拔小组调整人选');
  return { kind: 'write', status, verdict };
}
