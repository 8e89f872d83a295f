import type {
  ClassRecord,
  RosterKind,
  RosterRecord,
  StaffRecord,
  StudentRecord,
  TimetableRecord,
} from '../../../types/roster';
import type { RowError, SheetRow } from '../grades/sheet-row';
import { normaliseSemester } from '../grades/semester-text';
import { classColumns, staffColumns, studentColumns, timetableColumns } from './roster-columns';
import { isBlank, mapSheetHeader, RowReader, type ColumnSpec, type SheetHeader } from './sheet-header';
import { parseRoles, roleWordHelp } from './staff-roles';

/** A step of reading a roster file row by row, as the grade import steps through a grade file. */
export type RosterStep<R> =
  | { kind: 'header'; header: SheetHeader<string> }
  | { kind: 'fatal'; message: string }
  | { kind: 'blank' }
  | { kind: 'row'; key: string; record: R }
  | { kind: 'errors'; errors: RowError[] };

const phonePattern = /^1\d{10}$/;
const idPattern = /^[A-Za-z0-9_-]{1,32}$/;

function phones(cell: string): string[] {
  return cell
    .split(/[、，,;；/\s]+/)
    .map((p) => p.replace(/[-\s]/g, ''))
    .filter((p) => p !== '');
}

function cohortOf<F extends string>(r: RowReader<F>, field: F): number {
  const text = r.cell(field).replace(/级$/, '');
  if (text === '') {
    r.fail(field, `缺少${r.column(field)}`);
    return 0;
  }
  if (!/^\d{4}$/.test(text) || Number(text) < 2000 || Number(text) > 2099) {
    r.fail(field, `${r.column(field)}应为四位入学年份，如 2024（实际为“${text.slice(0, 20)}”）`);
    return 0;
  }
  return Number(text);
}

function staffNo<F extends string>(r: RowReader<F>, field: F, required: boolean): string {
  const value = r.text(field, 32, required);
  if (value !== '' && !idPattern.test(value))
    r.fail(field, `${r.column(field)}应为工号（字母、数字），实际为“${value.slice(0, 20)}”`);
  return value;
}

function readStudent(r: RowReader<(typeof studentColumns.fields)[number]>): StudentRecord {
  const studentId = r.text('studentId', 32);
  if (studentId !== '' && !idPattern.test(studentId))
    r.fail('studentId', `学号只能含字母和数字（实际为“${studentId.slice(0, 20)}”）`);
  const name = r.text('name', 32);
  const genderText = r.text('gender', 4);
  const gender = genderText === '男' || genderText === '女' ? genderText : null;
  if (genderText !== '' && gender === null) r.fail('gender', `性别应为 男 或 女（实际为“${genderText}”）`);
  const className = r.text('className', 64);
  const major = r.text('major', 64, false);
  const cohort = cohortOf(r, 'cohort');
  let dormBuilding = r.text('dormBuilding', 32, false);
  let dormRoom = r.text('dormRoom', 32, false);
  const dorm = r.text('dorm', 64, false);
  if (dormBuilding === '' && dormRoom === '' && dorm !== '') {
    // 宿舍 in one cell: "7号楼 305", "7号楼/305", "7-305".
    const m = /^(.+?)\s*[/／\s-]\s*([A-Za-z]?\d+[A-Za-z]?)$/.exec(dorm);
    if (m?.[1] && m[2]) {
      dormBuilding = m[1];
      dormRoom = m[2];
    } else r.fail('dorm', `宿舍应写作“楼 房间”，如“7号楼 305”（实际为“${dorm.slice(0, 20)}”）`);
  }
  const parentName = r.text('parentName', 32);
  const given = [...phones(r.cell('parentPhone')), ...phones(r.cell('parentPhone2'))];
  if (given.length === 0) r.fail('parentPhone', '缺少家长电话');
  for (const p of given)
    if (!phonePattern.test(p))
      r.fail(
        phones(r.cell('parentPhone')).includes(p) ? 'parentPhone' : 'parentPhone2',
        `家长电话应为 11 位手机号（实际为“${p.slice(0, 20)}”）`,
      );
  if (given.length > 2) r.fail('parentPhone', '家长电话最多两个');
  return {
    studentId,
    name,
    gender: gender ?? '男',
    className,
    major,
    cohort,
    dormBuilding,
    dormRoom,
    parentName,
    parentPhones: [...new Set(given)],
  };
}

