import type { GradeRow } from '../../../types/grade';
import type { Policy } from '../../../types/policy';
import { EvaluationRun, type EvaluateOptions, type Evaluation } from './evaluation-run';
import { indexByStudent } from './student-index';

/**
 * Runs a policy over grade rows for one semester. Pure and deterministic: rows are indexed by
 * student once, each student's rows read once, and output is sorted by id.
 */
export function evaluatePolicy(policy: Policy, rows: ReadonlyArray<GradeRow>, options: EvaluateOptions): Evaluation {
  const index = indexByStudent(rows);
  const run = new EvaluationRun(policy, options);
  index.ids.forEach((id, k) => run.addIndexed(id, rows, index.rowIndex, index.start[k] ?? 0, index.start[k + 1] ?? 0));
  return run.finish();
}
