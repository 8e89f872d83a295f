import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { z } from 'zod';
import ExcelJS from 'exceljs';
import { csvRows } from '../../../cloudfunctions/platform/grades/csv-rows';

const root = join(__dirname, '../../..');
const fixtures = join(root, 'test/fixtures/grades');
const csv = join(fixtures, 'lzut-life-2025-2026-1.csv');

type Run = { code: number; stdout: string; stderr: string };

/** Runs the CLI as `npm run warnings` does (via 'tsx'), or from a one-off bundle (its path), which starts faster. */
function cli(via: string, ...args: string[]): Promise<Run> {
  const [command, first] =
    via === 'tsx' ? [join(root, 'node_modules/.bin/tsx'), 'scripts/warnings-cli.ts'] : [process.execPath, via];
  return new Promise((resolve) => {
    execFile(command, [first, ...args], { cwd: root }, (error, stdout, stderr) => {
      resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr });
    });
  });
}

const expected = {
  policy: 'lzut-life',
  semester: '2025-2026-1',
  students: [
    {
      studentId: '2021001',
      level: 'warning',
      change: 'unchanged',
      triggers: [{ rule: 'regular-fails', courses: ['C101', 'C102', 'C103'], credits: 9 }],
    },
    {
      studentId: '2021002',
      level: 'oral',
      change: 'deescalated',
      triggers: [{ rule: 'makeup-fail', courses: ['C101'], credits: 4 }],
    },
    {
      studentId: '2021003',
      level: 'written',
      change: 'new',
      triggers: [{ rule: 'makeup-fails', courses: ['C101', 'C102'], credits: 7 }],
    },
    { studentId: '2021004', level: null, change: 'lifted', triggers: [] },
    { studentId: '2021005', level: null, change: 'none', triggers: [] },
  ],
  courses: [
    { courseCode: 'C101', failRate: 0.75, flagged: true },
    { courseCode: 'C102', failRate: 0.5, flagged: true },
    { courseCode: 'C103', failRate: 1, flagged: true },
    { courseCode: 'C104', failRate: 0, flagged: false },
  ],
  errors: [
    { row: 23, column: '学分', message: '学分应为 0–50 的数字（实际为“四”）' },
    { row: 24, column: '考试性质', message: '未知的考试性质：“补考2”（应为 正考、补考 或 重修）' },
    { row: 25, column: '学期', message: '学期格式不正确：“2025学年”（应如 2025-2026-1）' },
    { row: 26, column: null, message: '重复的成绩：与第 2 行的学号、课程代码、学期和考试性质相同' },
    { row: 27, column: '课程代码', message: '缺少课程代码' },
  ],
};

describe('warnings CLI', () => {
  let dir = '';
  let runs: Record<string, Run> = {};

  // One batch of parallel runs: each spawn costs a TypeScript start-up.
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'warnings-cli-'));
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('成绩');
    async function* text() {
      yield (await readFile(csv, 'utf8')).replace(/^\uFEFF/, '');
    }
    for await (const row of csvRows(text())) sheet.getRow(row.rowNumber).values = row.cells;
    // Inside the repository so that `exceljs` resolves from node_modules.
    const bundle = join(root, 'node_modules/.cache/warnings-cli-test', `warnings-cli-${process.pid}.cjs`);
    await build({
      entryPoints: [join(root, 'scripts/warnings-cli.ts')],
      bundle: true,
      platform: 'node',
      format: 'cjs',
      outfile: bundle,
      external: ['exceljs'],
      logLevel: 'error',
    });
    await workbook.xlsx.writeFile(join(dir, 'grades.xlsx'));
    await writeFile(join(dir, 'no-header.csv'), '2021001,C1,高数,4,80\n');
    await writeFile(
      join(dir, 'only-bad.csv'),
      '学号,课程代码,课程名称,学分,成绩,考试性质,学期\n1,C1,高数,x,80,正考,2025-2026-1\n',
    );
    await writeFile(join(dir, 'bad-previous.json'), '{"students":[{"level":"oral"}]}');
    const entries: [string, string[]][] = [
      ['stdout', ['--policy', 'lzut-life', '--grades', csv, '--previous', join(fixtures, 'previous-lzut.json')]],
      [
        'out',
        [
          '--policy',
          join(root, 'config/policies/lzut-life.json'),
          '--grades',
          csv,
          '--semester',
          '2024-2025-2',
          '--out',
          join(dir, 'out.json'),
        ],
      ],
      [
        'xlsx',
        [
          '--policy',
          'lzut-life',
          '--grades',
          join(dir, 'grades.xlsx'),
          '--previous',
          join(fixtures, 'previous-lzut.json'),
        ],
      ],
      ['unknownPolicy', ['--policy', 'nowhere', '--grades', csv]],
      ['missingFile', ['--policy', 'gxu-ee', '--grades', join(dir, 'absent.csv')]],
      ['noHeader', ['--policy', 'gxu-ee', '--grades', join(dir, 'no-header.csv')]],
      ['onlyBad', ['--policy', 'gxu-ee', '--grades', join(dir, 'only-bad.csv')]],
      ['badPrevious', ['--policy', 'gxu-ee', '--grades', csv, '--previous', join(dir, 'bad-previous.json')]],
      ['badSemester', ['--policy', 'gxu-ee', '--grades', csv, '--semester', '2025秋']],
      ['noArgs', []],
    ];
    const results = await Promise.all(entries.map(([name, args]) => cli(name === 'stdout' ? 'tsx' : bundle, ...args)));
    runs = Object.fromEntries(entries.map(([name], i) => [name, results[i]!]));
  }, 60_000);

  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
    await rm(join(root, 'node_modules/.cache/warnings-cli-test', `warnings-cli-${process.pid}.cjs`), { force: true });
  });

  test('prints the result in the issue’s shape, sorted by student, with bad rows', () => {
    expect(runs.stdout?.code).toBe(0);
    expect(JSON.parse(runs.stdout?.stdout ?? '')).toEqual(expected);
  });

  test('an xlsx export gives the same result as the csv', () => {
    expect(runs.xlsx?.code).toBe(0);
    expect(JSON.parse(runs.xlsx?.stdout ?? '')).toEqual(expected);
  });

  test('--out writes the file; --semester picks an earlier semester; a policy file path works', async () => {
    expect(runs.out).toMatchObject({ code: 0, stdout: '' });
    const written = z
      .object({ semester: z.string(), students: z.array(z.unknown()) })
      .parse(JSON.parse(await readFile(join(dir, 'out.json'), 'utf8')));
    expect({ semester: written.semester, students: written.students }).toEqual({
      semester: '2024-2025-2',
      students: [
        {
          studentId: '2021005',
          level: 'oral',
          change: 'new',
          triggers: [{ rule: 'makeup-fail', courses: ['C090'], credits: 3 }],
        },
      ],
    });
  });

  test.each([
    ['unknownPolicy', '未知的政策“nowhere”'],
    ['missingFile', '无法打开文件'],
    ['noHeader', '表头缺少必需的列'],
    ['onlyBad', '没有一行可用的成绩'],
    ['badPrevious', '上次结果文件'],
    ['badSemester', '学期格式不正确'],
    ['noArgs', 'usage: warnings'],
  ])('%s: exit 2 with a clear message', (name, message) => {
    expect(runs[name]).toMatchObject({ code: 2, stdout: '' });
    expect(runs[name]?.stderr).toContain(message);
  });
});
