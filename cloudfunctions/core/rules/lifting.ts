import type { Lifting } from '../../../types/policy';
import type { StudentFacts } from './student-facts';

/** True when an earlier warning is lifted (解除) by these facts. */
export function isLifted(lifting: Lifting, facts: StudentFacts): boolean {
  if (lifting.allDueCompleted && facts.owed.length === 0) return true;
  return lifting.owedCreditsBelow !== undefined && facts.owedCredits < lifting.owedCreditsBelow;
}

export function describeLifting(lifting: Lifting): string {
  const parts: string[] = [];
  if (lifting.allDueCompleted) parts.push('完成所有应修课程');
  if (lifting.owedCreditsBelow !== undefined) parts.push(`未通过课程学分累计低于 ${lifting.owedCreditsBelow} 学分`);
  return parts.join('或');
}
