import type { Clock } from '../../core/time/clock';
import { shanghai } from '../../core/time/shanghai';
import { sendDue, type SendPassResult } from '../../platform/messenger/send-pass';
import type { MessageSender } from '../../platform/messenger/sender';
import type { Store } from '../../platform/store/store';
import { queueDeadlineMessages, type DeadlinePassResult } from '../deadlines/deadline-pass';

export type SchedulerResult = { deadlines: DeadlinePassResult; send: SendPassResult };

/** One tick of the scheduler: queue what deadlines owe, then send what is due. */
export async function runScheduler(
  store: Store,
  clock: Clock,
  sender: MessageSender,
  claimer: string,
): Promise<SchedulerResult> {
  const deadlines = await queueDeadlineMessages(store, clock);
  const send = await sendDue(store, sender, clock, claimer);
  return { deadlines, send };
}

/** CloudBase allows one trigger per function, so the minute tick does the hourly work at minute 0 (Shanghai). */
export function hourlyWorkDue(now: Date): boolean {
  return shanghai(now).minute() === 0;
}
