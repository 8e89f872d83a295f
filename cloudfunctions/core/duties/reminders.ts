import type { DutyUnit, PersonDutyEvaluation } from '../../../types/duty';

const DAY = 24 * 60 * 60 * 1000;

/** One "about to be overdue" message: a duty of a person whose window closes soon. */
export type DutyReminder = {
  /** Same for every run in the same window: the outbox stores one message per key. */
  dedupKey: string;
  personId: string;
  ruleId: string;
  title: string;
  dueAt: string;
  lastDay: string;
  /** The (rule, unit, window) items it covers, and what they still need in total. */
  itemKeys: string[];
  units: DutyUnit[];
  remaining: number;
};

/**
 * Duties to remind about now: open (not done, not overdue) items whose window closes within
 * the rule's `remindBeforeDays` (else `remindBeforeDays` given here). Items of one rule closing
 * at the same time are one reminder, so a counselor gets one message for forty warned students'
 * monthly talks, never forty, and at most one per duty per window.
 */
export function remindersDue(
  evaluation: PersonDutyEvaluation,
  now: Date | string | number,
  remindBeforeDays: number,
): DutyReminder[] {
  const at = new Date(now).getTime();
  const reminders = new Map<string, DutyReminder>();
  for (const item of evaluation.items) {
    if (item.status !== 'due') continue;
    const dueAt = Date.parse(item.dueAt);
    const lead = (item.remindBeforeDays ?? remindBeforeDays) * DAY;
    if (at >= dueAt || dueAt - at > lead) continue;
    const dedupKey = `duty-reminder|${item.personId}|${item.ruleId}|${item.window.lastDay}`;
    let reminder = reminders.get(dedupKey);
    if (!reminder) {
      reminder = {
        dedupKey,
        personId: item.personId,
        ruleId: item.ruleId,
        title: item.title,
        dueAt: item.dueAt,
        lastDay: item.window.lastDay,
        itemKeys: [],
        units: [],
        remaining: 0,
      };
      reminders.set(dedupKey, reminder);
    }
    reminder.itemKeys.push(item.key);
    reminder.units.push(item.unit);
    reminder.remaining += item.due;
  }
  return [...reminders.values()];
}
