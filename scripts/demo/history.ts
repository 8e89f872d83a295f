import { functions } from '../../cloudfunctions/registry';
import { fixedClock, type Clock } from '../../cloudfunctions/core/time/clock';
import type { FileSource } from '../../cloudfunctions/platform/files/file-source';
import type { Store } from '../../cloudfunctions/platform/store/store';
import type { Envelope } from '../../types/envelope';
import { DEMO_OPENID_PREFIX } from './generate';
import { demoTimeline } from './timeline';

/**
 * A semester of history for the local demo, made through the same functions a clerk uses, dated
 * from `now` (timeline.ts): the older finished semester's list was published within two weeks of
 * the newer one's start (notices, parent deadlines, duties follow), and the newer one's list is
 * run now and waits as a draft for the clerk to review and publish.
 */
export async function publishDemoHistory(
  store: Store,
  files: FileSource,
  now: Clock,
): Promise<{ published: number; draftRunId: string; publishedSemester: string; draftSemester: string }> {
  const { finished, publishedAt } = demoTimeline(now);
  const [older, newer] = finished;
  const warnings = functions.warnings;
  if (!warnings) throw new Error('warnings function is not registered');
  const asClerk = async (clock: Clock, action: string, input: Record<string, unknown>): Promise<unknown> => {
    const result: Envelope<unknown> = await warnings.dispatch(
      { action, input },
      { store, files, clock, openid: `${DEMO_OPENID_PREFIX}t-clerk` },
    );
    if (!result.ok) throw new Error(`demo history: warnings.${action} failed: ${result.code} ${result.message}`);
    return result.data;
  };
  const idOf = (data: unknown): string => {
    const id: unknown = typeof data === 'object' && data !== null ? Reflect.get(data, 'runId') : undefined;
    if (typeof id !== 'string') throw new Error('demo history: run without id');
    return id;
  };

  // Within two weeks of the next semester's start (rules: 004-2.3), as the college would have done it.
  const then = fixedClock(publishedAt);
  const first = idOf(await asClerk(then, 'run', { semester: older.id }));
  let published = 0;
  for (;;) {
    const step = await asClerk(then, 'publish', { runId: first });
    published += Number(Reflect.get(Object(step), 'published') ?? 0);
    if (Reflect.get(Object(step), 'done') === true) break;
  }
  const draftRunId = idOf(await asClerk(now, 'run', { semester: newer.id }));
  return { published, draftRunId, publishedSemester: older.id, draftSemester: newer.id };
}
