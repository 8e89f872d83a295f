import calendarJson from '../../../config/calendar.json';
import type { AcademicCalendar } from '../../../types/duty';
import { academicCalendar, type CalendarSettings } from './calendar';
import { parseCalendarRule } from './rule';

/** The shipped default rule (config/calendar.json), validated when first imported. */
export const defaultCalendarRule = parseCalendarRule(calendarJson);

/** Settings when nobody has dated a semester: the rule alone. */
export const ruleOnly: CalendarSettings = { rule: defaultCalendarRule, stored: [] };

/** The rule's calendar for fixed school years (tests, benchmarks): no clock, no store. */
export function ruleCalendar(fromYear: number, toYear: number): AcademicCalendar {
  return academicCalendar(ruleOnly, fromYear, toYear);
}
