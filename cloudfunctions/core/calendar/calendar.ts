import type { CalendarRule, SemesterDates } from '../../../types/calendar';
import type { AcademicCalendar, SchoolYear, Semester } from '../../../types/duty';
import { addDays, shanghaiDateOf } from './dates';
import { ruleDates, ruleOf, semesterIdOf, semesterParts } from './rule';

/** What the calendar is made of: the default rule, and the semesters the clerk has dated. */
export type CalendarSettings = { rule: CalendarRule; stored: readonly SemesterDates[] };

export type DatedSemester = Semester & { name: string; source: 'set' | 'rule'; stored?: SemesterDates };

/** A semester's dates: as the clerk set them, else by the rule. */
export function semesterDates(settings: CalendarSettings, semesterId: string): DatedSemester {
  const { half } = semesterParts(semesterId);
  const name = ruleOf(settings.rule, half).name;
  const stored = settings.stored.find((s) => s._id === semesterId);
  if (stored) return { id: semesterId, start: stored.start, end: stored.end, name, source: 'set', stored };
  return { id: semesterId, ...ruleDates(settings.rule, semesterId), name, source: 'rule' };
}

/** The school year (by its first year) a date belongs to, by the rule's start day. */
export function schoolYearOfDate(rule: CalendarRule, date: string): number {
  const year = Number(date.slice(0, 4));
  return date.slice(5) >= rule.schoolYearStartsOn ? year : year - 1;
}

/**
 * Where school year Y starts: on the rule's day (Sep 1), earlier when its first semester starts
 * earlier, and never before the previous year's second semester has ended. Each year ends the day
 * before the next starts, so the summer break belongs to the year before it.
 */
function schoolYearStart(settings: CalendarSettings, startYear: number): string {
  const ruleDay = `${startYear}-${settings.rule.schoolYearStartsOn}`;
  const first = semesterDates(settings, semesterIdOf(startYear, 1)).start;
  const earliest = first < ruleDay ? first : ruleDay;
  const afterSpring = addDays(semesterDates(settings, semesterIdOf(startYear - 1, 2)).end, 1);
  return afterSpring > earliest ? afterSpring : earliest;
}

export function schoolYear(settings: CalendarSettings, startYear: number): SchoolYear {
  return {
    id: `${startYear}-${startYear + 1}`,
    start: schoolYearStart(settings, startYear),
    end: addDays(schoolYearStart(settings, startYear + 1), -1),
    semesters: [1, 2].map((half) => {
      const { id, start, end } = semesterDates(settings, semesterIdOf(startYear, half === 1 ? 1 : 2));
      return { id, start, end };
    }),
  };
}

/** School years fromYear … toYear (by their first year), in the shape the duty evaluator reads. */
export function academicCalendar(settings: CalendarSettings, fromYear: number, toYear: number): AcademicCalendar {
  const schoolYears: SchoolYear[] = [];
  for (let y = fromYear; y <= toYear; y += 1) schoolYears.push(schoolYear(settings, y));
  return { schoolYears };
}

/** The calendar around an instant: three school years back (yearly quotas, history) and one ahead. */
export function calendarAround(settings: CalendarSettings, now: number): AcademicCalendar {
  const year = schoolYearOfDate(settings.rule, shanghaiDateOf(now));
  return academicCalendar(settings, year - 3, year + 1);
}
