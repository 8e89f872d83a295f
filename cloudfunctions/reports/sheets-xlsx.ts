import ExcelJS from 'exceljs';
import type { Sheet } from '../core/reports/effect-sheets';

/** A workbook of several sheets, each with a merged title, a bold header and borders. */
export async function writeSheetsXlsx(title: string, sheets: readonly Sheet[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = '学业帮扶';
  const border = { style: 'thin' as const };
  for (const spec of sheets) {
    const sheet = workbook.addWorksheet(spec.name.slice(0, 31));
    sheet.columns = spec.columns.map((header) => ({
      key: header,
      width: spec.widths?.[header] ?? Math.max(8, header.length * 2 + 2),
    }));
    const head = sheet.addRow([`${title} · ${spec.name}`]);
    sheet.mergeCells(1, 1, 1, Math.max(1, spec.columns.length));
    head.font = { bold: true, size: 13 };
    const header = sheet.addRow(spec.columns);
    header.font = { bold: true };
    for (const row of spec.rows) sheet.addRow(row).alignment = { vertical: 'top', wrapText: true };
    for (let r = 2; r <= sheet.rowCount; r++)
      for (let c = 1; c <= spec.columns.length; c++)
        sheet.getCell(r, c).border = { top: border, left: border, bottom: border, right: border };
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
