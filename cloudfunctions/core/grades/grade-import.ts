import type { GradeRow } from '../../../types/grade';
import { mapHeader, type HeaderMap } from './header-map';
import { createRowChecker, type RowCheck, type RowCheckOptions } from './row-checker';
import type { RowError, SheetRow } from './sheet-row';

export type ImportStep = { kind: 'header'; map: HeaderMap } | { kind: 'fatal'; message: string } | RowCheck;

/**
 * A streaming import: feed rows one by one; the first non-blank row is the header. Only the
 * duplicate index grows with the file, so an import never needs all rows in memory.
 */
export function createGradeImport(options: RowCheckOptions = {}) {
  let check: ((row: SheetRow) => RowCheck) | null = null;
  let header: HeaderMap | null = null;
  let fatal: string | null = null;
  const counts = { rows: 0, good: 0, bad: 0 };
  return {
    accept(sheetRow: SheetRow): ImportStep {
      if (fatal !== null) return { kind: 'fatal', message: fatal };
      if (check === null) {
        if (sheetRow.cells.every((c) => c.trim() === '')) return { kind: 'blank' };
        const result = mapHeader(sheetRow.cells, options.defaultSemester !== undefined);
        if (!result.ok) {
          fatal = result.message;
          return { kind: 'fatal', message: fatal };
        }
        header = result.map;
        check = createRowChecker(result.map, options);
        return { kind: 'header', map: result.map };
      }
      const step = check(sheetRow);
      if (step.kind !== 'blank' && step.kind !== 'voided') counts.rows++;
      if (step.kind === 'row') counts.good++;
      if (step.kind === 'errors') counts.bad++;
      return step;
    },
    get header(): HeaderMap | null {
      return header;
    },
    get counts() {
      return { ...counts };
    },
  };
}

export type CollectedGrades =
  { ok: true; header: HeaderMap; rows: GradeRow[]; errors: RowError[] } | { ok: false; message: string };

/** Reads a whole source into memory: for the CLI and previews, not for bulk imports. */
export async function collectGradeRows(
  source: AsyncIterable<SheetRow>,
  options: RowCheckOptions = {},
): Promise<CollectedGrades> {
  const importer = createGradeImport(options);
  const rows: GradeRow[] = [];
  const errors: RowError[] = [];
  for await (const sheetRow of source) {
    const step = importer.accept(sheetRow);
    if (step.kind === 'fatal') return { ok: false, message: step.message };
    if (step.kind === 'row') rows.push(step.row);
    else if (step.kind === 'errors') errors.push(...step.errors);
  }
  if (importer.header === null) return { ok: false, message: '文件是空的：没有表头和成绩' };
  return { ok: true, header: importer.header, rows, errors };
}
