import dayjs, { type Dayjs } from 'dayjs';
import utc from 'dayjs/plugin/utc';
import timezone from 'dayjs/plugin/timezone';

dayjs.extend(utc);
dayjs.extend(timezone);

/** Every deadline and period in this product is reckoned in China Standard Time. */
export const ZONE = 'Asia/Shanghai';

/** An instant seen on the Shanghai wall clock. */
export function shanghai(at: string | number | Date | Dayjs): Dayjs {
  return dayjs(at).tz(ZONE);
}

/** Parse a wall-clock date/time written in Shanghai (e.g. '2026-03-02' or '2026-03-02 08:00'). */
export function shanghaiLocal(text: string): Dayjs {
  return dayjs.tz(text, ZONE);
}

/** ISO instant with the +08:00 offset, how times are stored and shown. */
export function toIso(at: Dayjs | Date | string): string {
  return shanghai(at).format('YYYY-MM-DDTHH:mm:ss.SSSZ');
}

export function formatDate(at: string | Date | Dayjs): string {
  return shanghai(at).format('YYYY-MM-DD');
}

/**
 * China has kept one offset, without daylight saving, since 1991: the wall-clock text helpers
 * below use it as a fixed offset, so the mini-program (whose engine may lack Intl time zones)
 * shares them with the functions.
 */
const OFFSET_MINUTES = 8 * 60;

/** 'YYYY-MM-DD HH:mm' on the Shanghai wall clock ('' for no real instant), how times are shown. */
export function formatDateTime(at: string | number | Date | Dayjs): string {
  const d = dayjs(at);
  return d.isValid() ? d.utcOffset(OFFSET_MINUTES).format('YYYY-MM-DD HH:mm') : '';
}

/** A wall-clock time typed in Shanghai ('2026-11-20 15:00') as ISO +08:00; null when it is not a real time (2026-02-30). */
export function parseDateTime(text: string): string | null {
  const typed = text.trim();
  const m = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2})$/.exec(typed);
  if (!m) return null;
  const iso = `${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:00+08:00`;
  return formatDateTime(iso) === typed ? iso : null;
}

export { dayjs, type Dayjs };
