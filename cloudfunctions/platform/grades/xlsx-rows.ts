import type { Readable } from 'node:stream';
import type { CellValue } from 'exceljs';
import type { SheetRow } from '../../core/grades/sheet-row';

/**
 * Rows of the first worksheet of an xlsx file, streamed with exceljs's WorkbookReader so that
 * a large export is never loaded whole. Cell values become the text a person sees.
 */
export async function* xlsxRows(input: string | Readable): AsyncGenerator<SheetRow> {
  // Loaded on demand: exceljs costs ~0.3 s to load, and most runs read CSV.
  const ExcelJS = (await import('exceljs')).default;
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(input, {
    worksheets: 'emit',
    sharedStrings: 'cache',
    hyperlinks: 'ignore',
    styles: 'ignore',
    entries: 'ignore',
  });
  for await (const worksheet of reader) {
    for await (const row of worksheet) {
      const values = row.values;
      const cells: string[] = [];
      if (Array.isArray(values)) for (let i = 1; i < values.length; i++) cells.push(cellText(values[i]));
      if (cells.some((c) => c.trim() !== '')) yield { rowNumber: row.number, cells };
    }
    return; // only the first sheet holds the grades
  }
}

export function cellText(value: CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if ('richText' in value) return value.richText.map((r) => r.text).join('');
  if ('hyperlink' in value) return String(value.text);
  if ('formula' in value || 'sharedFormula' in value)
    return value.result === undefined ? '' : cellText(resultValue(value.result));
  if ('error' in value) return '';
  return '';
}

function resultValue(result: unknown): CellValue {
  if (
    result === null ||
    typeof result === 'string' ||
    typeof result === 'number' ||
    typeof result === 'boolean' ||
    result instanceof Date
  )
    return result;
  return null;
}
