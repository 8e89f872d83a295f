import ExcelJS from 'exceljs';
import type { FormBlock, FormDocument, FormPage } from '../../../types/documents';
import { imageBytes } from './images';

const border = { style: 'thin' as const };
const boxed = { top: border, left: border, bottom: border, right: border };

/** Sheet names: ≤ 31 characters, none of []:*?/\, unique in the workbook. */
function sheetName(title: string, index: number, used: Set<string>): string {
  const base = `${index + 1} ${title.replace(/[[\]:*?/\\]/g, ' ')}`.slice(0, 31);
  let name = base;
  for (let n = 2; used.has(name); n++) name = `${base.slice(0, 27)}(${n})`;
  used.add(name);
  return name;
}

const widthOf = (block: FormBlock) => (block.kind === 'table' ? block.columns.length : 2);

function writeBlock(workbook: ExcelJS.Workbook, sheet: ExcelJS.Worksheet, block: FormBlock, span: number): void {
  if (block.heading) {
    const row = sheet.addRow([block.heading]);
    row.font = { bold: true };
    sheet.mergeCells(row.number, 1, row.number, span);
  }
  if (block.kind === 'lines') {
    for (const line of block.lines) {
      const row = sheet.addRow([line]);
      sheet.mergeCells(row.number, 1, row.number, span);
      row.alignment = { wrapText: true, vertical: 'top' };
    }
    return;
  }
  if (block.kind === 'fields') {
    for (const field of block.fields) {
      const row = sheet.addRow([field.label, field.value]);
      if (span > 2) sheet.mergeCells(row.number, 2, row.number, span);
      row.alignment = { wrapText: true, vertical: 'top' };
      row.getCell(1).font = { bold: true };
      row.getCell(1).border = boxed;
      row.getCell(2).border = boxed;
      if (field.image && imageBytes(field.image)) {
        // The signature drawn beside its name, in a row tall enough to show it.
        row.height = 60;
        const imageId = workbook.addImage({ base64: field.image, extension: 'png' });
        sheet.addImage(imageId, { tl: { col: 1.6, row: row.number - 1 + 0.05 }, ext: { width: 150, height: 70 } });
      }
    }
    return;
  }
  const header = sheet.addRow(block.columns);
  header.font = { bold: true };
  header.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  header.eachCell((c) => (c.border = boxed));
  for (const values of block.rows) {
    const row = sheet.addRow(values);
    row.alignment = { wrapText: true, vertical: 'top' };
    for (let c = 1; c <= block.columns.length; c++) row.getCell(c).border = boxed;
  }
}

function writePage(workbook: ExcelJS.Workbook, page: FormPage, name: string): void {
  const span = Math.max(2, ...page.blocks.map(widthOf));
  const sheet = workbook.addWorksheet(name, {
    pageSetup: {
      paperSize: 9,
      orientation: span > 6 ? 'landscape' : 'portrait',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
    },
  });
  sheet.columns = Array.from({ length: span }, (_, i) => ({ width: span === 2 ? (i === 0 ? 22 : 70) : 16 }));
  const title = sheet.addRow([page.title]);
  sheet.mergeCells(1, 1, 1, span);
  title.font = { bold: true, size: 14 };
  title.alignment = { horizontal: 'center', vertical: 'middle' };
  title.height = 28;
  if (page.subtitle) {
    const sub = sheet.addRow([page.subtitle]);
    sheet.mergeCells(sub.number, 1, sub.number, span);
    sub.alignment = { horizontal: 'center' };
  }
  for (const block of page.blocks) writeBlock(workbook, sheet, block, span);
}

/** A form as a workbook: one sheet per page, the page's title merged above, fields as label | value, tables boxed. */
export async function documentXlsx(doc: FormDocument, at: Date): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = '学业帮扶';
  workbook.title = doc.title;
  // Dated by the call's clock, so the same records give the same workbook.
  workbook.created = at;
  workbook.modified = at;
  const used = new Set<string>();
  doc.pages.forEach((page, i) => writePage(workbook, page, sheetName(page.title, i, used)));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
