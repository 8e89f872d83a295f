import { toIso } from '../time/shanghai';
import type { Publicity } from '../../../types/assistant';
import { addDays, shanghaiDateOf } from '../calendar';

/**
 * A publicity of `days` days starting the day it is posted (rules: 000-6.1.3, 000-6.1.4): posted on
 * day 1, it runs to the end of day `days`; from 00:00 of the next day it is over.
 */
export function publicityFrom(now: number, days: number): Publicity {
  const first = shanghaiDateOf(now);
  const lastDay = addDays(first, days - 1);
  return { start: toIso(new Date(now)), end: `${addDays(first, days)}T00:00:00.000+08:00`, lastDay };
}

export function publicityOver(publicity: Publicity, now: number): boolean {
  return now >= Date.parse(publicity.end);
}

export function publicityOpen(publicity: Publicity, now: number): boolean {
  return now >= Date.parse(publicity.start) && now < Date.parse(publicity.end);
}
