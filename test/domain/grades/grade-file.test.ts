import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { collectGradeRows } from '../../../cloudfunctions/core/grades/grade-import';
import type { SheetRow } from '../../../cloudfunctions/core/grades/sheet-row';
import { csvRows } from '../../../cloudfunctions/platform/grades/csv-rows';
import { GradeFileError, readGradeFile } from '../../../cloudfunctions/platform/grades/grade-file';
import { decodeText } from '../../../cloudfunctions/platform/grades/text-encoding';

const fixtures = join(__dirname, '../../fixtures/grades');

async function all(rows: AsyncIterable<SheetRow>): Promise<SheetRow[]> {
  const out: SheetRow[] = [];
  for await (const row of rows) out.push(row);
  return out;
}

async function* chunks(...parts: string[]): AsyncGenerator<string> {
  yield* parts;
}

async function* bytes(...parts: number[][]): AsyncGenerator<Uint8Array> {
  for (const p of parts) yield Uint8Array.from(p);
}

describe('CSV rows', () => {
  test.each([
    [
      'plain LF',
      ['a,b\n1,2\n'],
      [
        [1, ['a', 'b']],
        [2, ['1', '2']],
      ],
    ],
    [
      'CRLF, no final line end',
      ['a,b\r\n1,2'],
      [
        [1, ['a', 'b']],
        [2, ['1', '2']],
      ],
    ],
    [
      'CR only',
      ['a\r1\r'],
      [
        [1, ['a']],
        [2, ['1']],
      ],
    ],
    [
      'quoted comma, escaped quote, line break',
      ['"x, y","say ""hi""","two\nlines"\n'],
      [[1, ['x, y', 'say "hi"', 'two\nlines']]],
    ],
    [
      'CRLF and quotes split across chunks',
      ['a,"b', '""c"', '\r', '\n1,2\r\n'],
      [
        [1, ['a', 'b"c']],
        [2, ['1', '2']],
      ],
    ],
    [
      'blank lines keep their row numbers',
      ['h\n\n\nx\n'],
      [
        [1, ['h']],
        [4, ['x']],
      ],
    ],
    ['empty fields', [',,\n'], [[1, ['', '', '']]]],
  ])('%s', async (_name, parts, expected) => {
    expect((await all(csvRows(chunks(...parts)))).map((r) => [r.rowNumber, r.cells])).toEqual(expected);
  });

  test('an unclosed quote is an error with its row', async () => {
    await expect(all(csvRows(chunks('a\n"b,c\n')))).rejects.toThrow('CSV 第 2 行的引号没有闭合');
  });

  test('a UTF-8 BOM is dropped and multi-byte characters may straddle chunks', async () => {
    const text = [...Buffer.from('\uFEFF学号\n')];
    const parts: string[] = [];
    for await (const t of decodeText(bytes(text.slice(0, 4), text.slice(4)), 'utf-8')) parts.push(t);
    expect(parts.join('')).toBe('学号\n');
  });
});

describe('grade files', () => {
  let dir = '';
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'grades-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  test('UTF-8 CSV with BOM and CRLF', async () => {
    const result = await collectGradeRows(await readGradeFile(join(fixtures, 'lzut-life-2025-2026-1.csv')));
    if (!result.ok) throw new Error(result.message);
    expect(result.rows).toHaveLength(20);
    expect(result.rows[2]).toMatchObject({
      studentId: '2021001',
      courseName: '数据结构, 上',
      score: '缺考',
      semester: '2025-2026-1',
    });
    expect(result.errors.map((e) => [e.row, e.column])).toEqual([
      [23, '学分'],
      [24, '考试性质'],
      [25, '学期'],
      [26, null],
      [27, '课程代码'],
    ]);
  });

  test('GBK CSV from an older academic system', async () => {
    const result = await collectGradeRows(await readGradeFile(join(fixtures, 'gbk-2025-2026-1.csv')));
    if (!result.ok) throw new Error(result.message);
    expect(result.rows.map((r) => [r.studentId, r.courseName, r.score, r.semester])).toEqual([
      ['2022001', '大学物理', '不及格', '2025-2026-1'],
      ['2022001', '线性代数', '缺考', '2025-2026-1'],
      ['2022001', '程序设计', '45', '2025-2026-1'],
      ['2022002', '大学物理', '良好', '2025-2026-1'],
    ]);
  });

  test('XLSX, streamed, with numbers, rich text and formulas as cells', async () => {
    const path = join(dir, 'grades.xlsx');
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('成绩');
    sheet.addRow(['学号', '姓名', '课程代码', '课程名称', '学分', '成绩', '考试性质', '学期']);
    sheet.addRow([
      2021001,
      '张三',
      'C101',
      { richText: [{ text: '高等' }, { text: '数学' }] },
      4,
      45,
      '正考',
      '2025-2026-1',
    ]);
    sheet.addRow([]);
    sheet.addRow([2021001, '张三', 'C102', '普通化学', 1.5, { formula: '50+10', result: 60 }, '补考', '2025-2026-1']);
    workbook.addWorksheet('说明').addRow(['not grades']);
    await workbook.xlsx.writeFile(path);
    const result = await collectGradeRows(await readGradeFile(path));
    if (!result.ok) throw new Error(result.message);
    expect(result.errors).toEqual([]);
    expect(result.rows.map((r) => [r.studentId, r.courseName, r.credits, r.score, r.attempt])).toEqual([
      ['2021001', '高等数学', 4, '45', 'regular'],
      ['2021001', '普通化学', 1.5, '60', 'makeup'],
    ]);
  });

  test('XLSX row numbers are the sheet’s', async () => {
    const path = join(dir, 'numbers.xlsx');
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('s');
    sheet.getCell('A1').value = '学号';
    sheet.getCell('A5').value = 'x';
    await workbook.xlsx.writeFile(path);
    expect((await all(await readGradeFile(path))).map((r) => r.rowNumber)).toEqual([1, 5]);
  });

  test('legacy .xls and missing files are refused with a clear message', async () => {
    const xls = join(dir, 'old.xls');
    await writeFile(xls, Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]));
    await expect(readGradeFile(xls)).rejects.toThrow(
      new GradeFileError('不支持旧版 Excel（.xls）文件，请在 Excel 中另存为 .xlsx 或 .csv 后再导入'),
    );
    await expect(readGradeFile(join(dir, 'none.csv'))).rejects.toBeInstanceOf(GradeFileError);
  });
});
