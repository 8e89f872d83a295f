import type { Attempt, GradeRow } from '../../../types/grade';
import { parseScore } from '../rules/score';
import { parseAttempt } from './attempt-text';
import type { GradeField } from './grade-columns';
import { columnName, type HeaderMap } from './header-map';
import { RowFingerprints } from './row-fingerprints';
import { normaliseSemester } from './semester-text';
import type { RowError, SheetRow } from './sheet-row';

export type RowCheckOptions = {
  /** The caller's roster: rows of other students are reported as 未知学生. */
  knownStudent?: (studentId: string) => boolean;
  /** Used when the file has no 学期 column (the clerk chose the semester). */
  defaultSemester?: string;
};

export type RowCheck = { kind: 'row'; row: GradeRow } | { kind: 'errors'; errors: RowError[] } | { kind: 'blank' };

const creditsPattern = /^\d{1,2}(\.\d{1,2})?$/;

/**
 * Checks one data row against the header, field by field, reporting every problem of the row.
 * The checks mirror the GradeRow schema without running zod per row (millions of rows).
 * Duplicates (same student, course, semester and exam type) are caught within one checker,
 * by fingerprint, so the checker's memory stays small on a whole university's export.
 */
export function createRowChecker(map: HeaderMap, options: RowCheckOptions = {}): (sheetRow: SheetRow) => RowCheck {
  const seen = new RowFingerprints();
  const { columns } = map;
  return ({ rowNumber, cells }) => {
    const cell = (field: GradeField): string => {
      const index = columns[field];
      return index === undefined ? '' : (cells[index] ?? '').trim();
    };
    if (cells.every((c) => c.trim() === '')) return { kind: 'blank' };
    const errors: RowError[] = [];
    const fail = (field: GradeField | null, message: string) => errors.push({ row: rowNumber, column: field === null ? null : columnName(map, field), message });

    const studentId = required('studentId', cell('studentId'), 64);
    const courseCode = required('courseCode', cell('courseCode'), 64);
    const courseName = required('courseName', cell('courseName'), 128);
    const studentName = optional('studentName', cell('studentName'), 64);
    const classId = optional('classId', cell('classId'), 64);
    const teacherName = optional('teacherName', cell('teacherName'), 64);
    const departmentId = optional('departmentId', cell('departmentId'), 64);

    const creditsText = cell('credits');
    let credits = 0;
    if (creditsText === '') fail('credits', '缺少学分');
    else if (!creditsPattern.test(creditsText) || Number(creditsText) > 50) fail('credits', `学分应为 0–50 的数字（实际为“${creditsText}”）`);
    else credits = Number(creditsText);

    const score = cell('score');
    if (score === '') fail('score', '缺少成绩');
    else if (score.length > 32 || parseScore(score, 60).kind === 'unknown') fail('score', `成绩无法识别：“${clip(score)}”（应为 0–100 的分数或 优秀/良好/中等/及格/不及格、合格/不合格、缺考、旷考、作弊、免修、缓考）`);

    const attemptText = cell('attempt');
    let attempt: Attempt = 'regular';
    if (attemptText === '') fail('attempt', '缺少考试性质');
    else {
      const parsed = parseAttempt(attemptText);
      if (parsed === null) fail('attempt', `未知的考试性质：“${clip(attemptText)}”（应为 正考、补考 或 重修）`);
      else attempt = parsed;
    }

    let semester = '';
    const semesterText = cell('semester');
    if (semesterText === '' && columns.semester === undefined && options.defaultSemester) semester = options.defaultSemester;
    else if (semesterText === '') fail('semester', '缺少学期');
    else {
      const parsed = normaliseSemester(semesterText, columns.schoolYear === undefined ? undefined : cell('schoolYear'));
      if (parsed === null) fail('semester', `学期格式不正确：“${clip(semesterText)}”（应如 2025-2026-1）`);
      else semester = parsed;
    }

    if (studentId !== '' && options.knownStudent && !options.knownStudent(studentId)) fail('studentId', `未知学生：学号 ${studentId} 不在学生名册中`);
    if (errors.length > 0) return { kind: 'errors', errors };

    const key = `${studentId}\u0001${courseCode}\u0001${semester}\u0001${attempt}`;
    const first = seen.firstRowOf(key, rowNumber);
    if (first !== 0) {
      fail(null, `重复的成绩：与第 ${first} 行的学号、课程代码、学期和考试性质相同`);
      return { kind: 'errors', errors };
    }
    const row: GradeRow = { studentId, courseCode, courseName, credits, score, attempt, semester };
    if (studentName !== '') row.studentName = studentName;
    if (classId !== '') row.classId = classId;
    if (teacherName !== '') row.teacherName = teacherName;
    if (departmentId !== '') row.departmentId = departmentId;
    return { kind: 'row', row };

    function required(field: GradeField, value: string, max: number): string {
      if (value === '') fail(field, `缺少${columnName(map, field)}`);
      else if (value.length > max) fail(field, `${columnName(map, field)}过长（最多 ${max} 个字符）`);
      return value;
    }
    function optional(field: GradeField, value: string, max: number): string {
      if (value.length > max) fail(field, `${columnName(map, field)}过长（最多 ${max} 个字符）`);
      return value;
    }
  };
}

function clip(text: string): string {
  return text.length > 20 ? `${text.slice(0, 20)}…` : text;
}
