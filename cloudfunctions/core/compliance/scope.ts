import type { DutyScope } from '../../../types/api/duties';
import type { DutyPeriod } from '../../../types/duty';
import type { DutyItem } from '../duties';
import { shanghai } from '../time/shanghai';

/**
 * How long a period is, coarsely. A week view shows the windows open this week up to a month
 * long (this month's talk is this week's work too), not semester quotas; a month view the same.
 */
const span: Record<DutyPeriod, number> = {
  week: 1,
  twoWeeks: 1,
  withinDaysOf: 1,
  month: 2,
  semesterEnd: 2,
  quarter: 3,
  semester: 3,
  schoolYear: 3,
};
const scopeSpan: Record<DutyScope, number> = { week: 2, month: 2, semester: 3 };

/** This week (Monday 00:00 Shanghai) or this month, as [start, end) instants. */
export function scopeRange(scope: Exclude<DutyScope, 'semester'>, now: number): { start: number; end: number } {
  const local = shanghai(now).startOf('day');
  if (scope === 'week') {
    const monday = local.subtract((local.day() + 6) % 7, 'day');
    return { start: monday.valueOf(), end: monday.add(7, 'day').valueOf() };
  }
  const first = local.startOf('month');
  return { start: first.valueOf(), end: first.add(1, 'month').valueOf() };
}

/**
 * The items a scope shows: windows touching it that are no longer than it, plus longer ones that
 * fall due inside it (a semester quota shows in the week it closes). 'semester' shows them all.
 */
export function itemsInScope(items: readonly DutyItem[], scope: DutyScope, now: number): DutyItem[] {
  if (scope === 'semester') return [...items];
  const range = scopeRange(scope, now);
  return items.filter((item) => {
    const start = Date.parse(item.window.start);
    const end = Date.parse(item.window.end);
    if (start >= range.end || end <= range.start) return false;
    return span[item.period] <= scopeSpan[scope] || end <= range.end;
  });
}
