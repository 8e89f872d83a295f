import ExcelJS from 'exceljs';

export type SheetSpec = {
  /** Title row above the header, e.g. "生命科学与工程学院 2025-2026-2 学业警示学生名单汇总表". */
  title: string;
  columns: readonly string[];
  rows: ReadonlyArray<ReadonlyArray<string>>;
  /** Column widths in characters, by column; others get a width from their header. */
  widths?: Readonly<Record<string, number>>;
};

/** A one-sheet workbook as the college files it: a merged title, a bold header, wrapped text. */
export async function writeSummaryXlsx(spec: SheetSpec): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = '学业帮扶';
  const sheet = workbook.addWorksheet('汇总表', {
    pageSetup: { orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  });
  sheet.columns = spec.columns.map((header) => ({
    key: header,
    width: spec.widths?.[header] ?? Math.max(8, header.length * 2 + 2),
  }));

  const title = sheet.addRow([spec.title]);
  sheet.mergeCells(1, 1, 1, spec.columns.length);
  title.font = { bold: true, size: 14 };
  title.alignment = { horizontal: 'center', vertical: 'middle' };
  title.height = 28;

  const header = sheet.addRow([...spec.columns]);
  header.font = { bold: true };
  header.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  for (const row of spec.rows) sheet.addRow([...row]).alignment = { vertical: 'top', wrapText: true };
  sheet.views = [{ state: 'frozen', ySplit: 2 }];

  const border = { style: 'thin' as const };
  for (let r = 2; r <= sheet.rowCount; r++) {
    for (let c = 1; c <= spec.columns.length; c++)
      sheet.getCell(r, c).border = { top: border, left: border, bottom: border, right: border };
  }
  const data = await workbook.xlsx.writeBuffer();
  return Buffer.from(data);
}
