/** The academic calendar (校历): the clerk's dates over the default rule, for any year. */
export {
  academicCalendar,
  calendarAround,
  schoolYear,
  schoolYearOfDate,
  semesterDates,
  type CalendarSettings,
  type DatedSemester,
} from './calendar';
export { nextSemesterId, previousSemesterId, semesterAt, semestersBefore } from './current';
export { addDays, chineseDate, daysBetween, shanghaiDateOf } from './dates';
export { defaultCalendarRule, ruleCalendar, ruleOnly } from './defaults';
export { parseCalendarRule, ruleDates, ruleText, semesterIdOf, semesterParts } from './rule';
export { checkSemesterDates, semesterDatesProblem, weeksOf, type CalendarProblem } from './validate';
