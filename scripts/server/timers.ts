import type { Clock } from '../../cloudfunctions/core/time/clock';
import type { Store } from '../../cloudfunctions/platform/store/store';

/** Scheduled jobs that a timer trigger runs in the cloud; locally a plain interval. */
export type LocalJob = { name: string; everyMs: number; run(store: Store, clock: Clock): Promise<unknown> };

export const localJobs: LocalJob[] = [];

export function startLocalTimers({ store, clock }: { store: Store; clock: Clock }): { stop(): void } {
  const handles = localJobs.map((job) =>
    setInterval(() => {
      job.run(store, clock).catch((error: unknown) => console.error(`[timer ${job.name}]`, error));
    }, job.everyMs),
  );
  return { stop: () => handles.forEach(clearInterval) };
}
