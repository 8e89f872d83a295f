import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';

/** A workbook read back: each sheet's name and its rows as text (merged cells give their value once). */
export type ReadSheet = {
  name: string;
  rows: string[][];
  /** Rows that are one merged cell across the sheet (titles, lines). */ spanning: boolean[];
};

/** A cell as the reader sees it: rich text joined, a link's text, a formula's result, an error's code. */
export function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value !== 'object' || value instanceof Date) return String(value);
  if ('richText' in value) return value.richText.map((r) => r.text).join('');
  if ('hyperlink' in value) return value.text;
  if ('error' in value) return value.error;
  return cellText(value.result);
}

export async function readXlsx(base64: string | Buffer): Promise<ReadSheet[]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.read(Readable.from(typeof base64 === 'string' ? Buffer.from(base64, 'base64') : base64));
  return workbook.worksheets.map((sheet) => {
    const rows: string[][] = [];
    const spanning: boolean[] = [];
    sheet.eachRow({ includeEmpty: false }, (row) => {
      const cells: string[] = [];
      const second = row.getCell(2);
      spanning.push(second.isMerged && second.master.address === row.getCell(1).address);
      for (let c = 1; c <= row.cellCount; c++) {
        const cell = row.getCell(c);
        cells.push(cell.isMerged && cell.master.address !== cell.address ? '' : cellText(cell.value));
      }
      rows.push(cells);
    });
    return { name: sheet.name, rows, spanning };
  });
}

/** A fields sheet's rows as label (column A) and value (column B), in the sheet's order. */
export function fieldRows(sheet: ReadSheet): { label: string; value: string }[] {
  return sheet.rows
    .filter((r, i) => !sheet.spanning[i] && r.length >= 2 && r[0] !== '')
    .map((r) => ({ label: r[0] ?? '', value: r[1] ?? '' }));
}

/** The rows of a table sheet under its header row (the row equal to `columns`). */
export function tableOf(sheet: ReadSheet, columns: readonly string[]): string[][] {
  const at = sheet.rows.findIndex((r) => columns.every((c, i) => r[i] === c));
  if (at < 0) throw new Error(`no header ${columns.join('|')} in sheet ${sheet.name}`);
  return sheet.rows.slice(at + 1).map((r) => r.slice(0, columns.length));
}
