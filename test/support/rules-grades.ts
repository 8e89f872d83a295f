import type { Attempt, GradeRow } from '../../types/grade';
import type { Policy } from '../../types/policy';
import { evaluatePolicy, type EvaluateOptions, type StudentResult } from '../../cloudfunctions/core/rules';

/** The semester most tests evaluate, and the one before it. */
export const S1 = '2025-2026-1';
export const S0 = '2024-2025-2';

type GradeOptions = {
  attempt?: Attempt;
  credits?: number;
  semester?: string;
  name?: string;
  teacher?: string;
  dept?: string;
  studentName?: string;
  classId?: string;
};

/** One grade row; defaults: regular exam, 3 credits, semester S1. */
export function grade(studentId: string, courseCode: string, score: string, options: GradeOptions = {}): GradeRow {
  const row: GradeRow = {
    studentId,
    courseCode,
    courseName: options.name ?? `课程${courseCode}`,
    credits: options.credits ?? 3,
    score,
    attempt: options.attempt ?? 'regular',
    semester: options.semester ?? S1,
  };
  if (options.teacher !== undefined) row.teacherName = options.teacher;
  if (options.dept !== undefined) row.departmentId = options.dept;
  if (options.studentName !== undefined) row.studentName = options.studentName;
  if (options.classId !== undefined) row.classId = options.classId;
  return row;
}

/** `n` courses failed at the regular exam (score 40), codes F1…Fn. */
export function regularFails(studentId: string, n: number, options: GradeOptions = {}): GradeRow[] {
  return Array.from({ length: n }, (_, i) => grade(studentId, `F${i + 1}`, '40', options));
}

/** `n` courses failed at the regular exam and again at the make-up, codes M1…Mn. */
export function makeupFails(studentId: string, n: number, options: GradeOptions = {}): GradeRow[] {
  return Array.from({ length: n }, (_, i) => [
    grade(studentId, `M${i + 1}`, '40', options),
    grade(studentId, `M${i + 1}`, '50', { ...options, attempt: 'makeup' }),
  ]).flat();
}

/** The result of one student, failing the test when the student is missing. */
export function resultOf(
  policy: Policy,
  rows: GradeRow[],
  studentId: string,
  options: Partial<EvaluateOptions> = {},
): StudentResult {
  const result = evaluatePolicy(policy, rows, { semester: S1, ...options }).students.find(
    (s) => s.studentId === studentId,
  );
  if (!result) throw new Error(`no result for ${studentId}`);
  return result;
}
