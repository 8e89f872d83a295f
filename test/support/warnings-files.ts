import { writeFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import type { Harness } from './harness';

export const GRADE_HEADER = ['学号', '姓名', '课程代码', '课程名称', '学分', '成绩', '考试性质', '学期'];

export type CsvCells = ReadonlyArray<string | number>;

function csvLine(cells: CsvCells): string {
  return cells.map((c) => (/[",\n]/.test(String(c)) ? `"${String(c).replace(/"/g, '""')}"` : String(c))).join(',');
}

/** Writes a CSV upload the way the local server stores one, and returns its fileId. */
export function uploadCsv(h: Pick<Harness, 'files'>, rows: CsvCells[], header: CsvCells = GRADE_HEADER): string {
  const upload = h.files.newUpload('csv');
  writeFileSync(upload.path, [header, ...rows].map(csvLine).join('\r\n') + '\r\n', 'utf8');
  return upload.fileId;
}

export async function uploadXlsx(
  h: Pick<Harness, 'files'>,
  rows: CsvCells[],
  header: CsvCells = GRADE_HEADER,
): Promise<string> {
  const upload = h.files.newUpload('xlsx');
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('成绩');
  sheet.addRow([...header]);
  for (const row of rows) sheet.addRow([...row]);
  await workbook.xlsx.writeFile(upload.path);
  return upload.fileId;
}

/** Grade rows for demo students: `n` passed courses each, new course codes so nothing collides with the demo. */
export function passedRows(studentIds: string[], n: number, semester = '2025-2026-2'): CsvCells[] {
  const rows: CsvCells[] = [];
  for (const id of studentIds)
    for (let k = 0; k < n; k++)
      rows.push([id, '', `TST${String(k).padStart(3, '0')}`, `测试课程${k}`, 2, 75, '正考', semester]);
  return rows;
}
