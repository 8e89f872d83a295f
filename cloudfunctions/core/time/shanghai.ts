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

export function formatDateTime(at: string | Date | Dayjs): string {
  return shanghai(at).format('YYYY-MM-DD HH:mm');
}

export { dayjs, type Dayjs };
