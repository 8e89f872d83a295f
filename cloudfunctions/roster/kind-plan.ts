import { STAFF_PREFIX } from '../../types/roster';
import type { User } from '../../types/domain';
import type { RowError } from '../core/grades/sheet-row';
import type { Comparable, RosterDiff } from '../core/roster/roster-diff';
import type { Context } from '../platform/runtime/define-function';
import { queryIn } from '../platform/store/store';

/** What one kind of file means for the store: rows that name unknown things, both sides to compare, the writes. */
export type KindPlan = {
  errors: RowError[];
  file: Map<string, Comparable>;
  stored: Map<string, Comparable>;
  /** Writes the diff; with removeMissing, marks what the file no longer lists (never deletes). Returns how many were marked. */
  apply(diff: RosterDiff, removeMissing: boolean): Promise<number>;
};

/**
 * With removeMissing, marks each stored record the file no longer lists (`mark` returns false to
 * leave one alone); never deletes people. Returns how many were marked.
 */
export async function markMissing<T>(
  diff: RosterDiff,
  removeMissing: boolean,
  storedOf: (key: string) => T | undefined,
  mark: (prev: T) => Promise<boolean | void>,
): Promise<number> {
  if (!removeMissing) return 0;
  let marked = 0;
  for (const c of diff.missing) {
    const prev = storedOf(c.key);
    if (prev !== undefined && (await mark(prev)) !== false) marked++;
  }
  return marked;
}

export const nameOf = (staff: ReadonlyMap<string, Pick<User, 'name'>>, userId: string | undefined) =>
  userId ? `${staff.get(userId)?.name ?? ''}（${userId.replace(STAFF_PREFIX, '')}）` : '';

/** Ids among `ids` whose record exists with another college: a file may only speak for its own. */
export async function keptByOtherCollege(
  ctx: Context,
  collection: 'students' | 'users',
  ids: string[],
  collegeId: string,
): Promise<Set<string>> {
  const found = await queryIn(ctx.store, collection, '_id', ids);
  return new Set(found.filter((d) => d.collegeId !== undefined && d.collegeId !== collegeId).map((d) => d._id));
}
