import { DAY, startOfDay } from './shanghai-days';

/**
 * Until when an evaluation made at `now` stays the same, inputs unchanged: windows and terms turn
 * at Shanghai midnights (calendar dates, weeks, months, "within N days" deadlines); a warned
 * student's duties start and stop at the warning's instants; a record dated ahead counts once its
 * time comes. The first of these after `now` (instants as ISO text or milliseconds).
 */
export function stableUntil(now: number, instants: Iterable<string | number>): number {
  let until = startOfDay(now) + DAY;
  for (const at of instants) {
    const t = typeof at === 'number' ? at : Date.parse(at);
    if (t > now && t < until) until = t;
  }
  return until;
}
