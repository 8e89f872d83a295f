import { expect } from '@jest/globals';
import fc from 'fast-check';
import { collectGradeRows, createGradeImport } from '../../../cloudfunctions/core/grades/grade-import';
import { gradeDocId } from '../../../cloudfunctions/core/grades/grade-doc-id';
import { mapHeader, type HeaderMap } from '../../../cloudfunctions/core/grades/header-map';
import { createRowChecker } from '../../../cloudfunctions/core/grades/row-checker';
import type { SheetRow } from '../../../cloudfunctions/core/grades/sheet-row';
import { GradeRow } from '../../../types/grade';

const headerCells = ['学号', '姓名', '课程代码', '课程名称', '学分', '成绩', '考试性质', '学期', '任课教师'];
function header(cells = headerCells): HeaderMap {
  const result = mapHeader(cells);
  if (!result.ok) throw new Error(result.message);
  return result.map;
}
const good = ['2021001', '张三', 'C101', '高等数学', '4', '85', '正考', '2025-2026-1', '刘老师'];
const withCell = (index: number, value: string) => good.map((c, i) => (i === index ? value : c));

describe('grade row checks', () => {
  test('a good row is kept, normalised and typed', () => {
    const check = createRowChecker(header());
    expect(check({ rowNumber: 2, cells: [...good.slice(0, 7), '2025-2026学年第一学期', ' 刘老师 '] })).toEqual({
      kind: 'row',
      row: {
        studentId: '2021001',
        studentName: '张三',
        courseCode: 'C101',
        courseName: '高等数学',
        credits: 4,
        score: '85',
        attempt: 'regular',
        semester: '2025-2026-1',
        teacherName: '刘老师',
      },
    });
  });

  test.each([
    ['non-numeric credits', withCell(4, '四'), '学分', '学分应为 0–50 的数字（实际为“四”）'],
    ['negative credits', withCell(4, '-1'), '学分', '学分应为 0–50 的数字（实际为“-1”）'],
    ['missing credits', withCell(4, ''), '学分', '缺少学分'],
    ['unknown exam type', withCell(6, '期中'), '考试性质', '未知的考试性质：“期中”（应为 正考、补考 或 重修）'],
    ['bad semester', withCell(7, '2025秋'), '学期', '学期格式不正确：“2025秋”（应如 2025-2026-1）'],
    ['missing student id', withCell(0, ' '), '学号', '缺少学号'],
    ['missing course code', withCell(2, ''), '课程代码', '缺少课程代码'],
    [
      'unreadable score',
      withCell(5, 'A+'),
      '成绩',
      '成绩无法识别：“A+”（应为 0–100 的分数或 优秀/良好/中等/及格/不及格、合格/不合格、缺考、旷考、作弊、免修、缓考）',
    ],
    [
      'score above 100',
      withCell(5, '105'),
      '成绩',
      '成绩无法识别：“105”（应为 0–100 的分数或 优秀/良好/中等/及格/不及格、合格/不合格、缺考、旷考、作弊、免修、缓考）',
    ],
    ['missing score', withCell(5, ''), '成绩', '缺少成绩'],
  ])('%s', (_name, cells, column, message) => {
    expect(createRowChecker(header())({ rowNumber: 7, cells })).toEqual({
      kind: 'errors',
      errors: [{ row: 7, column, message }],
    });
  });

  test('every problem of a row is reported, with the file’s own column names', () => {
    const map = header([
      'Student ID',
      'Name',
      'Course Code',
      'Course Name',
      'Credits',
      'Score',
      'Exam Type',
      'Semester',
      'Teacher',
    ]);
    const result = createRowChecker(map)({
      rowNumber: 3,
      cells: ['', '张三', 'C1', '高数', 'x', '80', '??', '2025', ''],
    });
    expect(result.kind === 'errors' && result.errors.map((e) => e.column)).toEqual([
      'Student ID',
      'Credits',
      'Exam Type',
      'Semester',
    ]);
  });

  test('a duplicate row names the first one; another exam type is not a duplicate', () => {
    const check = createRowChecker(header());
    expect(check({ rowNumber: 2, cells: good }).kind).toBe('row');
    expect(check({ rowNumber: 3, cells: withCell(6, '补考') }).kind).toBe('row');
    expect(check({ rowNumber: 9, cells: withCell(5, '90') })).toEqual({
      kind: 'errors',
      errors: [{ row: 9, column: null, message: '重复的成绩：与第 2 行的学号、课程代码、学期和考试性质相同' }],
    });
  });

  test('the caller’s roster hook reports unknown students', () => {
    const check = createRowChecker(header(), { knownStudent: (id) => id === '2021001' });
    expect(check({ rowNumber: 2, cells: good }).kind).toBe('row');
    expect(check({ rowNumber: 3, cells: withCell(0, '2099999') })).toEqual({
      kind: 'errors',
      errors: [{ row: 3, column: '学号', message: '未知学生：学号 2099999 不在学生名册中' }],
    });
  });

  test('a default semester serves files without a 学期 column', () => {
    const map = mapHeader(['学号', '课程代码', '课程名称', '学分', '成绩', '考试性质'], true);
    if (!map.ok) throw new Error(map.message);
    const result = createRowChecker(map.map, { defaultSemester: '2025-2026-2' })({
      rowNumber: 2,
      cells: ['1', 'C1', '高数', '2', '及格', '补考'],
    });
    expect(result.kind === 'row' && result.row.semester).toBe('2025-2026-2');
  });

  test('blank rows are skipped', () => {
    expect(createRowChecker(header())({ rowNumber: 4, cells: ['', ' ', ''] })).toEqual({ kind: 'blank' });
  });

  test('every accepted row satisfies the GradeRow contract', () => {
    const cell = fc.oneof(
      fc.constantFrom(
        '',
        ' ',
        '2021001',
        'C1',
        '高数',
        '0',
        '4',
        '1.5',
        '100',
        '59.5',
        '缺考',
        '补考',
        '重修',
        '2025-2026-1',
        'x',
      ),
      fc.string({ maxLength: 70 }),
    );
    fc.assert(
      fc.property(fc.array(fc.array(cell, { minLength: 9, maxLength: 9 }), { maxLength: 20 }), (rows) => {
        const check = createRowChecker(header());
        rows.forEach((cells, i) => {
          const result = check({ rowNumber: i + 2, cells });
          if (result.kind === 'row') expect(GradeRow.safeParse(result.row).success).toBe(true);
        });
      }),
    );
  });

  test('the stored id is stable per student, course, semester and exam type', () => {
    expect(gradeDocId({ studentId: '2021001', courseCode: 'C1', semester: '2025-2026-1', attempt: 'makeup' })).toBe(
      '2021001:C1:2025-2026-1:makeup',
    );
  });
});

