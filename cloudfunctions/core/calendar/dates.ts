/**
 * Arithmetic on calendar dates 'YYYY-MM-DD' (Shanghai dates, no time of day), on UTC noon so
 * that no offset or leap second can move a date.
 */
const DAY = 86_400_000;

function toUtc(date: string): number {
  const [y = NaN, m = NaN, d = NaN] = date.split('-').map(Number);
  return Date.UTC(y, m - 1, d, 12);
}

function fromUtc(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

export function addDays(date: string, days: number): string {
  return fromUtc(toUtc(date) + days * DAY);
}

/** Days from `a` to `b` (b − a). */
export function daysBetween(a: string, b: string): number {
  return Math.round((toUtc(b) - toUtc(a)) / DAY);
}

/** 0 = Monday … 6 = Sunday. */
export function weekdayOf(date: string): number {
  return (new Date(toUtc(date)).getUTCDay() + 6) % 7;
}

export function firstMondayOnOrAfter(date: string): string {
  return addDays(date, (7 - weekdayOf(date)) % 7);
}

/** The Shanghai calendar date of an instant (UTC+08:00, no daylight saving since 1991). */
export function shanghaiDateOf(at: number): string {
  return fromUtc(at + 8 * 3_600_000);
}

/** 2026-09-07 → 2026年9月7日 */
export function chineseDate(date: string): string {
  const [y, m, d] = date.split('-').map(Number);
  return `${y}年${m}月${d}日`;
}
