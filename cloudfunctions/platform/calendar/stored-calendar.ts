import { SemesterDates } from '../../../types/calendar';
import type { AcademicCalendar } from '../../../types/duty';
import { calendarAround, defaultCalendarRule, type CalendarSettings } from '../../core/calendar';
import { queryAll, type Store } from '../store/store';

/**
 * The semesters the clerk has dated, each checked: a stored record that no longer parses is
 * left out (its semester falls back to the rule) rather than breaking every duty view.
 */
export async function storedSemesters(store: Store): Promise<SemesterDates[]> {
  const rows = await queryAll(store, 'semesterDates', { orderBy: [{ field: '_id', direction: 'asc' }] });
  const out: SemesterDates[] = [];
  for (const row of rows) {
    const parsed = SemesterDates.safeParse(row);
    if (parsed.success) out.push(parsed.data);
    else
      console.warn(
        `[calendar] stored semester ${String(Reflect.get(Object(row), '_id'))} skipped: ${parsed.error.issues[0]?.message ?? 'invalid'}`,
      );
  }
  return out;
}

export async function calendarSettings(store: Store): Promise<CalendarSettings> {
  return { rule: defaultCalendarRule, stored: await storedSemesters(store) };
}

/** The calendar every function reads: the clerk's dates over the default rule, around `now`. */
export async function loadCalendar(store: Store, now: number): Promise<AcademicCalendar> {
  return calendarAround(await calendarSettings(store), now);
}
