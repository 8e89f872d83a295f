import fc from 'fast-check';
import {
  checkBinder,
  checkUsable,
  displayCode,
  normalizeCode,
  proofMatches,
  unrelatedChildren,
} from '../../../cloudfunctions/core/notices/binding';
import { DomainError } from '../../../cloudfunctions/core/errors';
import type { BindingCode } from '../../../types/notice';
import type { Grant } from '../../../types/domain';

const NOW = '2026-11-23T10:00:00.000+08:00';
const code = (over: Partial<BindingCode> = {}): BindingCode => ({
  _id: 'h',
  studentId: 's1',
  classId: 'c',
  collegeId: 'life',
  expiresAt: '2026-11-30T10:00:00.000+08:00',
  usedAt: null,
  usedByUserId: null,
  failedAttempts: 0,
  revoked: false,
  ...over,
});

function codeOf(fn: () => unknown): string {
  try {
    fn();
    return 'OK';
  } catch (e) {
    if (e instanceof DomainError) return e.code;
    throw e;
  }
}

describe('binding codes', () => {
  it.each<[string, BindingCode | null, string]>([
    ['a fresh code', code(), 'OK'],
    ['an unknown code', null, 'BINDING.INVALID'],
    ['a revoked code', code({ revoked: true }), 'BINDING.INVALID'],
    ['a used code', code({ usedAt: NOW, usedByUserId: 'p' }), 'BINDING.USED'],
    ['an expired code', code({ expiresAt: NOW }), 'BINDING.EXPIRED'],
    ['a code with 5 wrong phone tries', code({ failedAttempts: 5 }), 'BINDING.LOCKED'],
    ['a code with 4 wrong phone tries', code({ failedAttempts: 4 }), 'OK'],
  ])('%s → %s', (_name, c, expected) => {
    expect(codeOf(() => checkUsable(c, NOW, 5))).toBe(expected);
  });

  it('normalizes what the parent types', () => {
    expect(normalizeCode(' abcd-ef gh ')).toBe('ABCDEFGH');
    expect(displayCode('ABCDEFGH')).toBe('ABCD-EFGH');
    fc.assert(
      fc.property(fc.stringMatching(/^[2-9A-Z]{8}$/), (c) =>
        expect(normalizeCode(displayCode(c).toLowerCase())).toBe(c),
      ),
    );
  });

  const child = { _id: '2024311001', parentName: '欧阳 建国' };
  it.each([
    ['2024311001', '欧阳建国', true],
    [' 2024311001 ', '欧阳 建国', true],
    ['2024311001', '欧阳建', false],
    ['2024311002', '欧阳建国', false],
    ['5678', '欧阳建国', false],
    ['2024311001', '', false],
  ])('学号 %s with parent name %s: %s', (studentNo, parentName, ok) =>
    expect(proofMatches(child, { studentNo, parentName })).toBe(ok),
  );

  it('a student without a registered parent name can never be bound by the typed proof', () => {
    expect(proofMatches({ _id: 's1', parentName: '' }, { studentNo: 's1', parentName: '' })).toBe(false);
  });

  it.each<[string, Grant[], string]>([
    ["a student's own WeChat", [{ role: 'student', studentId: 's1' }], 'BINDING.STUDENT_WECHAT'],
    [
      'a student who is also a parent',
      [
        { role: 'student', studentId: 's2' },
        { role: 'parent', childIds: [] },
      ],
      'BINDING.STUDENT_WECHAT',
    ],
    ['a new WeChat', [], 'OK'],
    ['a parent binding another child', [{ role: 'parent', childIds: ['s9'] }], 'OK'],
    ['an assistant', [{ role: 'assistant', classIds: ['c'] }], 'BINDING.STAFF_WECHAT'],
    ['a counselor', [{ role: 'counselor', classIds: ['c'] }], 'BINDING.STAFF_WECHAT'],
    ['a head teacher', [{ role: 'headTeacher', classIds: ['c'] }], 'BINDING.STAFF_WECHAT'],
    ['a course teacher', [{ role: 'courseTeacher', courseCodes: ['B1'] }], 'BINDING.STAFF_WECHAT'],
    ['a clerk', [{ role: 'clerk', collegeId: 'life' }], 'BINDING.STAFF_WECHAT'],
    [
      'a department head',
      [{ role: 'departmentHead', collegeId: 'life', departmentId: 'bioeng' }],
      'BINDING.STAFF_WECHAT',
    ],
    ['a leader', [{ role: 'leader', collegeId: 'life' }], 'BINDING.STAFF_WECHAT'],
    ['student affairs', [{ role: 'studentAffairs' }], 'BINDING.STAFF_WECHAT'],
    [
      'a staff member who is also a parent',
      [
        { role: 'parent', childIds: ['s9'] },
        { role: 'counselor', classIds: ['c'] },
      ],
      'BINDING.STAFF_WECHAT',
    ],
  ])('binding as a parent from %s → %s', (_name, grants, expected) => {
    expect(codeOf(() => checkBinder(grants))).toBe(expected);
  });

  it('the staff refusal says so in Chinese', () => {
    expect(() => checkBinder([{ role: 'leader', collegeId: 'life' }])).toThrow(
      '教职工的微信不能绑定为家长，请让家长用自己的微信绑定',
    );
  });

  it('siblings (same parent phone on file) are related; other children are not', () => {
    const child = { studentId: 's3', parentPhone: '13800001111' };
    expect(unrelatedChildren(child, [{ studentId: 's1', parentPhone: '138-0000-1111' }])).toEqual([]);
    expect(
      unrelatedChildren(child, [
        { studentId: 's1', parentPhone: '13800001111' },
        { studentId: 's2', parentPhone: '13999998888' },
      ]),
    ).toEqual(['s2']);
    expect(unrelatedChildren(child, [{ studentId: 's3', parentPhone: '1' }])).toEqual([]);
  });
});
