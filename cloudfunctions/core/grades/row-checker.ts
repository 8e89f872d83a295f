import type { Attempt, GradeRow } from '../../../types/grade';
import { parseScore } from '../rules/score';
import { parseAttempt } from './attempt-text';
import type { GradeField } from './grade-columns';
import { columnName, type HeaderMap } from './header-map';
import { nameMismatch } from './roster-name';
import { RowFingerprints } from './row-fingerprints';
import { courseKindOf, isVoided, splitCourseCell } from './course-kind';
import { normaliseSemester, semesterFromCodes } from './semester-text';
import type { RowError, SheetRow } from './sheet-row';

export type RowCheckOptions = {
  /** The caller's roster: rows of other students are reported as 未知学生. */
  knownStudent?: (studentId: string) => boolean;
  /** The roster's name of a student: a row whose 姓名 names someone else is reported, not imported. */
  studentNameOf?: (studentId: string) => string | undefined;
  /** Used when the file has no 学期 column (the clerk chose the semester). */
  defaultSemester?: string;
};

/** `voided`: the export marks the row 成绩作废 = 是: left out, neither imported nor an error. */
export type RowCheck =
  { kind: 'row'; row: GradeRow } | { kind: 'errors'; errors: RowError[] } | { kind: 'blank' } | { kind: 'voided' };

const creditsPattern = /^\d{1,2}(\.\d{1,2})?$/;
const scoreHelp = '应为 0–100 的分数或 优秀/良好/中等/及格/不及格、合格/不合格、缺考、旷考、作弊、免修、缓考';

/** One row being checked: its cells and the errors found so far. */
type Pending = { map: HeaderMap; cells: string[]; rowNumber: number; errors: RowError[] };

function cell(p: Pending, field: GradeField): string {
  const index = p.map.columns[field];
  return index === undefined ? '' : (p.cells[index] ?? '').trim();
}

function fail(p: Pending, field: GradeField | null, message: string): void {
  p.errors.push({ row: p.rowNumber, column: field === null ? null : columnName(p.map, field), message });
}

function text(p: Pending, field: GradeField, max: number, required: boolean, given?: string): string {
  const value = given ?? cell(p, field);
  if (value === '' && required) fail(p, field, `缺少${columnName(p.map, field)}`);
  else if (value.length > max) fail(p, field, `${columnName(p.map, field)}过长（最多 ${max} 个字符）`);
  return value;
}

/** Results a 成绩标志 / 未通过原因 column states instead of the mark (缺考, 作弊, 缓考 …). */
const flagKinds = new Set(['absent', 'truant', 'cheating', 'deferred', 'exempt']);

/** The result: the score column, else 正方's 百分制成绩; a flag such as 缺考 or 作弊 stands over the mark. */
function scoreOf(p: Pending): string {
  const flag = cell(p, 'scoreFlag');
  if (flag !== '' && flag.length <= 32 && flagKinds.has(parseScore(flag, 60).kind)) return flag;
  return cell(p, 'score') || cell(p, 'scoreHundred');
}

function clip(value: string): string {
  return value.length > 20 ? `${value.slice(0, 20)}…` : value;
}

/**
 * Checks one data row against the header, field by field, reporting every problem of the row.
 * The checks mirror the GradeRow schema without running zod per row (millions of rows).
 * Duplicates (same student, course, semester and exam type) are caught within one checker,
 * by fingerprint, so the checker's memory stays small on a whole university's export.
 */
