import type { ManualEntry, Policy } from '../../../types/policy';
import { classifyChange, type Change } from './change';
import { levelIndex, matchLevels } from './level-match';
import { isLifted } from './lifting';
import { applyManual, manualMark, type ManualMark } from './manual-entry';
import type { StudentFacts } from './student-facts';
import { notLifted, type FiredTrigger } from './trigger';

/** Who decided the level: the triggers, an unlifted earlier warning, or a person. */
export type LevelSource = 'rules' | 'carried' | 'manual';

export type StudentResult = {
  studentId: string;
  studentName: string | null;
  classId: string | null;
  level: string | null;
  levelName: string | null;
  previousLevel: string | null;
  change: Change;
  source: LevelSource | null;
  triggers: FiredTrigger[];
  manual: ManualMark | null;
  figures: {
    regularFails: number;
    failedAfterMakeup: number;
    regularFailedCredits: number;
    owedCredits: number;
    semesterGpa: number | null;
    cumulativeGpa: number | null;
  };
};

/**
 * One student's result: the most severe level the triggers reach, an earlier warning kept
 * until lifted, then the manual entry; with every fired trigger as the explanation.
 */
export function judge(
  policy: Policy,
  facts: StudentFacts,
  previousLevel: string | null,
  entry: ManualEntry | undefined,
  liftingText: string,
): StudentResult {
  const match = matchLevels(policy.levels, facts);
  const previousIndex = levelIndex(policy, previousLevel);
  let index = match.index;
  let triggers = match.fired;
  let source: LevelSource | null = index >= 0 ? 'rules' : null;
  // A warning from an earlier run holds until its lifting condition is met (rules: 004-3.4).
  if (policy.lifting && previousIndex > index && !isLifted(policy.lifting, facts)) {
    const level = policy.levels[previousIndex];
    if (level) {
      index = previousIndex;
      triggers = triggers.concat(notLifted(level.id, facts, liftingText));
      source = 'carried';
    }
  }
  if (entry !== undefined) {
    const applied = applyManual(policy, index, entry);
    index = applied.index;
    if (applied.manualWins) source = 'manual';
    if (index < 0) source = null;
  }
  const level = index >= 0 ? policy.levels[index] : undefined;
  return {
    studentId: facts.studentId,
    studentName: facts.studentName,
    classId: facts.classId,
    level: level?.id ?? null,
    levelName: level?.name ?? null,
    previousLevel: previousIndex >= 0 ? previousLevel : null,
    change: classifyChange(previousIndex, level ? index : -1),
    source: level ? source : null,
    triggers,
    manual: entry ? manualMark(entry) : null,
    figures: {
      regularFails: facts.regularFailed.length,
      failedAfterMakeup: facts.failedAfterMakeup.length,
      regularFailedCredits: facts.regularFailedCredits,
      owedCredits: facts.owedCredits,
      semesterGpa: facts.semesterGpa,
      cumulativeGpa: facts.cumulativeGpa,
    },
  };
}
