import type { Level, Policy } from '../../../types/policy';
import type { StudentFacts } from './student-facts';
import { fireTrigger, type FiredTrigger } from './trigger';

export type LevelMatch = {
  /** Index of the most severe level reached by the triggers, -1 for none. */
  index: number;
  /** Triggers of every reached level, in level then policy order. */
  fired: FiredTrigger[];
};

const none: LevelMatch = { index: -1, fired: [] };

/** A level is reached when any (or all) of its triggers fire; the most severe reached level wins. */
export function matchLevels(levels: ReadonlyArray<Level>, facts: StudentFacts): LevelMatch {
  let index = -1;
  let fired: FiredTrigger[] | null = null;
  for (let li = 0; li < levels.length; li++) {
    const level = levels[li];
    if (level === undefined || level.triggers.length === 0) continue;
    // Most students fire nothing: allocate only on a hit.
    let hits: FiredTrigger[] | null = null;
    for (const trigger of level.triggers) {
      const hit = fireTrigger(trigger, level.id, facts);
      if (hit !== null) (hits ??= []).push(hit);
      else if (level.combinator === 'all') break;
    }
    if (hits === null || (level.combinator === 'all' && hits.length !== level.triggers.length)) continue;
    index = li;
    fired = fired === null ? hits : fired.concat(hits);
  }
  return fired === null ? none : { index, fired };
}

export function levelIndex(policy: Policy, levelId: string | null | undefined): number {
  if (levelId === null || levelId === undefined) return -1;
  return policy.levels.findIndex((l) => l.id === levelId);
}
