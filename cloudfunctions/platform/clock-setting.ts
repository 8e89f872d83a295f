import { instantProblem } from '../../types/fields';
import { fixedClock, systemClock, type Clock } from '../core/time/clock';

/**
 * The one setting that fixes "now" for the local server, the demo and the test harness:
 * XUEYE_NOW, an ISO instant with its offset (e.g. 2027-01-25T10:00:00+08:00). Absent: the
 * system clock (or the caller's fallback, which tests always give, so no test reads the wall clock).
 */
export const CLOCK_SETTING = 'XUEYE_NOW';

type EnvLike = Readonly<Record<string, string | undefined>>;

/** The instant XUEYE_NOW names, or null when it is not set; a malformed value stops with a clear message. */
export function nowFromSetting(env: EnvLike): Date | null {
  const text = env[CLOCK_SETTING]?.trim();
  if (!text) return null;
  const problem = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(text)
    ? instantProblem(text, CLOCK_SETTING)
    : `${CLOCK_SETTING} 应为带时区的 ISO 时间，如 2027-01-25T10:00:00+08:00`;
  if (problem) throw new Error(`${problem}（现为 ${text}）`);
  return new Date(text);
}

export type ClockOptions = {
  /** Used when XUEYE_NOW is absent instead of the system clock (tests pass one). */
  fallback?: string | Date;
  /**
   * The local server's clock runs on from XUEYE_NOW (sessions expire, reminders fall due);
   * tests keep it fixed.
   */
  running?: boolean;
};

/** A fixed clock (set/advance) at XUEYE_NOW or the fallback; the system clock when neither is given. */
export function clockFromSetting(
  env: EnvLike,
  options: ClockOptions & { fallback: string | Date; running?: false },
): ReturnType<typeof fixedClock>;
export function clockFromSetting(env: EnvLike, options?: ClockOptions): Clock;
export function clockFromSetting(env: EnvLike, options: ClockOptions = {}): Clock {
  const start = nowFromSetting(env) ?? (options.fallback === undefined ? null : new Date(options.fallback));
  if (start === null) return systemClock;
  return options.running ? runningFrom(start) : fixedClock(start);
}

/** Starts at `start` and advances with the system clock. */
function runningFrom(start: Date): Clock {
  const offset = start.getTime() - systemClock.now().getTime();
  return { now: () => new Date(systemClock.now().getTime() + offset) };
}
