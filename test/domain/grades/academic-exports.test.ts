import { expect } from '@jest/globals';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { collectGradeRows, type CollectedGrades } from '../../../cloudfunctions/core/grades/grade-import';
import { readGradeFile } from '../../../cloudfunctions/platform/grades/grade-file';

/** Each academic system's export, written as the system writes it, then read like an upload. */

let dir = '';
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'xueye-exports-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function csvFile(name: string, rows: string[][]): Promise<string> {
  const path = join(dir, name);
  await writeFile(path, `\uFEFF${rows.map((r) => r.join(',')).join('\r\n')}\r\n`, 'utf8');
  return path;
}

async function xlsxFile(name: string, rows: (string | number)[][]): Promise<string> {
  const path = join(dir, name);
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('成绩');
  for (const r of rows) sheet.addRow(r);
  await book.xlsx.writeFile(path);
  return path;
}

async function read(path: string): Promise<CollectedGrades> {
  return collectGradeRows(await readGradeFile(path));
}

function ok(result: CollectedGrades) {
  if (!result.ok) throw new Error(`refused: ${result.message}`);
  return result;
}

describe('正方 / 新正方 export (csv, pinyin field names)', () => {
  const header = [
    'xh',
    'xm',
    'kch',
    'kch_id',
    'kcmc',
    'xf',
    'cj',
    'bfzcj',
    'jd',
    'ksxz',
    'kcxzmc',
    'kcbj',
    'cjsfzf',
    'xnm',
    'xqm',
    'jsxm',
  ];
  const rows = [
    header,
    [
      '2024001',
      '王一',
      'B1001',
      '0A1B2C',
      '高等数学A',
      '5',
      '52',
      '52',
      '0',
      '正常考试',
      '必修课',
      '主修',
      '否',
      '2025',
      '3',
      '李明',
    ],
    [
      '2024001',
      '王一',
      'B1002',
      '0A1B2D',
      '大学英语',
      '3',
      '优秀',
      '95',
      '4.5',
      '正常考试',
      '必修课',
      '主修',
      '否',
      '2025',
      '3',
      '赵琳',
    ],
    [
      '2024001',
      '王一',
      'B1001',
      '0A1B2C',
      '高等数学A',
      '5',
      '58',
      '58',
      '0',
      '补考',
      '必修课',
      '主修',
      '否',
      '2025',
      '12',
      '李明',
    ],
    [
      '2024001',
      '王一',
      'G2001',
      '0G01',
      '电影欣赏',
      '1',
      '45',
      '45',
      '0',
      '正常考试',
      '公选课',
      '主修',
      '是',
      '2025',
      '12',
      '周放',
    ],
    [
      '2024001',
      '王一',
      'E3001',
      '0E01',
      '数据挖掘',
      '2',
      '缓考',
      '',
      '',
      '正常考试',
      '选修课',
      '主修',
      '否',
      '2025',
      '12',
      '周放',
    ],
    [
      '2024001',
      '王一',
      'B1003',
      '0A1B2E',
      '线性代数',
      '3',
      '40',
      '40',
      '0',
      '第2次重修',
      '必修课',
      '主修',
      '否',
      '2025',
      '12',
      '李明',
    ],
    [
      '2024001',
      '王一',
      'B1004',
      '0A1B2F',
      '程序设计',
      '3',
      '70',
      '70',
      '2',
      '正常考试',
      '必修课',
      '主修',
      '否',
      '2025',
      '16',
      '李明',
    ],
  ];

  test('reads every field by its pinyin name; xqm 3 and 12 are the two terms; 成绩作废 = 是 is left out', async () => {
    const result = ok(await read(await csvFile('zhengfang.csv', rows)));
    expect(result.rows).toEqual([
      {
        studentId: '2024001',
        studentName: '王一',
        courseCode: 'B1001',
        courseName: '高等数学A',
        credits: 5,
        score: '52',
        attempt: 'regular',
        semester: '2025-2026-1',
        teacherName: '李明',
        courseKind: 'required',
        courseKindName: '必修课',
      },
      {
        studentId: '2024001',
        studentName: '王一',
        courseCode: 'B1002',
        courseName: '大学英语',
        credits: 3,
        score: '优秀',
        attempt: 'regular',
        semester: '2025-2026-1',
        teacherName: '赵琳',
        courseKind: 'required',
        courseKindName: '必修课',
      },
      {
        studentId: '2024001',
        studentName: '王一',
        courseCode: 'B1001',
        courseName: '高等数学A',
        credits: 5,
        score: '58',
        attempt: 'makeup',
        semester: '2025-2026-2',
        teacherName: '李明',
        courseKind: 'required',
        courseKindName: '必修课',
      },
      {
        studentId: '2024001',
        studentName: '王一',
        courseCode: 'E3001',
        courseName: '数据挖掘',
        credits: 2,
        score: '缓考',
        attempt: 'regular',
        semester: '2025-2026-2',
        teacherName: '周放',
        courseKind: 'elective',
        courseKindName: '选修课',
      },
      {
        studentId: '2024001',
        studentName: '王一',
        courseCode: 'B1003',
        courseName: '线性代数',
        credits: 3,
        score: '40',
        attempt: 'retake',
        semester: '2025-2026-2',
        teacherName: '李明',
        courseKind: 'required',
        courseKindName: '必修课',
      },
    ]);
    // xqm 16 (a summer term) is no semester of the product: the row says so, by column.
    expect(result.errors).toEqual([
      { row: 8, column: 'xqm', message: '学年学期代码不正确：“2025 16”（学期代码应为 3 或 12）' },
    ]);
  });

  test('xnmmc / xqmmc (the names) work as well as the codes, and bfzcj stands in for an empty cj', async () => {
    const result = ok(
      await read(
        await csvFile('zhengfang-names.csv', [
          ['xh', 'xm', 'kch_id', 'kcmc', 'xf', 'cj', 'bfzcj', 'ksxz', 'xnmmc', 'xqmmc'],
          ['2024002', '李二', 'K01', '普通物理', '4', '', '61', '正考', '2025-2026', '2'],
        ]),
      ),
    );
    expect(result.rows).toEqual([
      {
        studentId: '2024002',
        studentName: '李二',
        courseCode: 'K01',
        courseName: '普通物理',
        credits: 4,
        score: '61',
        attempt: 'regular',
        semester: '2025-2026-2',
      },
    ]);
  });

  test('a 成绩分项 export (one row per component) is refused with the export to use', async () => {
    const result = await read(
      await csvFile('zhengfang-items.csv', [
        ['xh', 'xm', 'kch', 'kcmc', 'xf', 'xmblmc', 'xmcj', 'xnm', 'xqm'],
        ['2024001', '王一', 'B1001', '高等数学A', '5', '平时(30%)', '80', '2025', '3'],
        ['2024001', '王一', 'B1001', '高等数学A', '5', '期末(70%)', '40', '2025', '3'],
      ]),
    );
    expect(result).toEqual({ ok: false, message: expect.stringContaining('成绩分项') });
    expect(result.ok ? '' : result.message).toContain('“学生成绩”（总评成绩，每门课程一行）');
  });
});

