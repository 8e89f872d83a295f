import type { SheetRow } from '../../../cloudfunctions/core/grades/sheet-row';
import { diffRoster } from '../../../cloudfunctions/core/roster/roster-diff';
import { createRosterReader } from '../../../cloudfunctions/core/roster/roster-rows';
import { staffGrants } from '../../../cloudfunctions/core/roster/staff-grants';
import { parseRoles } from '../../../cloudfunctions/core/roster/staff-roles';
import { checkInvite, inviteProofMatches } from '../../../cloudfunctions/core/roster/invite';
import type { RosterKind } from '../../../types/roster';

const rows = (...cells: string[][]): SheetRow[] => cells.map((c, i) => ({ rowNumber: i + 1, cells: c }));
function read(kind: RosterKind, ...cells: string[][]) {
  const reader = createRosterReader(kind);
  return rows(...cells).map((r) => reader.accept(r));
}

describe('roster files read by header, row by row', () => {
  test('students: 宿舍 in one cell, two parent phones, 级 after the year; a repeated 学号 is reported at the second row', () => {
    const steps = read(
      'students',
      ['学号', '姓名', '性别', '班级', '专业', '年级', '宿舍', '家长姓名', '家长电话', '家长电话2'],
      ['2024001', '王一', '男', '一班', '生物', '2024级', '7号楼 305', '王父', '13900000001', '13900000002'],
      ['2024001', '王一', '男', '一班', '生物', '2024', '7号楼 305', '王父', '13900000001', ''],
    );
    expect(steps[1]).toEqual({
      kind: 'row',
      key: '2024001',
      record: {
        studentId: '2024001',
        name: '王一',
        gender: '男',
        className: '一班',
        major: '生物',
        cohort: 2024,
        dormBuilding: '7号楼',
        dormRoom: '305',
        parentName: '王父',
        parentPhones: ['13900000001', '13900000002'],
      },
    });
    expect(steps[2]).toEqual({
      kind: 'errors',
      errors: [{ row: 3, column: null, message: '重复：与第 2 行的学号相同' }],
    });
  });

  test('a missing required column is fatal, naming it in Chinese', () => {
    expect(read('classes', ['班级', '专业', '年级', '辅导员'])[0]).toEqual({
      kind: 'fatal',
      message:
        '表头缺少必需的列：班主任工号（第一行应为表头，如 班级、专业、年级、辅导员、班主任、学业助理（后三列填工号））',
    });
  });

  test('staff: several roles in one cell; an unknown role is a row error with the words allowed', () => {
    expect(parseRoles('班主任、任课教师')).toEqual({ roles: ['headTeacher', 'courseTeacher'], unknown: [] });
    const steps = read('staff', ['工号', '姓名', '角色', '手机'], ['T1', '甲', '校长', '13800000000']);
    expect(steps[1]).toEqual({
      kind: 'errors',
      errors: [
        {
          row: 2,
          column: '角色',
          message: '未知的角色：校长（应为 辅导员、班主任、学业助理、任课教师、教学秘书、系主任、学院领导、学工部）',
        },
      ],
    });
  });
});

describe('what a file changes', () => {
  test('added, changed field by field, missing; equal records are unchanged', () => {
    const file = new Map([
      ['1', { label: '1 甲', fields: { 班级: '一班' } }],
      ['2', { label: '2 乙', fields: { 班级: '二班' } }],
      ['3', { label: '3 丙', fields: { 班级: '一班' } }],
    ]);
    const stored = new Map([
      ['2', { label: '2 乙', fields: { 班级: '一班' } }],
      ['3', { label: '3 丙', fields: { 班级: '一班' } }],
      ['4', { label: '4 丁', fields: { 班级: '一班' } }],
    ]);
    const diff = diffRoster(file, stored);
    expect(diff.added.map((c) => c.key)).toEqual(['1']);
    expect(diff.changed).toEqual([
      { key: '2', label: '2 乙', change: 'changed', fields: [{ field: '班级', before: '一班', after: '二班' }] },
    ]);
    expect(diff.missing.map((c) => c.key)).toEqual(['4']);
    expect(diff.unchanged).toBe(1);
  });
});

describe('grants are derived from the classes and sections, never typed', () => {
  const classes = [
    { _id: 'c1', counselorId: 't-1', headTeacherId: 't-2', assistantId: 't-3' },
    { _id: 'c2', counselorId: 't-1', headTeacherId: 't-4' },
  ];
  test('class roles from the classes that name the person; course teaching from sections; college roles from the file', () => {
    expect(
      staffGrants({ userId: 't-1', roles: ['counselor'], collegeId: 'x', departmentId: '', active: true }, classes, []),
    ).toEqual([{ role: 'counselor', classIds: ['c1', 'c2'] }]);
    expect(
      staffGrants(
        { userId: 't-2', roles: ['headTeacher', 'departmentHead'], collegeId: 'x', departmentId: 'd', active: true },
        classes,
        ['K2', 'K1', 'K1'],
      ),
    ).toEqual([
      { role: 'headTeacher', classIds: ['c1'] },
      { role: 'courseTeacher', courseCodes: ['K1', 'K2'] },
      { role: 'departmentHead', collegeId: 'x', departmentId: 'd' },
    ]);
  });
  test('someone who left holds nothing (their records stay)', () => {
    expect(
      staffGrants(
        { userId: 't-1', roles: ['counselor'], collegeId: 'x', departmentId: '', active: false },
        classes,
        [],
      ),
    ).toEqual([]);
  });
});

describe('invite codes', () => {
  const code = {
    _id: 'h',
    userId: 't-1',
    collegeId: 'x',
    expiresAt: '2026-12-01T00:00:00.000+08:00',
    usedAt: null,
    usedByOpenid: null,
    failedAttempts: 0,
    revoked: false,
  };
  test('expired, used, burnt and revoked codes are refused, each with its reason', () => {
    expect(() => checkInvite(code, '2026-12-01T00:00:00.000+08:00')).toThrow('该邀请码已过期');
    expect(() => checkInvite({ ...code, usedAt: 'x' }, '2026-11-01T00:00:00.000+08:00')).toThrow('已使用过');
    expect(() => checkInvite({ ...code, failedAttempts: 5 }, '2026-11-01T00:00:00.000+08:00')).toThrow(
      '核对失败次数过多',
    );
    expect(() => checkInvite({ ...code, revoked: true }, '2026-11-01T00:00:00.000+08:00')).toThrow('邀请码不正确');
    expect(checkInvite(code, '2026-11-30T23:59:59.000+08:00')).toBe(code);
  });
  test('the proof is the 工号/学号 and the registered name (spaces, case and full-width folded)', () => {
    expect(inviteProofMatches({ number: 'T1001', name: '周辅导' }, { number: 't１００１', name: '周 辅导' })).toBe(
      true,
    );
    expect(inviteProofMatches({ number: 'T1001', name: '周辅导' }, { number: 'T1001', name: '周导' })).toBe(false);
    expect(inviteProofMatches({ number: '', name: '' }, { number: '', name: '' })).toBe(false);
  });
});