export function createRowChecker(map: HeaderMap, options: RowCheckOptions = {}): (sheetRow: SheetRow) => RowCheck {
  const seen = new RowFingerprints();
  // Exports repeat a handful of semester, score and exam-type texts: read each once.
  const semesters = new Map<string, string | null>();
  const scoreKnown = new Map<string, boolean>();
  const hasSemesterColumn = map.columns.semester !== undefined;
  const hasYearColumn = map.columns.schoolYear !== undefined;
  const hasVoidColumn = map.columns.voided !== undefined;
  const hasCombinedCourse = map.columns.courseCodeName !== undefined;
  const combinedOnly =
    hasCombinedCourse && map.columns.courseCode === undefined && map.columns.courseCodeAlt === undefined;
  const hasSemesterCodes = map.columns.yearCode !== undefined && map.columns.termCode !== undefined;

  return ({ rowNumber, cells }) => {
    if (cells.every((c) => c.trim() === '')) return { kind: 'blank' };
    const p: Pending = { map, cells, rowNumber, errors: [] };
    if (hasVoidColumn && isVoided(cell(p, 'voided'))) return { kind: 'voided' };

    const studentId = text(p, 'studentId', 64, true);
    const combined = hasCombinedCourse ? splitCourseCell(cell(p, 'courseCodeName')) : null;
    let courseCode = '';
    let courseName = '';
    if (combinedOnly && combined === null)
      fail(
        p,
        'courseCodeName',
        `${columnName(map, 'courseCodeName')}应为“[课程代码]课程名称”（实际为“${clip(cell(p, 'courseCodeName'))}”）`,
      );
    else {
      courseCode = text(
        p,
        'courseCode',
        64,
        true,
        cell(p, 'courseCode') || cell(p, 'courseCodeAlt') || combined?.code || '',
      );
      courseName = text(p, 'courseName', 128, true, cell(p, 'courseName') || combined?.name || '');
    }
    const kindName = text(p, 'courseKind', 32, false);
    const studentName = text(p, 'studentName', 64, false);
    const classId = text(p, 'classId', 64, false);
    const teacherName = text(p, 'teacherName', 64, false);
    const departmentId = text(p, 'departmentId', 64, false);

    const creditsText = cell(p, 'credits');
    let credits = 0;
    if (creditsText === '') fail(p, 'credits', '缺少学分');
    else if (!creditsPattern.test(creditsText) || Number(creditsText) > 50)
      fail(p, 'credits', `学分应为 0–50 的数字（实际为“${clip(creditsText)}”）`);
    else credits = Number(creditsText);

    const score = scoreOf(p);
    let known = scoreKnown.get(score);
    if (known === undefined) {
      known = score.length <= 32 && parseScore(score, 60).kind !== 'unknown';
      scoreKnown.set(score, known);
    }
    if (score === '') fail(p, 'score', '缺少成绩');
    else if (!known) fail(p, 'score', `成绩无法识别：“${clip(score)}”（${scoreHelp}）`);

    const attemptText = cell(p, 'attempt');
    let attempt: Attempt = 'regular';
    if (attemptText === '') fail(p, 'attempt', '缺少考试性质');
    else {
      const parsed = parseAttempt(attemptText);
      if (parsed === null) fail(p, 'attempt', `未知的考试性质：“${clip(attemptText)}”（应为 正考、补考 或 重修）`);
      else attempt = parsed;
    }

    let semester = '';
    const semesterText = cell(p, 'semester');
    if (semesterText === '' && hasSemesterCodes && (cell(p, 'yearCode') !== '' || cell(p, 'termCode') !== '')) {
      const parsed = semesterFromCodes(cell(p, 'yearCode'), cell(p, 'termCode'));
      if (parsed === null)
        fail(
          p,
          'termCode',
          `学年学期代码不正确：“${clip(cell(p, 'yearCode'))} ${clip(cell(p, 'termCode'))}”（学期代码应为 3 或 12）`,
        );
      else semester = parsed;
    } else if (semesterText === '' && !hasSemesterColumn && options.defaultSemester) semester = options.defaultSemester;
    else if (semesterText === '') fail(p, 'semester', '缺少学期');
    else {
      const year = hasYearColumn ? cell(p, 'schoolYear') : '';
      const cacheKey = `${semesterText}\u0001${year}`;
      let parsed = semesters.get(cacheKey);
      if (parsed === undefined) {
        parsed = normaliseSemester(semesterText, hasYearColumn ? year : undefined);
        semesters.set(cacheKey, parsed);
      }
      if (parsed === null) fail(p, 'semester', `学期格式不正确：“${clip(semesterText)}”（应如 2025-2026-1）`);
      else semester = parsed;
    }

    if (studentId !== '' && options.knownStudent && !options.knownStudent(studentId))
      fail(p, 'studentId', `未知学生：学号 ${studentId} 不在学生名册中`);
    else if (studentId !== '' && options.studentNameOf) {
      const mismatch = nameMismatch(studentId, studentName, options.studentNameOf(studentId));
      if (mismatch !== null) fail(p, 'studentName', mismatch);
    }
    if (p.errors.length > 0) return { kind: 'errors', errors: p.errors };

    const first = seen.firstRowOf(`${studentId}\u0001${courseCode}\u0001${semester}\u0001${attempt}`, rowNumber);
    if (first !== 0) {
      fail(p, null, `重复的成绩：与第 ${first} 行的学号、课程代码、学期和考试性质相同`);
      return { kind: 'errors', errors: p.errors };
    }
    const row: GradeRow = { studentId, courseCode, courseName, credits, score, attempt, semester };
    if (studentName !== '') row.studentName = studentName;
    if (classId !== '') row.classId = classId;
    if (teacherName !== '') row.teacherName = teacherName;
    if (departmentId !== '') row.departmentId = departmentId;
    if (kindName !== '') {
      row.courseKindName = kindName;
      const kind = courseKindOf(kindName);
      if (kind !== null) row.courseKind = kind;
    }
    return { kind: 'row', row };
  };
}
