import type { GradeRow } from '../../types/grade';
import type { GradeDocument } from '../platform/store/documents/grades';

/**
 * A stored grade: the row as imported, its class taken from the student's record (files name
 * classes their own way), and which import wrote it — so a resumed chunk recognises its own rows.
 */
export type GradeDoc = GradeDocument;

/** Same student, course, semester and exam type: one grade (the stored id may predate gradeDocId). */
export function gradeKey(row: Pick<GradeRow, 'studentId' | 'courseCode' | 'semester' | 'attempt'>): string {
  return `${row.studentId}\u0001${row.courseCode}\u0001${row.semester}\u0001${row.attempt}`;
}
