import type { GradeRow } from '../../../types/grade';
import { failRateOf, isAboveRate } from './fail-rate';

/** Regular-exam results of one course in the semester (rules: 003-3 — 不及格人数超过 15%). */
export type CourseResult = {
  courseCode: string;
  courseName: string;
  departmentId: string | null;
  graded: number;
  failed: number;
  failRate: number;
  flagged: boolean;
};

/** The same figures for one teacher over all the courses they taught in the semester. */
export type TeacherResult = {
  teacherName: string;
  departmentId: string | null;
  courseCodes: string[];
  graded: number;
  failed: number;
  failRate: number;
  flagged: boolean;
};

type Tally = { name: string; departmentId: string | null; graded: number; failed: number; codes: Set<string> | null };

/**
 * Counts regular-exam results per course and per teacher. Names and departments keep the
 * smallest value seen, so the result does not depend on row order.
 */
export class CourseTally {
  private readonly courses = new Map<string, Tally>();
  private readonly teachers = new Map<string, Tally>();

  add(row: GradeRow, failed: boolean): void {
    let course = this.courses.get(row.courseCode);
    if (course === undefined) {
      course = { name: row.courseName, departmentId: null, graded: 0, failed: 0, codes: null };
      this.courses.set(row.courseCode, course);
    }
    count(course, row, failed);
    if (row.courseName < course.name) course.name = row.courseName;
    if (row.teacherName === undefined || row.teacherName === '') return;
    let teacher = this.teachers.get(row.teacherName);
    if (teacher === undefined) {
      teacher = { name: row.teacherName, departmentId: null, graded: 0, failed: 0, codes: new Set() };
      this.teachers.set(row.teacherName, teacher);
    }
    count(teacher, row, failed);
    teacher.codes?.add(row.courseCode);
  }

  courseResults(threshold: number): CourseResult[] {
    return [...this.courses.keys()].sort(byText).flatMap((code) => {
      const t = this.courses.get(code);
      if (t === undefined) return [];
      return [{ courseCode: code, courseName: t.name, departmentId: t.departmentId, ...rates(t, threshold) }];
    });
  }

  teacherResults(threshold: number): TeacherResult[] {
    return [...this.teachers.keys()].sort(byText).flatMap((name) => {
      const t = this.teachers.get(name);
      if (t === undefined) return [];
      return [
        {
          teacherName: name,
          departmentId: t.departmentId,
          courseCodes: [...(t.codes ?? [])].sort(byText),
          ...rates(t, threshold),
        },
      ];
    });
  }
}

function count(t: Tally, row: GradeRow, failed: boolean): void {
  t.graded++;
  if (failed) t.failed++;
  const dept = row.departmentId;
  if (dept !== undefined && dept !== '' && (t.departmentId === null || dept < t.departmentId)) t.departmentId = dept;
}

function rates(t: Tally, threshold: number) {
  return {
    graded: t.graded,
    failed: t.failed,
    failRate: failRateOf(t.failed, t.graded),
    flagged: isAboveRate(t.failed, t.graded, threshold),
  };
}

export function byText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
