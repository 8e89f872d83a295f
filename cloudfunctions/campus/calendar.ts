import { type CalendarSemesterView, type CalendarView, type SetSemesterDates } from '../../types/calendar';
import { checkSemesterDates, ruleText, schoolYear, semesterAt, semesterDates, weeksOf } from '../core/calendar';
import { calendarSettings } from '../platform/calendar/stored-calendar';
import { usersByIds } from '../platform/directory/directory';
import type { Context } from '../platform/runtime/define-function';

/** The previous, current and next school year, each semester set by the clerk or dated by the rule. */
export async function calendarView(ctx: Context): Promise<CalendarView> {
  const settings = await calendarSettings(ctx.store);
  const { semester: current, inBreak, today } = semesterAt(settings, ctx.clock.now().getTime());
  const year = Number(current.id.slice(0, 4));
  const years = [year - 1, year, year + 1].map((y) => schoolYear(settings, y));
  const setters = await usersByIds(
    ctx.store,
    settings.stored.flatMap((s) => s.history.map((h) => h.by)),
  );
  return {
    today,
    currentSemesterId: current.id,
    inBreak,
    ruleText: ruleText(settings.rule),
    schoolYears: years.map((y) => ({
      id: y.id,
      name: `${y.id} 学年`,
      semesters: y.semesters.map((s): CalendarSemesterView => {
        const dated = semesterDates(settings, s.id);
        const last = dated.stored?.history[dated.stored.history.length - 1];
        return {
          semesterId: s.id,
          name: dated.name,
          start: s.start,
          end: s.end,
          weeks: weeksOf(s.start, s.end),
          source: dated.source,
          ...(last ? { setByName: setters.get(last.by)?.name ?? '教务员', setAt: last.at } : {}),
          current: s.id === current.id,
        };
      }),
    })),
  };
}

/**
 * The clerk dates a semester. Checked against the semesters around it as they stand; every
 * change is kept in the record's history (who, when, what); the same dates again write nothing.
 */
export async function setSemesterDates(ctx: Context, input: SetSemesterDates): Promise<CalendarView> {
  checkSemesterDates(await calendarSettings(ctx.store), input);
  const write = ctx.write();
  const { semesterId, start, end } = input;
  await ctx.store.transaction(async (tx) => {
    const stored = await tx.get('semesterDates', semesterId);
    const change = { start, end, by: write.by, at: write.at };
    if (!stored) {
      await tx.add('semesterDates', { _id: semesterId, start, end, history: [change] }, write);
    } else if (stored.start !== start || stored.end !== end) {
      await tx.update(
        'semesterDates',
        semesterId,
        { start, end, history: [...stored.history, change] },
        stored._version,
        write,
      );
    }
  });
  return calendarView(ctx);
}
