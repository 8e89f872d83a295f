import type { RunEntry } from '../../types/api/warnings';
import type { Harness } from './harness';

/** A run's entries as the clerk reviews them (all of them, no filter). */
export async function entriesOf(h: Harness, runId: string, userId = 't-clerk'): Promise<RunEntry[]> {
  return (await h.ok(userId, 'warnings', 'review', { runId, limit: 500 })).entries;
}

/** Runs and publishes a semester as the clerk; returns the run id. */
export async function publishSemester(h: Harness, semester: string, policyId?: string): Promise<string> {
  const run = await h.ok('t-clerk', 'warnings', 'run', policyId ? { semester, policyId } : { semester });
  await h.ok('t-clerk', 'warnings', 'publish', { runId: run.runId });
  return run.runId;
}

/** Entry fields that must not depend on when or by whom the run was made. */
export function comparable(entries: RunEntry[]) {
  return entries.map(({ previousWarningId: _ignored, ...rest }) => rest);
}
