import { z } from 'zod';
import { calendarDate } from './duty';
import { isoTime, semesterId } from './fields';

/**
 * The academic calendar (校历) as data: the dates a clerk set for a semester, stored and audited,
 * and the default rule (config/calendar.json) that dates every semester nobody set.
 */

const monthDay = z
  .string()
  .regex(/^\d{2}-\d{2}$/, '月日格式应为 MM-DD')
  .refine((md) => {
    const [m = 0, d = 0] = md.split('-').map(Number);
    // 2024 is a leap year: Feb 29 is a real month-day.
    const probe = new Date(Date.UTC(2024, m - 1, d));
    return probe.getUTCMonth() + 1 === m && probe.getUTCDate() === d;
  }, '月日不存在');

export const SemesterRule = z
  .object({
    half: z.union([z.literal(1), z.literal(2)]),
    name: z.string().min(1),
    /** The second semester falls in the school year's second calendar year (2027 for 2026-2027-2). */
    inSecondYear: z.boolean(),
    /** Teaching starts on the first Monday on or after this day. */
    firstMondayOnOrAfter: monthDay,
    /** Monday of the first week to Sunday of the last, exams included. */
    weeks: z.number().int().min(1).max(52),
    /** A date set by the clerk must start inside this part of the year. */
    mayStartBetween: z.tuple([monthDay, monthDay]),
  })
  .strict();
export type SemesterRule = z.infer<typeof SemesterRule>;

export const CalendarRule = z
  .object({
    about: z.string(),
    schoolYearStartsOn: monthDay,
    semesters: z
      .tuple([SemesterRule, SemesterRule])
      .refine(([a, b]) => a.half === 1 && b.half === 2, '规则应依次给出第一、第二学期'),
    plausibleWeeks: z
      .object({ min: z.number().int().positive(), max: z.number().int().positive() })
      .strict()
      .refine((w) => w.min <= w.max, '学期周数下限大于上限'),
  })
  .strict();
export type CalendarRule = z.infer<typeof CalendarRule>;

/** A semester id whose two years follow each other: 2026-2027-1, not 2026-2028-1. */
export const calendarSemesterId = semesterId.refine(
  (id) => Number(id.slice(5, 9)) === Number(id.slice(0, 4)) + 1,
  '学期的两个年份应相邻，如 2026-2027-1',
);

/** One change of a semester's dates: what was set, by whom, when. */
export const SemesterDatesChange = z
  .object({ start: calendarDate, end: calendarDate, by: z.string().min(1), at: isoTime })
  .strict();
export type SemesterDatesChange = z.infer<typeof SemesterDatesChange>;

/** The stored dates of one semester (id = semester id); `history` is every change, oldest first. */
export const SemesterDates = z
  .object({
    _id: calendarSemesterId,
    start: calendarDate,
    end: calendarDate,
    history: z.array(SemesterDatesChange).min(1),
  })
  .passthrough();
export type SemesterDates = z.infer<typeof SemesterDates>;

/** What the clerk sends to set a semester's dates. */
export const SetSemesterDates = z
  .object({
    semesterId: calendarSemesterId,
    start: calendarDate.describe('开始日期'),
    end: calendarDate.describe('结束日期'),
  })
  .strict()
  .refine((s) => s.start < s.end, { path: ['end'], message: '结束日期应晚于开始日期' });
export type SetSemesterDates = z.infer<typeof SetSemesterDates>;

/** One semester as the calendar screen shows it. */
export const CalendarSemesterView = z.object({
  semesterId: z.string(),
  /** 第一学期 / 第二学期 */
  name: z.string(),
  start: z.string(),
  end: z.string(),
  weeks: z.number(),
  /** Set by the clerk, or dated by the default rule. */
  source: z.enum(['set', 'rule']),
  setByName: z.string().optional(),
  setAt: z.string().optional(),
  /** Today falls in it (or, in a break, it is the semester just ended). */
  current: z.boolean(),
});
export type CalendarSemesterView = z.infer<typeof CalendarSemesterView>;

export const CalendarView = z.object({
  today: z.string(),
  currentSemesterId: z.string(),
  inBreak: z.boolean(),
  /** The default rule in words. */
  ruleText: z.string(),
  schoolYears: z.array(z.object({ id: z.string(), name: z.string(), semesters: z.array(CalendarSemesterView) })),
});
export type CalendarView = z.infer<typeof CalendarView>;
