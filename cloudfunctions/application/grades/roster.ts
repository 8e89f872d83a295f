import type { Student } from '../../../types/domain';
import type { RowCheckOptions } from '../../core/grades/row-checker';
import { queryAll, type Store, type Stored } from '../../platform/store/store';

/** Ids per `in` query: well under CloudBase's limits on a condition's size. */
const IN_BATCH = 500;

/** The college's students among these ids (others are 未知学生 to the import). */
export async function rosterOf(
  store: Store,
  collegeId: string,
  studentIds: Iterable<string>,
): Promise<Map<string, Stored<Student>>> {
  const ids = [...new Set(studentIds)].filter((s) => s !== '').sort();
  const out = new Map<string, Stored<Student>>();
  for (let i = 0; i < ids.length; i += IN_BATCH) {
    const rows = await queryAll(store, 'students', { where: { _id: { in: ids.slice(i, i + IN_BATCH) }, collegeId } });
    for (const s of rows) out.set(s._id, s);
  }
  return out;
}

/**
 * The checks a roster gives a grade file: 学号 of the college's students only, and the 姓名 of
 * the row must be the roster's. A getter, because an import reads the roster chunk by chunk.
 */
export function rosterChecks(roster: () => ReadonlyMap<string, Pick<Student, 'name'>>): RowCheckOptions {
  return { knownStudent: (id) => roster().has(id), studentNameOf: (id) => roster().get(id)?.name };
}
