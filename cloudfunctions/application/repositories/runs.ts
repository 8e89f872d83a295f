import { NotFoundError } from '../../core/errors';
import type { WarningRunDocument } from '../../platform/store/documents/warning-run';
import { queryAll, type Store, type Stored, type TxStore } from '../../platform/store/store';

/**
 * One run of a policy over a college's grades ('warningRuns'): the reviewed list before and
 * after publication. Runs are never deleted: a published run is the record of what was issued.
 */
export type WarningRun = WarningRunDocument;

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
export async function latestPublished(
  store: Store,
  collegeId: string,
  limit: number,
  semester?: string,
): Promise<Stored<WarningRun>[]> {
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
  const [run] = await store.query('warningRuns', {
    where: { collegeId, status: 'published' },
    orderBy: [{ field: 'semester', direction: 'desc' }],
    limit: 1,
  });
  return run?.semester ?? null;
}
