import type { CourseLine, RunEntry } from '../../../types/api/warnings';
import type { GradeRow } from '../../../types/grade';
import type { Policy } from '../../../types/policy';
import { createScoreReader, type Evaluation, type StudentResult } from '../rules';

const byText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
const levelIndex = (policy: Policy, level: string | null): number =>
  level === null ? -1 : policy.levels.findIndex((l) => l.id === level);

/** Names and links the entries show, read by the handler before it builds them. */
export type EntryDirectory = {
  students: ReadonlyMap<string, { name: string; classId: string }>;
  classNames: ReadonlyMap<string, string>;
  userNames: ReadonlyMap<string, string>;
  /** The student's active warning when the run was made. */
  previousWarnings: ReadonlyMap<string, string>;
};

/** A student belongs on the run's list when they have a level or their level changed (e.g. lifted). */
export function isListed(result: Pick<StudentResult, 'level' | 'change' | 'manual'>): boolean {
  return result.level !== null || result.change !== 'none' || result.manual !== null;
}

/**
 * Courses still owed (failed at some attempt up to the semester and never passed since), per
 * student, by code: the lines of the summary table and of the study plan. Read with the same
 * score reader as the engine; credits are the largest of the failed rows, as the engine counts.
 */
export function owedCourses(
  policy: Policy,
  semester: string,
  rows: ReadonlyArray<GradeRow>,
  studentIds: ReadonlySet<string>,
): Map<string, CourseLine[]> {
  const read = createScoreReader(policy.passMark);
  type Owed = { name: string; credits: number; passed: boolean; failed: boolean };
  const perStudent = new Map<string, Map<string, Owed>>();
  for (const row of rows) {
    if (row.semester > semester || !studentIds.has(row.studentId)) continue;
    const outcome = read(row.score).outcome;
    if (outcome === 'none') continue;
    let courses = perStudent.get(row.studentId);
    if (courses === undefined) perStudent.set(row.studentId, (courses = new Map<string, Owed>()));
    let course = courses.get(row.courseCode);
    if (course === undefined)
      courses.set(row.courseCode, (course = { name: row.courseName, credits: 0, passed: false, failed: false }));
    if (row.courseName < course.name) course.name = row.courseName;
    if (outcome === 'pass') course.passed = true;
    else {
      course.failed = true;
      if (row.credits > course.credits) course.credits = row.credits;
    }
  }
  const out = new Map<string, CourseLine[]>();
  for (const [studentId, courses] of perStudent) {
    const owed: CourseLine[] = [];
    for (const [code, c] of courses) if (c.failed && !c.passed) owed.push({ code, name: c.name, credits: c.credits });
    out.set(
      studentId,
      owed.sort((a, b) => byText(a.code, b.code)),
    );
  }
  return out;
}

export function toRunEntry(
  policy: Policy,
  result: StudentResult,
  dir: EntryDirectory,
  failed: ReadonlyArray<CourseLine>,
): RunEntry {
  const student = dir.students.get(result.studentId);
  const classId = student?.classId ?? result.classId ?? '';
  const previous = result.previousLevel === null ? null : policy.levels.find((l) => l.id === result.previousLevel);
  return {
    studentId: result.studentId,
    studentName: student?.name ?? result.studentName ?? result.studentId,
    classId,
    className: dir.classNames.get(classId) ?? classId,
    level: result.level,
    levelName: result.levelName,
    levelRank: levelIndex(policy, result.level),
    previousLevel: result.previousLevel,
    previousLevelName: previous?.name ?? result.previousLevel,
    previousWarningId: dir.previousWarnings.get(result.studentId) ?? null,
    change: result.change,
    source: result.source,
    triggers: result.triggers.map((t) => ({
      rule: t.rule,
      kind: t.kind,
      level: t.level,
      courses: [...t.courses],
      credits: t.credits,
      value: t.value,
      text: t.text,
    })),
    manual: result.manual
      ? { ...result.manual, byName: dir.userNames.get(result.manual.by) ?? result.manual.by }
      : null,
    failedCourses: [...failed],
    figures: { ...result.figures },
  };
}

/** The listed students of an evaluation as run entries, in student-id order (as the engine sorts). */
export function toRunEntries(
  policy: Policy,
  evaluation: Evaluation,
  rows: ReadonlyArray<GradeRow>,
  dir: EntryDirectory,
): RunEntry[] {
  const listed = evaluation.students.filter(isListed);
  const owed = owedCourses(policy, evaluation.semester, rows, new Set(listed.map((s) => s.studentId)));
  return listed.map((s) => toRunEntry(policy, s, dir, owed.get(s.studentId) ?? []));
}
