import { GRADE_CORRECTIONS, type GradeCorrection } from '../../types/grade';
import type { Warning } from '../../types/warning';
import { publishBlock, type CollegeFacts, type PublishBlock } from '../core/publishing/draft-publishability';
import { publicationChange } from '../core/publishing/publish-plan';
import type { Store, Stored } from '../platform/store/store';
import { activeWarnings } from './college-data';
import { RUNS, type WarningRun } from './run-doc';

/** What the college looked like now, read once for any number of its drafts. */
export type CollegeNow = {
  published: Stored<WarningRun>[];
  active: Stored<Warning>[];
  corrections: { count: number; lastAt: string | null };
};

export async function collegeNow(store: Store, collegeId: string): Promise<CollegeNow> {
  const published = await store.query<WarningRun>(RUNS, {
    where: { collegeId, status: 'published' },
    orderBy: [
      { field: 'publishedAt', direction: 'desc' },
      { field: '_id', direction: 'desc' },
    ],
    limit: 100,
  });
  const count = await store.count(GRADE_CORRECTIONS, { collegeId });
  const [latest] = count === 0 ? [] : await store.query<GradeCorrection>(GRADE_CORRECTIONS, { where: { collegeId }, orderBy: [{ field: 'at', direction: 'desc' }], limit: 1 });
  return { published, active: await activeWarnings(store, collegeId), corrections: { count, lastAt: latest?.at ?? null } };
}

/** The facts publishBlock weighs for one draft. */
export function factsFor(run: Stored<WarningRun>, now: CollegeNow): CollegeFacts {
  const last = now.published.find((r) => r._id !== run._id && r.semester === run.semester);
  const latestSemester = now.published.filter((r) => r._id !== run._id).reduce<string | null>((max, r) => (max === null || r.semester > max ? r.semester : max), null);
  const expected = new Set(run.previous.map((p) => p.warningId));
  const active = new Set(now.active.map((w) => w._id));
  const keptGone = run.entries.filter((e) => publicationChange(e) === 'keep' && e.previousWarningId !== null && !active.has(e.previousWarningId)).length;
  return {
    lastPublishOfSemester: last ? { runId: last._id, at: last.publishedAt ?? last.updatedAt, byName: last.publishedByName ?? '' } : null,
    latestPublishedSemester: latestSemester,
    unexpectedActive: now.active.filter((w) => w.runId !== run._id && !expected.has(w._id)).length,
    keptButGone: keptGone,
    corrections: now.corrections,
  };
}

export function blockOf(run: Stored<WarningRun>, now: CollegeNow): PublishBlock | null {
  return publishBlock({ runId: run._id, semester: run.semester, status: run.status, createdAt: run.createdAt, ...(run.basis ? { basis: run.basis } : {}) }, factsFor(run, now));
}
