import type { DutyRecord, DutyRule, DutySubject } from '../../types/duty';
import { evaluateDuties, type DutyItem, type PersonDutyEvaluation } from '../../cloudfunctions/core/duties';
import { at, calendar } from './duties-factories';

/** Evaluate rules for one person at a Shanghai wall-clock `now`. */
export function evaluateAt(
  rules: DutyRule[],
  person: DutySubject,
  records: DutyRecord[],
  now: string,
): PersonDutyEvaluation {
  return evaluateDuties({ rules, calendar, now: at(now), subject: person, records });
}

/** The item of a unit whose window's last day is `lastDay`, reduced to what tests compare. */
export function pick(evaluation: PersonDutyEvaluation, unitId: string, lastDay: string) {
  const found = evaluation.items.find((i) => i.unit.id === unitId && i.window.lastDay === lastDay);
  if (!found) {
    const known = evaluation.items.map((i) => `${i.unit.id}@${i.window.lastDay}`).join(', ');
    throw new Error(`no item for ${unitId} ending ${lastDay}; items: ${known}`);
  }
  return brief(found);
}

export function brief(item: DutyItem) {
  return { required: item.required, progress: item.progress, status: item.status };
}
