import type { GradeRow } from '../../types/grade';
import type { RowError } from '../core/grades/sheet-row';
import { gradeKey, type GradeDoc } from './grade-doc';

export type GoodRow = { rowNumber: number; row: GradeRow };
type Existing = Pick<
  GradeDoc,
  'score' | 'credits' | 'courseName' | 'importId' | 'sourceRow' | 'correctedBy' | 'correctedRow'
> & { _id: string; _version: number };

export type Classified = {
  insert: GoodRow[];
  correct: { rowNumber: number; row: GradeRow; existing: Existing }[];
  /** Rows this job already wrote in a call that did not finish (a retried chunk): count, do not write. */
  redoneInserts: number;
  redoneCorrections: number;
  alreadyPresent: number;
  errors: RowError[];
};

/**
 * What to do with each good row of a chunk, given the grades already stored for its students:
 * insert a new one, correct a stored one whose result differs, or nothing. A stored grade this
 * job wrote from another row of the file is a duplicate row of the file.
 */
export function classifyRows(jobId: string, rows: GoodRow[], existing: ReadonlyMap<string, Existing>): Classified {
  const out: Classified = {
    insert: [],
    correct: [],
    redoneInserts: 0,
    redoneCorrections: 0,
    alreadyPresent: 0,
    errors: [],
  };
  for (const good of rows) {
    const prev = existing.get(gradeKey(good.row));
    if (prev === undefined) out.insert.push(good);
    else if (prev.importId === jobId || prev.correctedBy === jobId) {
      const own = prev.importId === jobId ? prev.sourceRow : prev.correctedRow;
      if (own === good.rowNumber) {
        if (prev.importId === jobId) out.redoneInserts++;
        else out.redoneCorrections++;
      } else
        out.errors.push({
          row: good.rowNumber,
          column: null,
          message: `重复的成绩：与第 ${own ?? '?'} 行的学号、课程代码、学期和考试性质相同`,
        });
    } else if (
      prev.score === good.row.score &&
      prev.credits === good.row.credits &&
      prev.courseName === good.row.courseName
    )
      out.alreadyPresent++;
    else out.correct.push({ ...good, existing: prev });
  }
  return out;
}
