import type { RunSummary } from '../../types/api/warnings';
import { DomainError } from '../core/errors';
import type { Context } from '../platform/runtime/define-function';
import { loadRun, RUNS, summaryOf, type WarningRun } from './run-doc';

/**
 * The clerk throws a draft away: it stays on record (who, when) as discarded, off the list, and
 * can no longer be changed or published. Discarding it again changes nothing.
 */
export async function discardRun(ctx: Context, runId: string): Promise<RunSummary> {
  const run = await loadRun(ctx.store, runId);
  if (run.status === 'discarded') return summaryOf(run);
  if (run.status === 'published') throw new DomainError('RUN.PUBLISHED', '该名单已发布，不能舍弃');
  if (run.publishing !== null) throw new DomainError('RUN.PUBLISHING', '该名单正在发布，不能舍弃；请等发布完成');
  const discarded = { at: ctx.nowIso(), by: ctx.actor.userId, byName: ctx.actor.name };
  return summaryOf(await ctx.store.update<WarningRun>(RUNS, run._id, { status: 'discarded', discarded }, run._version, ctx.write()));
}