describe('强智 export (xlsx, Chinese headers)', () => {
  test('开课学期, 课程编号, 总成绩, 考试性质, 课程性质; 成绩标志 stands over the mark; attempt and grade words', async () => {
    const path = await xlsxFile('qiangzhi.xlsx', [
      [
        '序号',
        '学号',
        '姓名',
        '开课学期',
        '课程编号',
        '课程名称',
        '总成绩',
        '学分',
        '考试性质',
        '课程性质',
        '成绩标志',
      ],
      [1, '2024003', '张三', '2025-2026-1', 'QZ101', '大学物理', 55, 4, '正常考试', '必修', ''],
      [2, '2024003', '张三', '2025-2026-1', 'QZ102', '军事理论', '通过', 1, '正常考试', '公选', ''],
      [3, '2024003', '张三', '2025-2026-1', 'QZ103', '电路分析', 0, 3, '正常考试', '必修', '作弊'],
      [4, '2024003', '张三', '2025-2026-2', 'QZ101', '大学物理', 50, 4, '清考', '必修', ''],
      [5, '2024003', '张三', '2025-2026-2', 'QZ104', '国际交流课程', '出国交流认定', 2, '正常考试', '选修', ''],
      [6, '2024003', '张三', '2025-2026-2', 'QZ105', '体育', '', 1, '正常考试', '必修', '缓考'],
      [7, '2024003', '张三', '2025-2026-2', 'QZ106', '形势与政策', '违纪', 1, '初修', '必修', ''],
    ]);
    const result = ok(await read(path));
    expect(result.errors).toEqual([]);
    expect(result.rows.map((r) => [r.courseCode, r.score, r.attempt, r.semester, r.courseKind])).toEqual([
      ['QZ101', '55', 'regular', '2025-2026-1', 'required'],
      ['QZ102', '通过', 'regular', '2025-2026-1', 'public'],
      ['QZ103', '作弊', 'regular', '2025-2026-1', 'required'],
      ['QZ101', '50', 'makeup', '2025-2026-2', 'required'],
      ['QZ104', '出国交流认定', 'regular', '2025-2026-2', 'elective'],
      ['QZ105', '缓考', 'regular', '2025-2026-2', 'required'],
      ['QZ106', '违纪', 'regular', '2025-2026-2', 'required'],
    ]);
  });
});

