import type { CorrectionLine } from '../../../types/api/warnings';
import { attemptLabel, type GradeCorrection, type GradeRow } from '../../../types/grade';
import { gradeDocId } from '../grades/grade-doc-id';

type Correction = Pick<GradeCorrection, '_id' | 'gradeId' | 'action' | 'score' | 'credits' | 'at'>;

/** The standing correction per grade row: a later one replaces an earlier one of the same row. */
function standing<C extends Correction>(corrections: ReadonlyArray<C>): Map<string, C> {
  const sorted = [...corrections].sort((a, b) => (a.at === b.at ? (a._id < b._id ? -1 : 1) : a.at < b.at ? -1 : 1));
  return new Map(sorted.map((c) => [c.gradeId, c]));
}

/**
 * The grade rows as the engine must read them: excluded rows left out, corrected rows with the
 * corrected result (and credits). Rows are matched by their key fields, so a row re-imported
 * later is still corrected. Pure; rows without a correction are passed through unchanged.
 */
export function correctedRows<R extends GradeRow>(rows: ReadonlyArray<R>, corrections: ReadonlyArray<Correction>): R[] {
  if (corrections.length === 0) return [...rows];
  const byGrade = standing(corrections);
  const out: R[] = [];
  for (const row of rows) {
    const c = byGrade.get(gradeDocId(row));
    if (c === undefined) out.push(row);
    else if (c.action === 'correct')
      out.push({ ...row, score: c.score ?? row.score, credits: c.credits ?? row.credits });
  }
  return out;
}

/** What a correction did, in words for the list, the notice and the 汇总表. */
export function describeCorrection(
  c: Pick<
    GradeCorrection,
    'action' | 'courseName' | 'courseCode' | 'semester' | 'attempt' | 'before' | 'score' | 'credits'
  >,
): string {
  const row = `${c.courseName}（${c.courseCode}，${c.semester} ${attemptLabel[c.attempt]}）`;
  if (c.action === 'exclude') return `${row}成绩 ${c.before.score} 不计入`;
  const credits =
    c.credits !== null && c.credits !== c.before.credits ? `，学分 ${c.before.credits} → ${c.credits}` : '';
  return `${row}成绩 ${c.before.score} → ${c.score ?? c.before.score}${credits}`;
}

/** Each student's standing corrections up to the semester, as lines, oldest first. */
export function correctionLines(
  corrections: ReadonlyArray<GradeCorrection>,
  semester: string,
): Map<string, CorrectionLine[]> {
  const out = new Map<string, CorrectionLine[]>();
  const kept = [...standing(corrections).values()]
    .filter((c) => c.semester <= semester)
    .sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : a.gradeId < b.gradeId ? -1 : 1));
  for (const c of kept) {
    const lines = out.get(c.studentId) ?? [];
    lines.push({ text: describeCorrection(c), reason: c.reason, byName: c.byName, at: c.at });
    out.set(c.studentId, lines);
  }
  return out;
}
