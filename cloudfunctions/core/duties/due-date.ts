import { dateOf } from './shanghai-days';

/**
 * The one due-date convention: a duty's window ends at an instant (exclusive, the midnight after
 * its last day); people are shown the last day itself, inclusive, in Shanghai. Every screen and
 * message renders a deadline through these two, so no two screens can disagree by a day.
 */
export function lastDayOf(dueAt: string): string {
  return dateOf(Date.parse(dueAt) - 1);
}

/** "截止 2026-12-07" (the last day on which the duty can still be met). */
export function dueDateText(dueAt: string): string {
  return `截止 ${lastDayOf(dueAt)}`;
}
