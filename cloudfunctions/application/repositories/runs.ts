import type { RunEntry, RunStatus } from '../../../types/api/warnings';
import type { ManualEntry } from '../../../types/policy';
import { NotFoundError } from '../../core/errors';
import type { CourseResult, TeacherResult } from '../../core/rules';
import { queryAll, type Store, type Stored, type TxStore } from '../../platform/store/store';

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
  const run = await store.get('warningRuns', runId);
  if (!run) throw new NotFoundError('该次警示名单');
  return run;
}

/** The college's newest draft (runs are large: one, by limit 1). */
export async function newestDraft(store: Store, collegeId: string): Promise<Stored<WarningRun> | null> {
  const [run] = await store.query('warningRuns', {
    where: { collegeId, status: 'draft' },
    orderBy: [
      { field: 'createdAt', direction: 'desc' },
      { field: '_id', direction: 'desc' },
    ],
    limit: 1,
  });
  return run ?? null;
}

/** The college's drafts and published runs, newest first; discarded drafts stay on record but off the list. */
export async function listedRuns(store: Store, collegeId: string): Promise<Stored<WarningRun>[]> {
  return queryAll(store, 'warningRuns', {
    where: { collegeId, status: { in: ['draft', 'published'] } },
    orderBy: [
      { field: 'createdAt', direction: 'desc' },
      { field: '_id', direction: 'desc' },
    ],
  });
}

/** The college's latest published runs, by publication, newest first. */
export async function latestPublished(store: Store, collegeId: string, limit: number, semester?: string): Promise<Stored<WarningRun>[]> {
  return store.query('warningRuns', {
    where: { collegeId, status: 'published', ...(semester !== undefined ? { semester } : {}) },
    orderBy: [
      { field: 'publishedAt', direction: 'desc' },
      { field: '_id', direction: 'desc' },
    ],
    limit,
  });
}

/** The latest semester the college published a list of, or null. */
export async function latestPublishedSemester(store: Store, collegeId: string): Promise<string | null> {
  const [run] = await store.query('warningRuns', { where: { collegeId, status: 'published' }, orderBy: [{ field: 'semester', direction: 'desc' }], limit: 1 });
  return run?.semester ?? null;
}
