import {
  addDays,
  ruleOnly,
  semesterAt,
  semestersBefore,
  type CalendarSettings,
  type DatedSemester,
} from '../../cloudfunctions/core/calendar';
import type { Clock } from '../../cloudfunctions/core/time/clock';
import { shanghaiLocal, toIso } from '../../cloudfunctions/core/time/shanghai';

/**
 * Where the demo sits in time, from the clock, so it looks the same on any day:
 * - current: today's semester — the one containing today, or in a break the one just ended
 *   (in January a counselor looks back on the autumn term; the duty views do the same);
 * - finished: the two semesters before it, whose grades the demo holds; the older one's list was
 *   published within two weeks of the newer one's start, the newer one's waits as a draft;
 * - cohorts: the two intakes in their second and third year of study during the current semester;
 * - activity: staff check-ins in the current semester, every whole week from its start up to
 *   this week (never in the future), or to its end when it is over.
 */
export type DemoTimeline = {
  now: string;
  current: DatedSemester;
  inBreak: boolean;
  finished: readonly [DatedSemester, DatedSemester];
  cohorts: readonly [number, number];
  /** When the clerk published the older finished semester's list. */
  publishedAt: string;
  /** Check-ins are made in the weeks from `from` (inclusive) to `until` (exclusive), dates in Shanghai. */
  activity: { from: string; until: string };
};

export function demoTimeline(clock: Clock, settings: CalendarSettings = ruleOnly): DemoTimeline {
  const now = clock.now();
  const { semester: current, inBreak, today } = semesterAt(settings, now.getTime());
  const [older, newer] = semestersBefore(settings, current.id, 2);
  if (!older || !newer) throw new Error('demo timeline: no semesters before the current one');
  const schoolYear = Number(current.id.slice(0, 4));
  const monday = addDays(today, -((shanghaiLocal(today).day() + 6) % 7));
  const afterEnd = addDays(current.end, 1);
  return {
    now: toIso(now),
    current,
    inBreak,
    finished: [older, newer],
    cohorts: [schoolYear - 2, schoolYear - 1],
    // Within two weeks of the next semester's start (rules: 004-2.3), on its second Tuesday morning.
    publishedAt: toIso(shanghaiLocal(`${addDays(newer.start, 8)} 10:00`)),
    activity: { from: current.start, until: monday < afterEnd ? monday : afterEnd },
  };
}