function readClass(r: RowReader<(typeof classColumns.fields)[number]>): ClassRecord {
  const name = r.text('name', 64);
  const major = r.text('major', 64);
  const cohort = cohortOf(r, 'cohort');
  const department = r.text('department', 64, false) || major;
  return {
    name,
    major,
    cohort,
    department,
    counselorNo: staffNo(r, 'counselorNo', true),
    headTeacherNo: staffNo(r, 'headTeacherNo', true),
    assistantNo: staffNo(r, 'assistantNo', false),
  };
}

function readStaff(r: RowReader<(typeof staffColumns.fields)[number]>): StaffRecord {
  const no = staffNo(r, 'staffNo', true);
  const name = r.text('name', 32);
  const rolesText = r.text('roles', 64);
  const { roles, unknown } = parseRoles(rolesText);
  if (rolesText !== '' && unknown.length > 0)
    r.fail('roles', `未知的角色：${unknown.join('、')}（应为 ${roleWordHelp}）`);
  const phone = r.text('phone', 20).replace(/[-\s]/g, '');
  if (phone !== '' && !phonePattern.test(phone))
    r.fail('phone', `手机应为 11 位手机号（实际为“${phone.slice(0, 20)}”）`);
  return { staffNo: no, name, roles, phone, department: r.text('department', 64, false) };
}

function readTimetable(r: RowReader<(typeof timetableColumns.fields)[number]>): TimetableRecord {
  const semesterText = r.text('semester', 32);
  const semester = semesterText === '' ? '' : (normaliseSemester(semesterText) ?? '');
  if (semesterText !== '' && semester === '')
    r.fail('semester', `学期格式不正确：“${semesterText.slice(0, 20)}”（应如 2025-2026-1）`);
  const classNames = r
    .text('classNames', 500)
    .split(/[、，,;；]+/)
    .map((c) => c.trim())
    .filter((c) => c !== '');
  return {
    semester,
    courseCode: r.text('courseCode', 64),
    courseName: r.text('courseName', 128),
    teacherNo: staffNo(r, 'teacherNo', true),
    classNames,
  };
}

/**
 * A streaming reader of one roster file: the first non-blank row is the header, each later row
 * is a record or its errors (row, column, reason); a key seen twice is reported at the second row.
 */
function makeReader<F extends string, R extends RosterRecord>(
  spec: ColumnSpec<F>,
  read: (r: RowReader<F>) => R,
  keyOf: (record: R) => string,
  what: string,
) {
  let header: SheetHeader<F> | null = null;
  let fatal: string | null = null;
  const seen = new Map<string, number>();
  return {
    accept(row: SheetRow): RosterStep<R> {
      if (fatal !== null) return { kind: 'fatal', message: fatal };
      if (isBlank(row)) return { kind: 'blank' };
      if (header === null) {
        const mapped = mapSheetHeader(spec, row.cells);
        if (!mapped.ok) {
          fatal = mapped.message;
          return { kind: 'fatal', message: fatal };
        }
        header = mapped.map;
        return { kind: 'header', header };
      }
      const r = new RowReader(spec, header, row);
      const record = read(r);
      if (r.errors.length > 0) return { kind: 'errors', errors: r.errors };
      const key = keyOf(record);
      const first = seen.get(key);
      if (first !== undefined)
        return {
          kind: 'errors',
          errors: [{ row: row.rowNumber, column: null, message: `重复：与第 ${first} 行的${what}相同` }],
        };
      seen.set(key, row.rowNumber);
      return { kind: 'row', key, record };
    },
    get header(): SheetHeader<F> | null {
      return header;
    },
  };
}

export type RosterReader = {
  accept(row: SheetRow): RosterStep<RosterRecord>;
  readonly header: SheetHeader<string> | null;
};

/** The reader of one kind of file, each with its own columns and key. */
export function createRosterReader(kind: RosterKind): RosterReader {
  switch (kind) {
    case 'students':
      return makeReader(studentColumns, readStudent, (s) => s.studentId, '学号');
    case 'classes':
      return makeReader(classColumns, readClass, (c) => c.name, '班级');
    case 'staff':
      return makeReader(staffColumns, readStaff, (s) => s.staffNo, '工号');
    case 'timetable':
      return makeReader(
        timetableColumns,
        readTimetable,
        (t) => `${t.semester}|${t.courseCode}|${t.teacherNo}`,
        '学期、课程代码和任课教师',
      );
  }
}
