import calendarJson from '../../../config/calendar.json';
import {
  academicCalendar,
  defaultCalendarRule,
  parseCalendarRule,
  ruleCalendar,
  ruleOnly,
  semesterAt,
  semesterDatesProblem,
  semestersBefore,
  type CalendarSettings,
} from '../../../cloudfunctions/core/calendar';
import { resolveTerm } from '../../../cloudfunctions/core/duties';
import { AcademicCalendar } from '../../../types/duty';
import type { SemesterDates } from '../../../types/calendar';
import { SetSemesterDates } from '../../../types/calendar';
import { SUITE_DATES } from '../../support/harness';

const set = (id: string, start: string, end: string): SemesterDates => ({
  _id: id,
  start,
  end,
  history: [{ start, end, by: 't-clerk', at: '2026-11-25T10:00:00.000+08:00' }],
});
const withStored = (...stored: SemesterDates[]): CalendarSettings => ({ rule: defaultCalendarRule, stored });
const weekday = (date: string) => new Date(`${date}T12:00:00Z`).getUTCDay();

describe('default calendar rule (config/calendar.json)', () => {
  it('parses, and a broken rule is refused with the path of the fault', () => {
    expect(parseCalendarRule(calendarJson).semesters.map((s) => s.name)).toEqual(['第一学期', '第二学期']);
    expect(() => parseCalendarRule({ ...calendarJson, plausibleWeeks: { min: 30, max: 12 } })).toThrow(
      '校历规则有误（plausibleWeeks）',
    );
  });

  it('dates every semester of any school year: Monday to Sunday, 19 weeks, autumn from early September, spring from late February', () => {
    const calendar = ruleCalendar(2000, 2098);
    expect(AcademicCalendar.safeParse(calendar).success).toBe(true);
    for (const year of calendar.schoolYears) {
      const [autumn, spring] = year.semesters;
      if (!autumn || !spring) throw new Error('two semesters expected');
      expect([weekday(autumn.start), weekday(spring.start), weekday(autumn.end), weekday(spring.end)]).toEqual([
        1, 1, 0, 0,
      ]);
      expect(autumn.start >= `${year.id.slice(0, 4)}-09-05` && autumn.start <= `${year.id.slice(0, 4)}-09-11`).toBe(
        true,
      );
      expect(spring.start >= `${year.id.slice(5)}-02-22` && spring.start <= `${year.id.slice(5)}-02-28`).toBe(true);
    }
  });

  it('gives the dates the shipped calendar had for 2025-2026-1 and 2026-2027 (2025-2026-2, after a late Spring Festival, started a week later: the clerk sets such a year)', () => {
    expect(
      ruleCalendar(2025, 2026).schoolYears.flatMap((y) => y.semesters.map((s) => `${s.id} ${s.start}..${s.end}`)),
    ).toEqual([
      '2025-2026-1 2025-09-08..2026-01-18',
      '2025-2026-2 2026-02-23..2026-07-05',
      '2026-2027-1 2026-09-07..2027-01-17',
      '2026-2027-2 2027-02-22..2027-07-04',
    ]);
  });
});

describe("the clerk's dates over the rule", () => {
  it('a set semester replaces the rule for that semester only; school years stretch to hold it', () => {
    const settings = withStored(set('2027-2028-1', '2027-08-30', '2028-01-09'));
    const years = academicCalendar(settings, 2026, 2027).schoolYears;
    expect(years.map((y) => `${y.id} ${y.start}..${y.end}`)).toEqual([
      '2026-2027 2026-09-01..2027-08-29',
      '2027-2028 2027-08-30..2028-08-31',
    ]);
    expect(years[1]?.semesters.map((s) => `${s.start}..${s.end}`)).toEqual([
      '2027-08-30..2028-01-09',
      '2028-02-28..2028-07-09',
    ]);
    expect(AcademicCalendar.safeParse({ schoolYears: years }).success).toBe(true);
  });

  it.each([
    ['start after end', { start: '2027-01-17', end: '2026-09-07' }, 'end', '结束日期应晚于开始日期'],
    ['too short', { start: '2026-09-07', end: '2026-10-31' }, 'end', '不足 12 周'],
    ['too long', { start: '2026-09-07', end: '2027-03-31' }, 'end', '超过 24 周'],
    [
      'out of season',
      { start: '2026-11-02', end: '2027-03-14' },
      'start',
      '2026-2027 学年第一学期应在2026年8月1日至2026年10月31日之间开始',
    ],
    [
      'overlapping the spring semester',
      { start: '2026-09-14', end: '2027-02-28' },
      'end',
      '与下一学期（2026-2027-2，2027年2月22日开始）重叠',
    ],
  ])('rejects %s, naming the field, in Chinese', (_name, dates, field, message) => {
    const problem = semesterDatesProblem(ruleOnly, { semesterId: '2026-2027-1', ...dates });
    expect(problem?.field).toBe(field);
    expect(problem?.message).toContain(message);
  });

  it('checks overlap against a neighbour as the clerk set it, and accepts plausible dates', () => {
    const settings = withStored(set('2026-2027-2', '2027-03-01', '2027-08-08'));
    expect(
      semesterDatesProblem(settings, { semesterId: '2026-2027-1', start: '2026-09-14', end: '2027-02-28' }),
    ).toBeNull();
    expect(
      semesterDatesProblem(settings, { semesterId: '2027-2028-1', start: '2027-08-02', end: '2027-12-26' })?.message,
    ).toContain('与上一学期（2026-2027-2，至2027年8月8日）重叠');
  });

  it('the input schema refuses unrelated years and a start after the end', () => {
    expect(
      SetSemesterDates.safeParse({ semesterId: '2026-2028-1', start: '2026-09-07', end: '2027-01-17' }).success,
    ).toBe(false);
    const backwards = SetSemesterDates.safeParse({ semesterId: '2026-2027-1', start: '2027-01-17', end: '2026-09-07' });
    expect(backwards.success ? [] : backwards.error.issues.map((i) => [i.path.join('.'), i.message])).toEqual([
      ['end', '结束日期应晚于开始日期'],
    ]);
  });
});

describe.each(Object.entries(SUITE_DATES))("today's semester at %s (%s)", (name, now) => {
  const expected = {
    termTime: { semester: '2026-2027-1', inBreak: false, before: ['2025-2026-1', '2025-2026-2'] },
    winterBreak: { semester: '2026-2027-1', inBreak: true, before: ['2025-2026-1', '2025-2026-2'] },
    laterYear: { semester: '2028-2029-1', inBreak: false, before: ['2027-2028-1', '2027-2028-2'] },
  }[name];

  it('is the semester containing today, or in a break the one just ended; the duty views resolve the same', () => {
    const at = semesterAt(ruleOnly, Date.parse(now));
    expect({
      semester: at.semester.id,
      inBreak: at.inBreak,
      before: semestersBefore(ruleOnly, at.semester.id, 2).map((s) => s.id),
    }).toEqual(expected);
    expect(resolveTerm(ruleCalendar(2024, 2030), Date.parse(now)).semester.id).toBe(expected?.semester);
  });
});
