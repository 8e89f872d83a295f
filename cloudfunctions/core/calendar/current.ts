import { type CalendarSettings, type DatedSemester, schoolYearOfDate, semesterDates } from './calendar';
import { shanghaiDateOf } from './dates';
import { semesterIdOf, semesterParts } from './rule';

export function previousSemesterId(semesterId: string): string {
  const { startYear, half } = semesterParts(semesterId);
  return half === 2 ? semesterIdOf(startYear, 1) : semesterIdOf(startYear - 1, 2);
}

export function nextSemesterId(semesterId: string): string {
  const { startYear, half } = semesterParts(semesterId);
  return half === 1 ? semesterIdOf(startYear, 2) : semesterIdOf(startYear + 1, 1);
}

/**
 * Today's semester: the one containing today, or in a break the one just ended — what a
 * counselor looks at in January is how the autumn semester went, and the duty views resolve the
 * same way (the latest semester already started).
 */
export function semesterAt(
  settings: CalendarSettings,
  now: number,
): { semester: DatedSemester; inBreak: boolean; today: string } {
  const today = shanghaiDateOf(now);
  const year = schoolYearOfDate(settings.rule, today);
  let found = semesterDates(settings, semesterIdOf(year - 1, 1));
  for (let id = found.id; id <= semesterIdOf(year + 1, 2); id = nextSemesterId(id)) {
    const semester = semesterDates(settings, id);
    if (semester.start <= today) found = semester;
  }
  return { semester: found, inBreak: today > found.end, today };
}

/** The `count` semesters before one, oldest first. */
export function semestersBefore(settings: CalendarSettings, semesterId: string, count: number): DatedSemester[] {
  const out: DatedSemester[] = [];
  for (let id = previousSemesterId(semesterId); out.length < count; id = previousSemesterId(id))
    out.unshift(semesterDates(settings, id));
  return out;
}
