import type { Duty, Policy } from '../../../types/policy';
import { levelIndex } from './level-match';

/**
 * The duties a student at this level creates. When the policy builds on lower levels, the
 * duties of every lower level come first (rules: 004-2.6 — 高一级警示工作应当在低一级警示工作的基础上进行).
 */
export function dutiesForLevel(policy: Policy, levelId: string): Duty[] {
  const index = levelIndex(policy, levelId);
  if (index < 0) return [];
  const from = policy.buildsOnLower ? 0 : index;
  return policy.levels.slice(from, index + 1).flatMap((l) => l.duties);
}
