import type { ColumnMapping, GradeChangePreview, GradePreview } from '../../types/api/grades';
import type { Student } from '../../types/domain';
import { attemptLabel, type GradeRow } from '../../types/grade';
import { gradeDocId } from '../core/grades/grade-doc-id';
import { fieldLabel, gradeFields, type GradeField } from '../core/grades/grade-columns';
import { createGradeImport } from '../core/grades/grade-import';
import type { HeaderMap } from '../core/grades/header-map';
import type { RowError, SheetRow } from '../core/grades/sheet-row';
import { GradeFileError, readGradeFile } from '../platform/grades/grade-file';
import type { Context } from '../platform/runtime/define-function';
import type { Stored } from '../platform/store/store';
import { gradeKey } from './grade-doc';
import { isFileReadError, pull } from '../application/grades/file-rows';
import { rosterChecks, rosterOf } from '../application/grades/roster';
import { queryIn } from '../platform/store/store';

export const previewSettings = { scanRows: 1000, sampleRows: 20, maxErrors: 500, maxChanges: 200 };

const valuesOf = (r: Pick<GradeRow, 'score' | 'credits' | 'courseName'>) => ({
  score: r.score,
  credits: r.credits,
  courseName: r.courseName,
});

/** Good rows that would correct a stored grade, old → new, in file order (the import's own test of "changed"). */
async function changesOf(
  ctx: Context,
  good: { rowNumber: number; row: GradeRow }[],
  roster: ReadonlyMap<string, Stored<Student>>,
): Promise<GradeChangePreview[]> {
  const stored = new Map(
    (
      await queryIn(
        ctx.store,
        'grades',
        '_id',
        good.map((g) => gradeDocId(g.row)),
      )
    ).map((d) => [gradeKey(d), d]),
  );
  const out: GradeChangePreview[] = [];
  for (const { rowNumber, row } of good) {
    const prev = stored.get(gradeKey(row));
    if (!prev || (prev.score === row.score && prev.credits === row.credits && prev.courseName === row.courseName))
      continue;
    out.push({
      row: rowNumber,
      studentId: row.studentId,
      studentName: roster.get(row.studentId)?.name ?? row.studentName ?? '',
      courseCode: row.courseCode,
      semester: row.semester,
      attemptLabel: attemptLabel[row.attempt],
      before: valuesOf(prev),
      after: valuesOf(row),
    });
  }
  return out;
}

function columnsOf(map: HeaderMap): ColumnMapping[] {
  const fieldAt = new Map<number, GradeField>();
  for (const field of gradeFields) {
    const index = map.columns[field];
    if (index !== undefined) fieldAt.set(index, field);
  }
  return map.headers.flatMap((header, index) => {
    if (header === '') return [];
    const field = fieldAt.get(index) ?? null;
    return [{ index, header, field, fieldLabel: field === null ? null : fieldLabel[field] }];
  });
}

const empty = (fatal: string): GradePreview => ({
  fatal,
  columns: [],
  rows: [],
  scanned: 0,
  good: 0,
  bad: 0,
  voided: 0,
  errors: [],
  changed: 0,
  changes: [],
  more: false,
});

/** The header mapping, the first good rows and the errors among the first rows, before importing. */
export async function previewFile(ctx: Context, collegeId: string, fileId: string): Promise<GradePreview> {
  let source: AsyncIterable<SheetRow>;
  try {
    source = await readGradeFile(await ctx.files.localPath(fileId));
  } catch (error) {
    if (error instanceof GradeFileError) return empty(error.message);
    throw error;
  }
  const rows = source[Symbol.asyncIterator]();
  let header: SheetRow | null = null;
  const batch: SheetRow[] = [];
  let more = false;
  try {
    for (;;) {
      const next = await pull(rows);
      if (next.done) break;
      if (header === null) header = next.value;
      else if (batch.length < previewSettings.scanRows) batch.push(next.value);
      else {
        more = true;
        break;
      }
    }
  } catch (error) {
    if (isFileReadError(error)) return empty(error.message);
    throw error;
  } finally {
    await rows.return?.();
  }
  if (header === null) return empty('文件是空的：没有表头和成绩');

  let roster: ReadonlyMap<string, Stored<Student>> = new Map();
  const importer = createGradeImport(rosterChecks(() => roster));
  const first = importer.accept(header);
  if (first.kind === 'fatal') return empty(first.message);
  if (first.kind !== 'header') return empty('文件是空的：没有表头和成绩');
  const idColumn = first.map.columns.studentId;
  roster = await rosterOf(
    ctx.store,
    collegeId,
    batch.map((r) => (idColumn === undefined ? '' : (r.cells[idColumn] ?? '').trim())),
  );

  const sample: GradeRow[] = [];
  const goodRows: { rowNumber: number; row: GradeRow }[] = [];
  const errors: RowError[] = [];
  let good = 0;
  let bad = 0;
  let voided = 0;
  for (const sheetRow of batch) {
    const step = importer.accept(sheetRow);
    if (step.kind === 'row') {
      good++;
      goodRows.push({ rowNumber: sheetRow.rowNumber, row: step.row });
      if (sample.length < previewSettings.sampleRows) sample.push(step.row);
    } else if (step.kind === 'voided') voided++;
    else if (step.kind === 'errors') {
      bad++;
      if (errors.length < previewSettings.maxErrors) errors.push(...step.errors);
    }
  }
  const changes = await changesOf(ctx, goodRows, roster);
  return {
    fatal: null,
    columns: columnsOf(first.map),
    rows: sample,
    scanned: good + bad,
    good,
    bad,
    voided,
    errors,
    changed: changes.length,
    changes: changes.slice(0, previewSettings.maxChanges),
    more,
  };
}
