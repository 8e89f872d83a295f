import type { GradeRow } from '../../../types/grade';
import type { ManualEntry, Policy, PreviousEntry } from '../../../types/policy';
import { classifyChange, type Change } from './change';
import { byText, CourseTally, type CourseResult, type TeacherResult } from './course-tally';
import { groupByStudent } from './group-by-student';
import { levelIndex, matchLevels } from './level-match';
import { describeLifting, isLifted } from './lifting';
import { applyManual, checkManualEntry, manualMark, type ManualMark } from './manual-entry';
import { createScoreReader } from './score';
import { FactsBuilder, type StudentFacts } from './student-facts';
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

export type Evaluation = {
  policy: string;
  semester: string;
  /** Every student with a grade up to the semester, a previous level or a manual entry; by id. */
  students: StudentResult[];
  courses: CourseResult[];
  teachers: TeacherResult[];
  rejectedManual: { entry: ManualEntry; message: string }[];
};

export type EvaluateOptions = {
  semester: string;
  previous?: ReadonlyArray<PreviousEntry>;
  manual?: ReadonlyArray<ManualEntry>;
};

const noRows: GradeRow[] = [];

/**
 * Runs a policy over grade rows for one semester. Pure and deterministic: rows are grouped by
 * student once, each student's rows read once, and output is sorted by id.
 */
export function evaluatePolicy(policy: Policy, rows: ReadonlyArray<GradeRow>, options: EvaluateOptions): Evaluation {
  const { semester } = options;
  const groups = groupByStudent(rows);
  const previous = new Map<string, string | null>();
  for (const p of options.previous ?? []) previous.set(p.studentId, p.level);
  const manual = new Map<string, ManualEntry>();
  const rejectedManual: Evaluation['rejectedManual'] = [];
  for (const entry of options.manual ?? []) {
    const message = checkManualEntry(policy, entry);
    if (message === null) manual.set(entry.studentId, entry);
    else rejectedManual.push({ entry, message });
  }

  const ids = new Set<string>();
  for (const [id, studentRows] of groups) if (hasRowUpTo(studentRows, semester)) ids.add(id);
  for (const id of previous.keys()) ids.add(id);
  for (const id of manual.keys()) ids.add(id);
  const sorted = [...ids].sort(byText);

  const tally = new CourseTally();
  const builder = new FactsBuilder(semester, createScoreReader(policy.passMark), tally);
  const liftingText = policy.lifting ? describeLifting(policy.lifting) : '';
  const students = sorted.map((id) => {
    const facts = builder.build(id, groups.get(id) ?? noRows);
    return judge(policy, facts, previous.get(id) ?? null, manual.get(id), liftingText);
  });

  const threshold = policy.courseAnalysis.failRateAbove;
  return { policy: policy.id, semester, students, courses: tally.courseResults(threshold), teachers: tally.teacherResults(threshold), rejectedManual };
}

function hasRowUpTo(rows: ReadonlyArray<GradeRow>, semester: string): boolean {
  for (const row of rows) if (row.semester <= semester) return true;
  return false;
}

function judge(policy: Policy, facts: StudentFacts, previousLevel: string | null, entry: ManualEntry | undefined, liftingText: string): StudentResult {
  const match = matchLevels(policy.levels, facts);
  const previousIndex = levelIndex(policy, previousLevel);
  let index = match.index;
  let triggers = match.fired;
  let source: LevelSource | null = index >= 0 ? 'rules' : null;
  // A warning from an earlier run holds until its lifting condition is met (seed 004 §三.4).
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
