import type { AcademicCalendar, SchoolYear, Semester } from '../../../types/duty';
import { DomainError } from '../errors';
import { DAY, dateStart } from './shanghai-days';

/** A half-open range of instants [start, end) in epoch milliseconds. */
export type Span = { start: number; end: number };

/** The semester being evaluated, with its school year, as instants. */
export type Term = {
  semester: Semester;
  schoolYear: SchoolYear;
  /** From the first day 00:00 to the day after the last day 00:00, Shanghai. */
  semesterSpan: Span;
  schoolYearSpan: Span;
  /** End of the previous semester: the break before this semester belongs to it. */
  breakStart: number;
};

/** Calendar dates are inclusive; as instants they run to the next day's midnight in Shanghai. */
export function dateSpan(start: string, end: string): Span {
  return { start: dateStart(start), end: dateStart(end) + DAY };
}

/**
 * The semester to evaluate: the one asked for, else the one containing `now`, else (in a break)
 * the latest one already started, so its closed windows still show.
 */
export function resolveTerm(calendar: AcademicCalendar, now: number, semesterId?: string): Term {
  let found: Term | null = null;
  let previousEnd: number | null = null;
  for (const schoolYear of calendar.schoolYears) {
    for (const semester of schoolYear.semesters) {
      const semesterSpan = dateSpan(semester.start, semester.end);
      const schoolYearSpan = dateSpan(schoolYear.start, schoolYear.end);
      const breakStart = previousEnd ?? Math.min(schoolYearSpan.start, semesterSpan.start);
      const term: Term = { semester, schoolYear, semesterSpan, schoolYearSpan, breakStart };
      previousEnd = semesterSpan.end;
      if (semesterId !== undefined) {
        if (semester.id === semesterId) return term;
      } else if (semesterSpan.start <= now) {
        found = term;
      }
    }
  }
  if (found) return found;
  throw semesterId === undefined
    ? new DomainError('DUTY.CALENDAR_GAP', '校历中没有当前日期之前开始的学期，请先配置校历')
    : new DomainError('DUTY.SEMESTER_UNKNOWN', `校历中没有学期 ${semesterId}`, 'semesterId');
}
