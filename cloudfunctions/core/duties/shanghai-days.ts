/**
 * Shanghai calendar arithmetic for the duty evaluator's hot path. China has kept UTC+08:00 with
 * no daylight saving since 1991, so a Shanghai date is the UTC date of the instant plus 8 hours.
 * The dayjs timezone plugin (time/shanghai.ts) asks Intl on every call (~130 µs); a dashboard
 * formats thousands of window bounds. A test checks these against time/shanghai.ts.
 */
const OFFSET = 8 * 60 * 60 * 1000;
export const DAY = 24 * 60 * 60 * 1000;

/** Midnight in Shanghai starting the calendar date 'YYYY-MM-DD'. */
export function dateStart(date: string): number {
  const [y = NaN, m = NaN, d = NaN] = date.split('-').map(Number);
  return Date.UTC(y, m - 1, d) - OFFSET;
}

/** 'YYYY-MM-DDTHH:mm:ss.SSS+08:00', the form time/shanghai.ts toIso gives. */
export function isoAt(at: number): string {
  return `${new Date(at + OFFSET).toISOString().slice(0, 23)}+08:00`;
}

/** The Shanghai calendar date of an instant. */
export function dateOf(at: number): string {
  return new Date(at + OFFSET).toISOString().slice(0, 10);
}

export function startOfDay(at: number): number {
  return Math.floor((at + OFFSET) / DAY) * DAY - OFFSET;
}

/** 0 = Monday … 6 = Sunday. */
export function weekdayFromMonday(at: number): number {
  return (new Date(at + OFFSET).getUTCDay() + 6) % 7;
}

/** The same day `months` later (clamped to the month's last day, as dayjs does), at midnight. */
export function addMonths(dayStart: number, months: number): number {
  const civil = new Date(dayStart + OFFSET);
  const y = civil.getUTCFullYear();
  const m = civil.getUTCMonth() + months;
  const lastDay = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
  return Date.UTC(y, m, Math.min(civil.getUTCDate(), lastDay)) - OFFSET;
}

/** Midnight starting the month of an instant. */
export function startOfMonth(at: number): number {
  const civil = new Date(at + OFFSET);
  return Date.UTC(civil.getUTCFullYear(), civil.getUTCMonth(), 1) - OFFSET;
}
