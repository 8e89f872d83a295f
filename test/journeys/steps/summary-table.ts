import ExcelJS from 'exceljs';

/** The downloaded 汇总表 read back: each data row as column heading → cell text. */
export async function readSummaryTable(path: string): Promise<Record<string, string>[]> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(path);
  const sheet = book.worksheets[0];
  if (!sheet) throw new Error('汇总表 has no sheet');
  const rows: string[][] = [];
  sheet.eachRow((row) => {
    const values = Array.isArray(row.values) ? row.values.slice(1) : [];
    rows.push(
      values.map((v) =>
        v === null || v === undefined
          ? ''
          : typeof v === 'object'
            ? 'richText' in v
              ? v.richText.map((t) => t.text).join('')
              : v instanceof Date
                ? v.toString()
                : JSON.stringify(v)
            : String(v),
      ),
    );
  });
  const header = rows.findIndex((r) => r.includes('学号'));
  if (header < 0) throw new Error('汇总表 has no 学号 column');
  const columns = rows[header] ?? [];
  return rows.slice(header + 1).map((r) => Object.fromEntries(columns.map((c, i) => [c, r[i] ?? ''])));
}
