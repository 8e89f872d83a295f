import type { CourseKind, GradeRow, ParsedScore } from '../../../types/grade';
import type { CourseTally } from './course-tally';
import { byText } from './course-tally';

/** A course as an explanation names it. */
export type CourseRef = { code: string; name: string; credits: number; kind?: CourseKind };

/** Everything the triggers and the lifting condition read about one student in one semester. */
export type StudentFacts = {
  studentId: string;
  studentName: string | null;
  classId: string | null;
  /** Courses of the semester failed at the regular exam (正考不及格). */
  regularFailed: CourseRef[];
  /** Courses of the semester whose make-up exam failed and that are not passed (补考后仍不及格). */
  failedAfterMakeup: CourseRef[];
  /** Courses up to the semester failed and never passed since (挂科/应重修). */
  owed: CourseRef[];
  regularFailedCredits: number;
  owedCredits: number;
  semesterGpa: number | null;
  cumulativeGpa: number | null;
};

/** Per-course state while one student's rows are read; reused across students. */
type CourseState = {
  code: string;
  name: string;
  kind: CourseKind | undefined;
  passedEver: boolean;
  passedInSemester: boolean;
  failedEver: boolean;
  /** Largest credits among failed rows: credits belong to the course, rows may disagree. */
  failCredits: number;
  regularInSemester: boolean;
  regularPassed: boolean;
  regularFailed: boolean;
  regularFailCredits: number;
  makeupFailed: boolean;
  bestPoint: number;
  pointCredits: number;
  bestPointInSemester: number;
  pointCreditsInSemester: number;
};

/**
 * Reads each student's rows once: rows after the semester are ignored, rows of the semester
 * also feed the course tally. Millions of rows allocate almost nothing: course codes are
 * numbered once per run, a student's courses find their state through a slot table stamped
 * with the student's turn, and the state objects are pooled.
 */
export class FactsBuilder {
  private readonly courseNumbers = new Map<string, number>();
  private slotOf = new Int32Array(256);
  private turnOf = new Int32Array(256);
  private turn = 0;
  private readonly pool: CourseState[] = [];
  private used = 0;

  constructor(
    private readonly semester: string,
    private readonly readScore: (raw: string) => ParsedScore,
    private readonly tally: CourseTally | null,
  ) {}

  /**
   * Facts of one student from rows[from] … rows[to - 1], or through `rowIndex` when given
   * (rows[rowIndex[from]] …); null when none of the rows is up to the semester.
   */
  build(
    studentId: string,
    rows: ReadonlyArray<GradeRow>,
    from: number,
    to: number,
    rowIndex: Int32Array | null,
  ): StudentFacts | null {
    const pool = this.pool;
    const numbers = this.courseNumbers;
    const turn = ++this.turn;
    let used = 0;
    const semester = this.semester;
    let studentName: string | null = null;
    let classId: string | null = null;
    let seen = 0;
    for (let k = from; k < to; k++) {
      const row = rows[rowIndex === null ? k : (rowIndex[k] ?? -1)];
      if (row === undefined || row.semester > semester) continue;
      seen++;
      if (row.studentName && row.studentName !== studentName && (studentName === null || row.studentName < studentName))
        studentName = row.studentName;
      if (row.classId && row.classId !== classId && (classId === null || row.classId < classId)) classId = row.classId;
      const score = this.readScore(row.score);
      if (score.outcome === 'none') continue;
      let n = numbers.get(row.courseCode);
      if (n === undefined) {
        n = numbers.size;
        numbers.set(row.courseCode, n);
        if (n >= this.slotOf.length) this.growSlots();
      }
      let c: CourseState | undefined;
      if (this.turnOf[n] === turn) {
        c = pool[this.slotOf[n] ?? 0];
        if (c !== undefined && row.courseName !== c.name && row.courseName < c.name) c.name = row.courseName;
      }
      if (c === undefined) {
        c = pool[used];
        if (c === undefined) {
          c = newState();
          pool.push(c);
        }
        this.turnOf[n] = turn;
        this.slotOf[n] = used;
        used++;
        resetState(c, row.courseCode, row.courseName);
      }
      if (row.courseKind !== undefined && c.kind === undefined) c.kind = row.courseKind;
      const passed = score.outcome === 'pass';
      const inSemester = row.semester === semester;
      if (passed) {
        c.passedEver = true;
        if (inSemester) c.passedInSemester = true;
      } else {
        c.failedEver = true;
        if (row.credits > c.failCredits) c.failCredits = row.credits;
      }
      const point = score.gradePoint;
      if (point !== null && (point > c.bestPoint || (point === c.bestPoint && row.credits > c.pointCredits))) {
        c.bestPoint = point;
        c.pointCredits = row.credits;
      }
      if (!inSemester) continue;
      if (
        point !== null &&
        (point > c.bestPointInSemester || (point === c.bestPointInSemester && row.credits > c.pointCreditsInSemester))
      ) {
        c.bestPointInSemester = point;
        c.pointCreditsInSemester = row.credits;
      }
      if (row.attempt === 'regular') {
        c.regularInSemester = true;
        if (passed) c.regularPassed = true;
        else {
          c.regularFailed = true;
          if (row.credits > c.regularFailCredits) c.regularFailCredits = row.credits;
        }
        if (this.tally !== null && score.kind !== 'exempt') this.tally.add(row, !passed);
      } else if (row.attempt === 'makeup' && !passed) c.makeupFailed = true;
    }
    this.used = used;
    return seen === 0 ? null : this.summarise(studentId, studentName, classId);
  }

