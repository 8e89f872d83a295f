import type { RunEntry, RunSummary } from '../../../types/api/warnings';
import { countEntries } from '../../core/publishing/entry-filter';
import { presetPolicy } from '../../core/rules';
import type { Stored } from '../../platform/store/store';
import type { WarningRun } from '../repositories/runs';

export function summaryOf(
  run: Stored<WarningRun>,
  entries: ReadonlyArray<RunEntry> = run.entries,
  publishBlock: RunSummary['publishBlock'] = null,
): RunSummary {
  const policy = presetPolicy(run.policyId);
  const counts = policy
    ? countEntries(policy, entries)
    : { levels: [], changes: {}, manual: entries.filter((e) => e.manual !== null).length };
  return {
    runId: run._id,
    collegeId: run.collegeId,
    semester: run.semester,
    policyId: run.policyId,
    policyName: run.policyName,
    status: run.status,
    createdAt: run.createdAt,
    createdByName: run.createdByName,
    publishedAt: run.publishedAt,
    publishedByName: run.publishedByName ?? null,
    discardedAt: run.discarded?.at ?? null,
    discardedByName: run.discarded?.byName ?? null,
    publishBlock: run.status === 'draft' ? publishBlock : null,
    gradeRows: run.gradeRows,
    students: run.students,
    ...counts,
    flaggedCourses: run.courses.length,
    rejectedManual: run.rejectedManual,
  };
}
