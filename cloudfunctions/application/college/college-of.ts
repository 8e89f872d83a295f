import type { Actor } from '../../../types/domain';
import type { Resource } from '../../core/access/authorize';

/**
 * The college a college-wide action works on: the one asked for, else the caller's own (a clerk
 * or leader serves one college). An empty resource when the caller has none, so access is denied.
 */
export function collegeOf(actor: Actor, asked: string | undefined): string | null {
  if (asked !== undefined) return asked;
  const ids = [...new Set(actor.grants.flatMap((g) => ('collegeId' in g ? [g.collegeId] : [])))].sort();
  return ids[0] ?? null;
}

export function collegeResource(actor: Actor, asked: string | undefined): Resource {
  const collegeId = collegeOf(actor, asked);
  return collegeId === null ? {} : { collegeId };
}
