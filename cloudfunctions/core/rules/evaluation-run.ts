import type { GradeRow } from '../../../types/grade';
import type { ManualEntry, Policy, PreviousEntry } from '../../../types/policy';
import { byText, CourseTally, type CourseResult, type TeacherResult } from './course-tally';
import { describeLifting } from './lifting';
import { checkManualEntry } from './manual-entry';
import { createScoreReader } from './score';
import { FactsBuilder } from './student-facts';
import { judge, type StudentResult } from './student-result';

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

/**
 * One evaluation fed student by student, so that a caller reading grades page by page from the
 * store (ordered by student) never holds a whole university's rows. Each student's rows must
 * come in one call. `finish` adds students known only from the previous run or a manual entry
 * and sorts everything by id.
 */
export class EvaluationRun {
  private readonly previous = new Map<string, string | null>();
  private readonly manual = new Map<string, ManualEntry>();
  private readonly rejectedManual: Evaluation['rejectedManual'] = [];
  private readonly tally = new CourseTally();
  private readonly builder: FactsBuilder;
  private readonly liftingText: string;
  private readonly seen = new Set<string>();
  private readonly students: StudentResult[] = [];

  constructor(
    private readonly policy: Policy,
    private readonly options: EvaluateOptions,
  ) {
    for (const p of options.previous ?? []) this.previous.set(p.studentId, p.level);
    for (const entry of options.manual ?? []) {
      const message = checkManualEntry(policy, entry);
      if (message === null) this.manual.set(entry.studentId, entry);
      else this.rejectedManual.push({ entry, message });
    }
    this.builder = new FactsBuilder(options.semester, createScoreReader(policy.passMark), this.tally);
    this.liftingText = policy.lifting ? describeLifting(policy.lifting) : '';
  }

  /** All grade rows of one student: rows[from] … rows[to - 1] (the whole array by default). */
  addStudent(studentId: string, rows: ReadonlyArray<GradeRow>, from = 0, to = rows.length): void {
    this.add(studentId, rows, from, to, null);
  }

  /** The student's rows are rows[rowIndex[from]] … rows[rowIndex[to - 1]]. */
  addIndexed(studentId: string, rows: ReadonlyArray<GradeRow>, rowIndex: Int32Array, from: number, to: number): void {
    this.add(studentId, rows, from, to, rowIndex);
  }

  private add(
    studentId: string,
    rows: ReadonlyArray<GradeRow>,
    from: number,
    to: number,
    rowIndex: Int32Array | null,
  ): void {
    if (this.seen.has(studentId))
      throw new Error(`student ${studentId} was added twice: each student's rows must come in one call`);
    this.seen.add(studentId);
    const facts = this.builder.build(studentId, rows, from, to, rowIndex);
    const previousLevel = this.previous.get(studentId);
    const entry = this.manual.get(studentId);
    // Students whose grades are all after the semester are not part of this run.
    if (facts === null && previousLevel === undefined && entry === undefined) return;
    this.students.push(
      judge(this.policy, facts ?? this.builder.empty(studentId), previousLevel ?? null, entry, this.liftingText),
    );
  }

  finish(): Evaluation {
    for (const id of [...this.previous.keys(), ...this.manual.keys()])
      if (!this.seen.has(id)) this.add(id, [], 0, 0, null);
    const students = this.students.sort((a, b) => byText(a.studentId, b.studentId));
    const threshold = this.policy.courseAnalysis.failRateAbove;
    return {
      policy: this.policy.id,
      semester: this.options.semester,
      students,
      courses: this.tally.courseResults(threshold),
      teachers: this.tally.teacherResults(threshold),
      rejectedManual: this.rejectedManual,
    };
  }
}
