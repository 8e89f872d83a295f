/** How a student's level moved against the previous run. */
export type Change = 'new' | 'escalated' | 'deescalated' | 'unchanged' | 'lifted' | 'none';

/** Levels as indexes in the policy's order (higher is more severe), -1 for none. */
export function classifyChange(previous: number, current: number): Change {
  if (previous < 0) return current < 0 ? 'none' : 'new';
  if (current < 0) return 'lifted';
  if (current > previous) return 'escalated';
  if (current < previous) return 'deescalated';
  return 'unchanged';
}
