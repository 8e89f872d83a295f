import { CalendarRule, type SemesterRule } from '../../../types/calendar';
import { DomainError } from '../errors';
import { addDays, firstMondayOnOrAfter } from './dates';

/** The rule from configuration; a bad file stops at start with the path of the first fault. */
export function parseCalendarRule(json: unknown): CalendarRule {
  const parsed = CalendarRule.safeParse(json);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const path = issue?.path.join('.') ?? '';
  throw new DomainError(
    'CALENDAR.RULE_INVALID',
    `校历规则有误${path ? `（${path}）` : ''}：${issue?.message ?? '格式不正确'}`,
    path || undefined,
  );
}

/** 2026-2027-2 → { startYear: 2026, half: 2 } */
export function semesterParts(semesterId: string): { startYear: number; half: 1 | 2 } {
  return { startYear: Number(semesterId.slice(0, 4)), half: semesterId.endsWith('-2') ? 2 : 1 };
}

export function semesterIdOf(startYear: number, half: 1 | 2): string {
  return `${startYear}-${startYear + 1}-${half}`;
}

export function ruleOf(rule: CalendarRule, half: 1 | 2): SemesterRule {
  return half === 1 ? rule.semesters[0] : rule.semesters[1];
}

/** The calendar year a semester of a school year falls in (2027 for 2026-2027-2). */
export function yearOfSemester(spec: SemesterRule, startYear: number): number {
  return spec.inSecondYear ? startYear + 1 : startYear;
}

/** The default dates of a semester: the first Monday on or after the rule's day, for its weeks. */
export function ruleDates(rule: CalendarRule, semesterId: string): { start: string; end: string } {
  const { startYear, half } = semesterParts(semesterId);
  const spec = ruleOf(rule, half);
  const start = firstMondayOnOrAfter(`${yearOfSemester(spec, startYear)}-${spec.firstMondayOnOrAfter}`);
  return { start, end: addDays(start, spec.weeks * 7 - 1) };
}

function monthDayText(md: string): string {
  const [m, d] = md.split('-').map(Number);
  return `${m}月${d}日`;
}

/** The rule in words, for the clerk's screen and the docs. */
export function ruleText(rule: CalendarRule): string {
  const parts = rule.semesters.map(
    (s) => `${s.name}自${monthDayText(s.firstMondayOnOrAfter)}（含）后的第一个星期一起，共 ${s.weeks} 周`,
  );
  return `未设定日期的学期按默认规则推算：${parts.join('；')}。学年自${monthDayText(rule.schoolYearStartsOn)}起。`;
}