describe('URP export (csv, English field names)', () => {
  test('courseNumber/courseName/credit/courseScore/examTypeName/coursePropertyName; unpassedReasonExplain names 缺考', async () => {
    const path = await csvFile('urp.csv', [
      [
        'studentId',
        'studentName',
        'semester',
        'courseNumber',
        'courseName',
        'credit',
        'courseScore',
        'examTypeName',
        'coursePropertyName',
        'unpassedReasonExplain',
      ],
      ['2024004', '赵四', '2025-2026-1', 'U2001', '概率论', '3', '48', '正考', '必修', '成绩不合格'],
      ['2024004', '赵四', '2025-2026-1', 'U2002', '摄影基础', '2', '0', '正考', '任选', '缺考'],
      ['2024004', '赵四', '2025-2026-2', 'U2001', '概率论', '3', '62', '重修', '必修', ''],
    ]);
    const result = ok(await read(path));
    expect(result.errors).toEqual([]);
    expect(result.rows.map((r) => [r.courseCode, r.courseName, r.credits, r.score, r.attempt, r.courseKind])).toEqual([
      ['U2001', '概率论', 3, '48', 'regular', 'required'],
      ['U2002', '摄影基础', 2, '缺考', 'regular', 'elective'],
      ['U2001', '概率论', 3, '62', 'retake', 'required'],
    ]);
  });

  test('the short names kch / kcm / cj work too', async () => {
    const result = ok(
      await read(
        await csvFile('urp-short.csv', [
          ['xh', 'kch', 'kcm', 'credit', 'cj', 'examTypeName', 'semester'],
          ['2024004', 'U2003', '离散数学', '2', '88', '正常考试', '2025-2026-1'],
        ]),
      ),
    );
    expect(result.rows).toEqual([
      {
        studentId: '2024004',
        courseCode: 'U2003',
        courseName: '离散数学',
        credits: 2,
        score: '88',
        attempt: 'regular',
        semester: '2025-2026-1',
      },
    ]);
  });
});

describe('青果 export (xlsx)', () => {
  test('课程/环节 holds "[code]name"; 修读性质 is the attempt; 考核方式 is ignored', async () => {
    const path = await xlsxFile('qingguo.xlsx', [
      ['学年学期', '学号', '姓名', '课程/环节', '学分', '类别', '修读性质', '考核方式', '成绩'],
      ['2025-2026学年第一学期', '2024005', '钱五', '[0101]高等数学', 5, '必修', '初修', '考试', 59],
      ['2025-2026学年第一学期', '2024005', '钱五', '[0305]大学语文', 2, '选修', '初修', '考查', '良好'],
      ['2025-2026学年第二学期', '2024005', '钱五', '[0101]高等数学', 5, '必修', '重修', '考试', 75],
      ['2025-2026学年第二学期', '2024005', '钱五', '高等数学', 5, '必修', '重修', '考试', 75],
    ]);
    const result = ok(await read(path));
    expect(result.rows.map((r) => [r.courseCode, r.courseName, r.attempt, r.semester, r.score])).toEqual([
      ['0101', '高等数学', 'regular', '2025-2026-1', '59'],
      ['0305', '大学语文', 'regular', '2025-2026-1', '良好'],
      ['0101', '高等数学', 'retake', '2025-2026-2', '75'],
    ]);
    expect(result.rows.map((r) => r.courseKind)).toEqual(['required', 'elective', 'required']);
    // A cell without "[code]" has no course code: the row is reported, by the file's own column.
    expect(result.errors).toEqual([
      { row: 5, column: '课程/环节', message: '课程/环节应为“[课程代码]课程名称”（实际为“高等数学”）' },
    ]);
    expect(result.header.ignored).toEqual(expect.arrayContaining(['考核方式']));
  });
});
