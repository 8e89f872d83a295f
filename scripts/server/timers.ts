import type { Clock } from '../../cloudfunctions/core/time/clock';
import type { Store } from '../../cloudfunctions/platform/store/store';
import { localSender } from '../../cloudfunctions/platform/messenger/local-sender';
import { runScheduler } from '../../cloudfunctions/application/reminders/scheduler-tick';
import { queueDutyReminders } from '../../cloudfunctions/application/duties/reminders-job';
import { queueCourseTaskReminders } from '../../cloudfunctions/application/reports/course-task-reminders';

/** Scheduled jobs that a timer trigger runs in the cloud; locally a plain interval. */
export type LocalJob = { name: string; everyMs: number; run(store: Store, clock: Clock): Promise<unknown> };

export const localJobs: LocalJob[] = [
  // The scheduler function's timer (every minute in the cloud): deadline reminders, then the outbox into the local inbox.
  {
    name: 'send-outbox',
    everyMs: 5000,
    run: (store, clock) => runScheduler(store, clock, localSender(store), 'local-scheduler'),
  },
  // Duty reminders (issue 6): one "about to be overdue" message per person, duty and window.
  { name: 'duty-reminders', everyMs: 10 * 60_000, run: queueDutyReminders },
  // Course-improvement tasks (issue 14): due soon / overdue, one message each to the department head.
  { name: 'course-task-reminders', everyMs: 10 * 60_000, run: queueCourseTaskReminders },
];

export function startLocalTimers({ store, clock }: { store: Store; clock: Clock }): { stop(): void } {
  const handles = localJobs.map((job) =>
    setInterval(() => {
      job.run(store, clock).catch((error: unknown) => console.error(`[timer ${job.name}]`, error));
    }, job.everyMs),
  );
  return { stop: () => handles.forEach(clearInterval) };
}
