import type { SetSemesterDates } from '../../../types/calendar';
import { type CalendarSettings, semesterDates } from './calendar';
import { nextSemesterId, previousSemesterId } from './current';
import { DomainError } from '../errors';
import { chineseDate, daysBetween } from './dates';
import { ruleOf, semesterParts, yearOfSemester } from './rule';

export type CalendarProblem = { field: 'start' | 'end'; message: string };

/** Weeks a semester spans, a started week counting as one. */
export function weeksOf(start: string, end: string): number {
  return Math.ceil((daysBetween(start, end) + 1) / 7);
}

/**
 * Why dates a clerk typed cannot be a semester, or null: start before end, a start in the
 * semester's part of the year, a plausible length (the rule's weeks), and no overlap with the
 * semesters before and after it as they stand (set or by the rule).
 */
export function semesterDatesProblem(settings: CalendarSettings, input: SetSemesterDates): CalendarProblem | null {
  const { semesterId, start, end } = input;
  if (start >= end) return { field: 'end', message: '结束日期应晚于开始日期' };
  const { startYear, half } = semesterParts(semesterId);
  const spec = ruleOf(settings.rule, half);
  const label = `${startYear}-${startYear + 1} 学年${spec.name}`;
  const year = yearOfSemester(spec, startYear);
  const [from, to] = spec.mayStartBetween.map((md) => `${year}-${md}`);
  if (from === undefined || to === undefined || start < from || start > to) {
    return {
      field: 'start',
      message: `${label}应在${chineseDate(from ?? start)}至${chineseDate(to ?? start)}之间开始`,
    };
  }
  const days = daysBetween(start, end) + 1;
  const { min, max } = settings.rule.plausibleWeeks;
  if (days < min * 7) return { field: 'end', message: `学期只有 ${days} 天，不足 ${min} 周，请检查日期` };
  if (days > max * 7)
    return { field: 'end', message: `学期长达 ${weeksOf(start, end)} 周，超过 ${max} 周，请检查日期` };
  const previous = semesterDates(settings, previousSemesterId(semesterId));
  if (start <= previous.end)
    return { field: 'start', message: `与上一学期（${previous.id}，至${chineseDate(previous.end)}）重叠` };
  const next = semesterDates(settings, nextSemesterId(semesterId));
  if (end >= next.start)
    return { field: 'end', message: `与下一学期（${next.id}，${chineseDate(next.start)}开始）重叠` };
  return null;
}

/** Dates a clerk typed for a semester, refused with the first problem (and the field at fault). */
export function checkSemesterDates(settings: CalendarSettings, input: SetSemesterDates): void {
  const problem = semesterDatesProblem(settings, input);
  if (problem) throw new DomainError('CALENDAR.DATES_INVALID', problem.message, problem.field);
}