  private growSlots(): void {
    const slotOf = new Int32Array(this.slotOf.length * 2);
    const turnOf = new Int32Array(this.turnOf.length * 2);
    slotOf.set(this.slotOf);
    turnOf.set(this.turnOf);
    this.slotOf = slotOf;
    this.turnOf = turnOf;
  }

  /** A student known only from a previous run or a manual entry. */
  empty(studentId: string): StudentFacts {
    this.used = 0;
    return this.summarise(studentId, null, null);
  }

  private summarise(studentId: string, studentName: string | null, classId: string | null): StudentFacts {
    const regularFailed: CourseRef[] = [];
    const failedAfterMakeup: CourseRef[] = [];
    const owed: CourseRef[] = [];
    let regularFailedCredits = 0;
    let owedCredits = 0;
    let points = 0;
    let pointCredits = 0;
    let semesterPoints = 0;
    let semesterCredits = 0;
    for (let i = 0; i < this.used; i++) {
      const c = this.pool[i];
      if (c === undefined) continue;
      const code = c.code;
      const kind = c.kind === undefined ? {} : { kind: c.kind };
      if (c.regularFailed && !c.regularPassed) {
        regularFailed.push({ code, name: c.name, credits: c.regularFailCredits, ...kind });
        regularFailedCredits += c.regularFailCredits;
      }
      if (c.makeupFailed && !c.passedInSemester)
        failedAfterMakeup.push({ code, name: c.name, credits: c.failCredits, ...kind });
      if (c.failedEver && !c.passedEver) {
        owed.push({ code, name: c.name, credits: c.failCredits, ...kind });
        owedCredits += c.failCredits;
      }
      if (c.bestPoint >= 0) {
        points += c.bestPoint * c.pointCredits;
        pointCredits += c.pointCredits;
      }
      if (c.regularInSemester && c.bestPointInSemester >= 0) {
        semesterPoints += c.bestPointInSemester * c.pointCreditsInSemester;
        semesterCredits += c.pointCreditsInSemester;
      }
    }
    regularFailed.sort(byCode);
    failedAfterMakeup.sort(byCode);
    owed.sort(byCode);
    return {
      studentId,
      studentName,
      classId,
      regularFailed,
      failedAfterMakeup,
      owed,
      regularFailedCredits: roundCredits(regularFailedCredits),
      owedCredits: roundCredits(owedCredits),
      semesterGpa: semesterCredits > 0 ? roundGpa(semesterPoints / semesterCredits) : null,
      cumulativeGpa: pointCredits > 0 ? roundGpa(points / pointCredits) : null,
    };
  }
}

function newState(): CourseState {
  return {
    code: '',
    name: '',
    kind: undefined,
    passedEver: false,
    passedInSemester: false,
    failedEver: false,
    failCredits: 0,
    regularInSemester: false,
    regularPassed: false,
    regularFailed: false,
    regularFailCredits: 0,
    makeupFailed: false,
    bestPoint: -1,
    pointCredits: 0,
    bestPointInSemester: -1,
    pointCreditsInSemester: 0,
  };
}

function resetState(c: CourseState, code: string, name: string): void {
  c.code = code;
  c.name = name;
  c.kind = undefined;
  c.passedEver = false;
  c.passedInSemester = false;
  c.failedEver = false;
  c.failCredits = 0;
  c.regularInSemester = false;
  c.regularPassed = false;
  c.regularFailed = false;
  c.regularFailCredits = 0;
  c.makeupFailed = false;
  c.bestPoint = -1;
  c.pointCredits = 0;
  c.bestPointInSemester = -1;
  c.pointCreditsInSemester = 0;
}

function byCode(a: CourseRef, b: CourseRef): number {
  return byText(a.code, b.code);
}

/** Credits are halves or tenths: round away floating-point sums before comparing thresholds. */
export function roundCredits(value: number): number {
  return Math.round(value * 100) / 100;
}

/** GPA is compared and shown with 2 decimals, as transcripts print it. */
export function roundGpa(value: number): number {
  return Math.round(value * 100) / 100;
}
