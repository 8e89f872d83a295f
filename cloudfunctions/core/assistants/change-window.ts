import type { AcademicCalendar } from '../../../types/duty';
import { addDays, shanghaiDateOf } from '../calendar';

export type ChangeWindow = { first: string; lastDay: string };
export type WindowPosition = 'before' | 'inside' | 'after';

/**
 * Changes are made within two weeks after the second semester starts (rules: 000-7.2): from its
 * first day to the end of day `days` (14 days: Monday of week 1 to Sunday of week 2).
 */
export function changeWindow(calendar: AcademicCalendar, schoolYear: string, days: number): ChangeWindow | null {
  const year = calendar.schoolYears.find((y) => y.id === schoolYear);
  const second = year?.semesters[1];
  if (!second) return null;
  return { first: second.start, lastDay: addDays(second.start, days - 1) };
}

export function windowPosition(window: ChangeWindow, now: number): WindowPosition {
  const today = shanghaiDateOf(now);
  if (today < window.first) return 'before';
  return today > window.lastDay ? 'after' : 'inside';
}
