import type { DutyPeriod } from '../../../types/duty';
import { addMonths, DAY, startOfDay, startOfMonth, weekdayFromMonday } from './shanghai-days';
import type { Span, Term } from './term';

/** One period window [start, end); `nominal` is the length of the uncut period, to judge a cut piece. */
export type DutyWindow = Span & { nominal: number };

type SteppedPeriod = Extract<DutyPeriod, 'week' | 'twoWeeks' | 'month' | 'quarter'>;

/**
 * Where the k-th window of a stepped period starts, counted from its anchor (Shanghai days have
 * 24 hours; months are never added cumulatively: Jan 31 + 1 month + 1 month ≠ Mar 31).
 */
function stepper(period: SteppedPeriod, semesterStart: number): (k: number) => number {
  switch (period) {
    case 'week': {
      const monday = semesterStart - weekdayFromMonday(semesterStart) * DAY;
      return (k) => monday + 7 * k * DAY;
    }
    case 'twoWeeks':
      return (k) => semesterStart + 14 * k * DAY;
    case 'month': {
      const first = startOfMonth(semesterStart);
      return (k) => addMonths(first, k);
    }
    case 'quarter':
      return (k) => addMonths(semesterStart, 3 * k);
  }
}

/** The uncut windows of a stepped period that overlap the semester. */
export function steppedWindows(period: SteppedPeriod, term: Term): DutyWindow[] {
  const at = stepper(period, term.semesterSpan.start);
  const windows: DutyWindow[] = [];
  for (let k = 0; ; k += 1) {
    const start = at(k);
    if (start >= term.semesterSpan.end) break;
    const end = at(k + 1);
    windows.push({ start, end, nominal: end - start });
  }
  return windows;
}

/**
 * Cut windows to a range (the semester, a warned student's active time). A piece at either edge
 * shorter than a third of its period joins its neighbour, so nobody owes two themed activities
 * in the six February days before a month turns, or a monthly talk three days after a warning.
 */
export function clipWindows(windows: readonly DutyWindow[], range: Span): DutyWindow[] {
  const cut: DutyWindow[] = [];
  for (const w of windows) {
    const start = Math.max(w.start, range.start);
    const end = Math.min(w.end, range.end);
    if (start < end) cut.push({ start, end, nominal: w.nominal });
  }
  const first = cut[0];
  const second = cut[1];
  if (first && second && isShort(first))
    cut.splice(0, 2, { start: first.start, end: second.end, nominal: second.nominal });
  const last = cut[cut.length - 1];
  const beforeLast = cut[cut.length - 2];
  if (last && beforeLast && isShort(last)) {
    cut.splice(cut.length - 2, 2, { start: beforeLast.start, end: last.end, nominal: beforeLast.nominal });
  }
  return cut;
}

function isShort(w: DutyWindow): boolean {
  return (w.end - w.start) * 3 < w.nominal;
}

/** The single window of a whole-span period, cut to the range. */
function single(span: Span, range: Span): DutyWindow[] {
  const start = Math.max(span.start, range.start);
  const end = Math.min(span.end, range.end);
  return start < end ? [{ start, end, nominal: span.end - span.start }] : [];
}

/**
 * "Within N days" of a document: up to the end of the N-th day after it (a notice on a Monday
 * is due by the end of the next Monday), Shanghai days.
 */
export function withinDaysWindow(since: number, days: number): DutyWindow {
  const end = startOfDay(since) + (days + 1) * DAY;
  return { start: since, end, nominal: end - since };
}

/** The last `days` days of the semester. */
export function semesterEndSpan(term: Term, days: number): Span {
  return { start: Math.max(term.semesterSpan.start, term.semesterSpan.end - days * DAY), end: term.semesterSpan.end };
}

/**
 * Windows of one period for a unit active during `active` (a whole semester for most units; from
 * the warning's publication to its lifting for a warned student). Stepped windows come from
 * `stepped`, cached by the caller per period.
 */
export function periodWindows(
  period: Exclude<DutyPeriod, 'withinDaysOf'>,
  term: Term,
  active: Span,
  stepped: (p: SteppedPeriod) => readonly DutyWindow[],
  withinDays = 0,
): DutyWindow[] {
  const inSemester = intersect(term.semesterSpan, active);
  switch (period) {
    case 'week':
    case 'twoWeeks':
    case 'month':
    case 'quarter':
      return inSemester ? clipWindows(stepped(period), inSemester) : [];
    case 'semester':
      return single(term.semesterSpan, active);
    case 'semesterEnd':
      return single(semesterEndSpan(term, withinDays), active);
    case 'schoolYear':
      return single(term.schoolYearSpan, active);
  }
}

export function intersect(a: Span, b: Span): Span | null {
  const start = Math.max(a.start, b.start);
  const end = Math.min(a.end, b.end);
  return start < end ? { start, end } : null;
}
