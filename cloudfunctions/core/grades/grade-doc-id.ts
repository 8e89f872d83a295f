import type { GradeRow } from '../../../types/grade';

/**
 * The stored id of a grade: one per student, course, semester and exam type, so importing the
 * same file twice (or resuming a chunk) adds nothing.
 */
export function gradeDocId(row: Pick<GradeRow, 'studentId' | 'courseCode' | 'semester' | 'attempt'>): string {
  return `${row.studentId}:${row.courseCode}:${row.semester}:${row.attempt}`;
}
