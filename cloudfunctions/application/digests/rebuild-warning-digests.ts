import { isDeepStrictEqual } from 'node:util';
import { digestsOf } from '../../core/reports/warning-digest';
import { mapSurviving } from '../../platform/runtime/skip-bad-records';
import { queryAll, type Store, type WriteContext } from '../../platform/store/store';
import { warningFactOf } from './warning-digest-store';

export type DigestCheck = {
  digests: number;
  matching: number;
  mismatched: string[];
  missing: string[];
  extra: string[];
  written: number;
};

/**
 * Builds every semester × class digest from the warnings themselves and compares it with the one
 * kept; with `write`, replaces those that differ (a repair, or the first build on old data).
 */
export async function rebuildWarningDigests(
  store: Store,
  options: { write: false } | { write: true; ctx: WriteContext },
): Promise<DigestCheck> {
  const warnings = mapSurviving(
    'warnings',
    await queryAll(store, 'warnings'),
    (w) => w._id,
    (w) => ({ ...warningFactOf(w), collegeId: w.collegeId }),
  );
  const built = digestsOf(warnings);
  const kept = new Map((await queryAll(store, 'warningDigests')).map((d) => [d._id, d]));
  const check: DigestCheck = { digests: built.length, matching: 0, mismatched: [], missing: [], extra: [], written: 0 };
  for (const d of built) {
    const old = kept.get(d._id);
    kept.delete(d._id);
    const same =
      old !== undefined &&
      old.semester === d.semester &&
      old.classId === d.classId &&
      old.collegeId === d.collegeId &&
      isDeepStrictEqual(old.students, d.students);
    if (same) {
      check.matching += 1;
      continue;
    }
    (old ? check.mismatched : check.missing).push(d._id);
    if (!options.write) continue;
    if (old)
      await store.update(
        'warningDigests',
        d._id,
        { students: d.students, semester: d.semester, classId: d.classId, collegeId: d.collegeId },
        old._version,
        options.ctx,
      );
    else await store.add('warningDigests', d, options.ctx);
    check.written += 1;
  }
  check.extra = [...kept.keys()].sort();
  return check;
}
