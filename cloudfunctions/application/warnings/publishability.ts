import type { Warning } from '../../../types/warning';
import { publishBlock, type CollegeFacts, type PublishBlock } from '../../core/publishing/draft-publishability';
import { publicationChange } from '../../core/publishing/publish-plan';
import type { Store, Stored } from '../../platform/store/store';
import { activeWarnings } from '../repositories/warnings';
import { latestPublished, latestPublishedSemester, type WarningRun } from '../repositories/runs';

type LastPublish = { runId: string; at: string; byName: string };

/** What the college looks like now, read once for any number of its drafts (runs are large: one each, by limit 1). */
export type CollegeNow = {
  collegeId: string;
  /** The latest published run of a semester (cached per semester). */
  lastPublishOf(semester: string): Promise<LastPublish | null>;
  latestSemester: string | null;
  active: Stored<Warning>[];
  corrections: { count: number; lastAt: string | null };
};

export async function collegeNow(store: Store, collegeId: string): Promise<CollegeNow> {
  const latestSemester = await latestPublishedSemester(store, collegeId);
  const count = await store.count('gradeCorrections', { collegeId });
  const [correction] =
    count === 0
      ? []
      : await store.query('gradeCorrections', {
          where: { collegeId },
          orderBy: [{ field: 'at', direction: 'desc' }],
          limit: 1,
        });
  const bySemester = new Map<string, Promise<LastPublish | null>>();
  return {
    collegeId,
    lastPublishOf(semester) {
      let found = bySemester.get(semester);
      if (found === undefined) {
        found = latestPublished(store, collegeId, 1, semester).then(([run]) =>
          run ? { runId: run._id, at: run.publishedAt ?? run.updatedAt, byName: run.publishedByName ?? '' } : null,
        );
        bySemester.set(semester, found);
      }
      return found;
    },
    latestSemester,
    active: await activeWarnings(store, collegeId),
    corrections: { count, lastAt: correction?.at ?? null },
  };
}

/** The facts publishBlock weighs for one draft. */
export async function factsFor(run: Stored<WarningRun>, now: CollegeNow): Promise<CollegeFacts> {
  const last = await now.lastPublishOf(run.semester);
  const expected = new Set(run.previous.map((p) => p.warningId));
  const active = new Set(now.active.map((w) => w._id));
  const keptGone = run.entries.filter(
    (e) => publicationChange(e) === 'keep' && e.previousWarningId !== null && !active.has(e.previousWarningId),
  ).length;
  return {
    lastPublishOfSemester: last !== null && last.runId !== run._id ? last : null,
    latestPublishedSemester: now.latestSemester,
    unexpectedActive: now.active.filter((w) => w.runId !== run._id && !expected.has(w._id)).length,
    keptButGone: keptGone,
    corrections: now.corrections,
  };
}

export async function blockOf(run: Stored<WarningRun>, now: CollegeNow): Promise<PublishBlock | null> {
  return publishBlock(
    {
      runId: run._id,
      semester: run.semester,
      status: run.status,
      createdAt: run.createdAt,
      ...(run.basis ? { basis: run.basis } : {}),
    },
    await factsFor(run, now),
  );
}
