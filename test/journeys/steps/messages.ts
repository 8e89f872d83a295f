import { queryAll } from '../../../cloudfunctions/platform/store/store';
import type { Journey } from '../../support/journey';

type Inboxed = { _id: string; toUserId: string };

/** The person's delivered messages of a kind (`msg:<kind>:…` in the local inbox). */
export async function delivered(j: Journey, userId: string, kind: string): Promise<Inboxed[]> {
  return (await queryAll(j.app.store, 'inbox', { where: { toUserId: userId } })).filter((m) =>
    m._id.startsWith(`msg:${kind}:`),
  );
}

/**
 * Waits until the local timer has delivered one more message of the kind than `before` (WeChat
 * would buzz the phone then); fails saying none came.
 */
export async function awaitMessage(j: Journey, userId: string, kind: string, before: number): Promise<void> {
  const started = performance.now();
  while (performance.now() - started < 15_000) {
    if ((await delivered(j, userId, kind)).length > before) {
      j.note(`a ${kind} message reached ${userId} after ${Math.round(performance.now() - started)} ms`);
      return;
    }
    await new Promise((ok) => setTimeout(ok, 100));
  }
  j.note(`FAILED: no ${kind} message reached ${userId} within 15 s`);
  throw new Error(`journey ${j.name}: no ${kind} message was delivered to ${userId}`);
}
