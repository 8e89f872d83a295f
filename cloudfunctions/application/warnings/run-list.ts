import type { RunSummary } from '../../../types/api/warnings';
import { classesInScope, reviewScope } from '../../core/access/review-scope';
import type { Context } from '../../platform/runtime/define-function';
import { listedRuns } from '../repositories/runs';
import { collegeClasses } from './college-data';
import { blockOf, collegeNow } from './publishability';
import { summaryOf } from './run-summary';

/** The college's runs as the caller may review them (a department head sees their classes' entries), newest first. */
export async function listRuns(ctx: Context, collegeId: string): Promise<RunSummary[]> {
  const scope = reviewScope(ctx.actor, collegeId);
  // Discarded drafts stay on record but off the list: they were the pile the clerk cleared.
  const runs = await listedRuns(ctx.store, collegeId);
  const now = runs.some((r) => r.status === 'draft') ? await collegeNow(ctx.store, collegeId) : null;
  const blocks = new Map<string, RunSummary['publishBlock']>();
  for (const r of runs) if (now !== null && r.status === 'draft') blocks.set(r._id, await blockOf(r, now));
  if (scope.all) return runs.map((r) => summaryOf(r, r.entries, blocks.get(r._id) ?? null));
  const visible = classesInScope(scope, await collegeClasses(ctx.store, collegeId));
  return runs.map((r) =>
    summaryOf(
      r,
      r.entries.filter((e) => visible.has(e.classId)),
      blocks.get(r._id) ?? null,
    ),
  );
}