describe('streaming import', () => {
  async function* source(rows: string[][]): AsyncGenerator<SheetRow> {
    let n = 0;
    for (const cells of rows) yield { rowNumber: ++n, cells };
  }

  test('the first non-blank row is the header; good rows are kept and bad rows reported', async () => {
    const result = await collectGradeRows(
      source([['', ''], headerCells, good, withCell(4, 'x'), withCell(0, '2021002')]),
    );
    expect(result.ok && { rows: result.rows.map((r) => r.studentId), errors: result.errors.map((e) => e.row) }).toEqual(
      { rows: ['2021001', '2021002'], errors: [4] },
    );
  });

  test('an unusable header stops the import', async () => {
    expect(await collectGradeRows(source([['姓名', '成绩'], good]))).toEqual({
      ok: false,
      message: expect.stringContaining('表头缺少必需的列：学号'),
    });
    expect(await collectGradeRows(source([]))).toEqual({ ok: false, message: '文件是空的：没有表头和成绩' });
  });

  test('rows are accepted one by one and counted', () => {
    const importer = createGradeImport();
    const steps = [headerCells, good, withCell(4, 'x'), ['', '']].map(
      (cells, i) => importer.accept({ rowNumber: i + 1, cells }).kind,
    );
    expect(steps).toEqual(['header', 'row', 'errors', 'blank']);
    expect(importer.counts).toEqual({ rows: 2, good: 1, bad: 1 });
  });
});
