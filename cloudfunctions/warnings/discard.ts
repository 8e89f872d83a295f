import type { RunSummary } from '../../types/api/warnings';
import { discardChanges } from '../core/publishing/run-state';
import type { Context } from '../platform/runtime/define-function';
import { loadRun } from '../application/repositories/runs';
import { summaryOf } from '../application/warnings/run-summary';

/**
 * The clerk throws a draft away: it stays on record (who, when) as discarded, off the list, and
 * can no longer be changed or published. Discarding it again changes nothing.
 */
export async function discardRun(ctx: Context, runId: string): Promise<RunSummary> {
  const run = await loadRun(ctx.store, runId);
  if (!discardChanges(run)) return summaryOf(run);
  const discarded = { at: ctx.nowIso(), by: ctx.actor.userId, byName: ctx.actor.name };
  return summaryOf(
    await ctx.store.update('warningRuns', run._id, { status: 'discarded', discarded }, run._version, ctx.write()),
  );
}
