import type { ColumnMapping } from '../../types/api/grades';
import type { RosterKind, RosterRecord } from '../../types/roster';
import type { RowError, SheetRow } from '../core/grades/sheet-row';
import { createRosterReader } from '../core/roster/roster-rows';
import type { SheetHeader } from '../core/roster/sheet-header';
import { GradeFileError, readGradeFile } from '../platform/grades/grade-file';
import type { Context } from '../platform/runtime/define-function';
import { isFileReadError, pull } from '../application/grades/file-rows';

/** A record of the file with the row it came from. */
export type ReadRecord<R extends RosterRecord = RosterRecord> = { rowNumber: number; key: string; record: R };

export type ReadRoster<R extends RosterRecord = RosterRecord> =
  | { ok: false; message: string }
  | { ok: true; header: SheetHeader<string>; records: ReadRecord<R>[]; errors: RowError[]; rows: number };

/** Most rows a roster file may have: a college's students are a few thousand (the grade files are the large ones). */
export const MAX_ROSTER_ROWS = 20_000;

/**
 * Reads a whole roster file with the grade import's reader (xlsx or csv, UTF-8 or GBK, streamed):
 * the records, and every bad row with its row, column and reason.
 */
export async function readRoster(ctx: Context, kind: RosterKind, fileId: string): Promise<ReadRoster> {
  let source: AsyncIterable<SheetRow>;
  try {
    source = await readGradeFile(await ctx.files.localPath(fileId));
  } catch (error) {
    if (error instanceof GradeFileError) return { ok: false, message: error.message };
    throw error;
  }
  const reader = createRosterReader(kind);
  const records: ReadRecord[] = [];
  const errors: RowError[] = [];
  let rows = 0;
  const it = source[Symbol.asyncIterator]();
  try {
    for (;;) {
      const next = await pull(it);
      if (next.done) break;
      const step = reader.accept(next.value);
      if (step.kind === 'fatal') return { ok: false, message: step.message };
      if (step.kind === 'row' || step.kind === 'errors') rows++;
      if (rows > MAX_ROSTER_ROWS) return { ok: false, message: `文件超过 ${MAX_ROSTER_ROWS} 行，请按年级分开导入` };
      if (step.kind === 'row') records.push({ rowNumber: next.value.rowNumber, key: step.key, record: step.record });
      else if (step.kind === 'errors') errors.push(...step.errors);
    }
  } catch (error) {
    if (isFileReadError(error)) return { ok: false, message: error.message };
    throw error;
  } finally {
    await it.return?.();
  }
  if (reader.header === null) return { ok: false, message: '文件是空的：没有表头和数据' };
  return { ok: true, header: reader.header, records, errors, rows };
}

export function columnsOf(header: SheetHeader<string>, labels: Record<string, string>): ColumnMapping[] {
  const fieldAt = new Map<number, string>();
  for (const [field, index] of Object.entries(header.columns)) if (index !== undefined) fieldAt.set(index, field);
  return header.headers.flatMap((h, index) => {
    if (h === '') return [];
    const field = fieldAt.get(index) ?? null;
    return [{ index, header: h, field, fieldLabel: field === null ? null : (labels[field] ?? null) }];
  });
}
