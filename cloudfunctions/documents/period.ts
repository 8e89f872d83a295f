import { semesterAt, semesterDates } from '../core/calendar';
import { shanghaiLocal } from '../core/time/shanghai';
import { calendarSettings } from '../platform/calendar/stored-calendar';
import type { Store } from '../platform/store/store';

/** The first instant of a Shanghai day, and the first instant after it. */
export const dayStart = (day: string) => shanghaiLocal(day).valueOf();
export const dayEnd = (day: string) => shanghaiLocal(day).add(1, 'day').valueOf();

/** The semester an instant falls in (by the clerk's calendar over the rule). */
export async function semesterOf(store: Store, at: string): Promise<string> {
  return semesterAt(await calendarSettings(store), Date.parse(at)).semester.id;
}

/** A semester's first and last day, and the instants they span. */
export async function semesterSpan(
  store: Store,
  semester: string,
): Promise<{ start: string; end: string; from: number; until: number; name: string }> {
  const dated = semesterDates(await calendarSettings(store), semester);
  return {
    start: dated.start,
    end: dated.end,
    from: dayStart(dated.start),
    until: dayEnd(dated.end),
    name: dated.name,
  };
}
