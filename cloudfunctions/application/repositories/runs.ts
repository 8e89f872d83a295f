import type { RunEntry, RunStatus, RunSummary } from '../../types/api/warnings';
import type { ManualEntry, Policy } from '../../types/policy';
import { DomainError, NotFoundError } from '../core/errors';
import { countEntries } from '../core/publishing/entry-filter';
import type { CourseResult, TeacherResult } from '../core/rules';
import { presetPolicy } from '../core/rules';
import type { Store, Stored, TxStore } from '../platform/store/store';

export const RUNS = 'warningRuns';

/**
 * One run of a policy over a college's grades ('warningRuns'): the reviewed list before and
 * after publication. Runs are never deleted: a published run is the record of what was issued.
 */
export type WarningRun = {
  collegeId: string;
  semester: string;
  policyId: string;
  policyName: string;
  status: RunStatus;
  entries: RunEntry[];
  /** Flagged courses and teachers only (fail rate above the policy's threshold). */
  courses: CourseResult[];
  teachers: TeacherResult[];
  threshold: number;
  /** The college's active warnings when the run was made: the base of every change. */
  previous: { studentId: string; level: string; warningId: string }[];
  manual: ManualEntry[];
  rejectedManual: { studentId: string; message: string }[];
  gradeRows: number;
  students: number;
  createdByName: string;
  /** Set when publishing starts, so a resumed publish stamps every warning the same. */
  publishing: { at: string; by: string } | null;
  publishedAt: string | null;
  publishedBy: string | null;
  publishedByName?: string | null;
  /** What the draft was made on (see publishBlock); absent on runs made before it was recorded. */
  basis?: { publishedRunId: string | null; corrections: number };
  discarded?: { at: string; by: string; byName: string } | null;
};

export async function loadRun(store: Store | TxStore, runId: string): Promise<Stored<WarningRun>> {
  const run = await store.get<WarningRun>(RUNS, runId);
  if (!run) throw new NotFoundError('该次警示名单');
  return run;
}

export function policyOfRun(run: Pick<WarningRun, 'policyId'>): Policy {
  const policy = presetPolicy(run.policyId);
  if (!policy) throw new DomainError('POLICY.UNKNOWN', `警示政策“${run.policyId}”已不存在`);
  return policy;
}

/** Changes are taken only before publishing starts: a resumed publish must write the list it began with. */
export function assertDraft(run: WarningRun): void {
  if (run.status === 'discarded') throw new DomainError('RUN.DISCARDED', '该名单草稿已舍弃，不能再修改；如需调整请重新运行');
  if (run.status !== 'draft') throw new DomainError('RUN.PUBLISHED', '该名单已发布，不能再修改；如需调整请重新运行');
  if (run.publishing !== null) throw new DomainError('RUN.PUBLISHING', '该名单正在发布，不能再修改；请等发布完成后重新运行再调整');
}

export function summaryOf(run: Stored<WarningRun>, entries: ReadonlyArray<RunEntry> = run.entries, publishBlock: RunSummary['publishBlock'] = null): RunSummary {
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
