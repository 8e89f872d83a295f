/**
 * Batch run of a warning policy over a grade export:
 *   npm run --silent warnings -- --policy <preset|path.json> --grades <file.csv|xlsx>
 *     [--previous <result.json>] [--semester <id>] [--out <result.json>]
 * Prints (or writes) the result as JSON. Exit 0 on success, 2 on unusable input.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { semesterId } from '../types/fields';
import { Policy, PreviousEntry } from '../types/policy';
import { collectGradeRows } from '../cloudfunctions/core/grades/grade-import';
import {
  evaluatePolicy,
  latestSemester,
  presetNames,
  presetPolicy,
  type Evaluation,
} from '../cloudfunctions/core/rules';
import type { RowError } from '../cloudfunctions/core/grades/sheet-row';
import { GradeFileError, readGradeFile } from '../cloudfunctions/platform/grades/grade-file';

class UsageError extends Error {}

const usage =
  'usage: warnings --policy <preset|path.json> --grades <file.csv|xlsx> [--previous <result.json>] [--semester <2025-2026-1>] [--out <result.json>]';

const PreviousFile = z.object({ students: z.array(PreviousEntry) });

export type CliOutput = {
  policy: string;
  semester: string;
  students: {
    studentId: string;
    level: string | null;
    change: string;
    triggers: { rule: string; courses: string[]; credits: number }[];
  }[];
  courses: { courseCode: string; failRate: number; flagged: boolean }[];
  errors: RowError[];
};

async function loadPolicy(ref: string): Promise<Policy> {
  const preset = presetPolicy(ref);
  if (preset) return preset;
  const json = await readJson(
    ref,
    `未知的政策“${ref}”：应为预置政策（${presetNames.join('、')}）或政策 JSON 文件的路径`,
  );
  const parsed = Policy.safeParse(json);
  if (!parsed.success) throw new UsageError(`政策文件 ${ref} 不合规：${describeIssues(parsed.error)}`);
  return parsed.data;
}

async function loadPrevious(path: string): Promise<PreviousEntry[]> {
  const parsed = PreviousFile.safeParse(await readJson(path, `无法读取上次结果文件：${path}`));
  if (!parsed.success) throw new UsageError(`上次结果文件 ${path} 不合规：${describeIssues(parsed.error)}`);
  return parsed.data.students;
}

async function readJson(path: string, missing: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch {
    throw new UsageError(missing);
  }
  try {
    return JSON.parse(text);
  } catch {
    throw new UsageError(`${path} 不是有效的 JSON`);
  }
}

function describeIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 5)
    .map((i) => `${i.path.join('.') || '(根)'}：${i.message}`)
    .join('；');
}

export function toCliOutput(evaluation: Evaluation, errors: RowError[]): CliOutput {
  return {
    policy: evaluation.policy,
    semester: evaluation.semester,
    students: evaluation.students.map((s) => ({
      studentId: s.studentId,
      level: s.level,
      change: s.change,
      triggers: s.triggers.map((t) => ({ rule: t.rule, courses: t.courses, credits: t.credits })),
    })),
    courses: evaluation.courses.map((c) => ({ courseCode: c.courseCode, failRate: c.failRate, flagged: c.flagged })),
    errors,
  };
}

async function run(argv: string[]): Promise<void> {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        policy: { type: 'string' },
        grades: { type: 'string' },
        previous: { type: 'string' },
        semester: { type: 'string' },
        out: { type: 'string' },
      },
      strict: true,
    }));
  } catch (e) {
    throw new UsageError(`${e instanceof Error ? e.message : String(e)}\n${usage}`);
  }
  if (!values.policy || !values.grades) throw new UsageError(`缺少 --policy 或 --grades\n${usage}`);
  if (values.semester !== undefined && !semesterId.safeParse(values.semester).success)
    throw new UsageError(`学期格式不正确：“${values.semester}”（应如 2025-2026-1）`);

  const policy = await loadPolicy(values.policy);
  const previous = values.previous ? await loadPrevious(values.previous) : [];
  let collected;
  try {
    collected = await collectGradeRows(await readGradeFile(values.grades));
  } catch (e) {
    if (e instanceof GradeFileError) throw new UsageError(e.message);
    throw new UsageError(`无法读取成绩文件 ${values.grades}：${e instanceof Error ? e.message : String(e)}`);
  }
  if (!collected.ok) throw new UsageError(`成绩文件 ${values.grades} 无法使用：${collected.message}`);
  const semester = values.semester ?? latestSemester(collected.rows);
  if (semester === null) {
    const sample = collected.errors
      .slice(0, 10)
      .map((e) => `  第 ${e.row} 行${e.column ? `【${e.column}】` : ''}：${e.message}`);
    throw new UsageError(
      [`成绩文件 ${values.grades} 中没有一行可用的成绩（共 ${collected.errors.length} 处错误）`, ...sample].join('\n'),
    );
  }

  const evaluation = evaluatePolicy(policy, collected.rows, { semester, previous });
  const json = `${JSON.stringify(toCliOutput(evaluation, collected.errors), null, 2)}\n`;
  if (values.out) await writeFile(values.out, json, 'utf8');
  else process.stdout.write(json);
}

run(process.argv.slice(2)).then(
  () => {
    process.exitCode = 0;
  },
  (e: unknown) => {
    if (e instanceof UsageError) {
      process.stderr.write(`warnings: ${e.message}\n`);
      process.exitCode = 2;
    } else {
      process.stderr.write(`warnings: 内部错误：${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
      process.exitCode = 1;
    }
  },
);
