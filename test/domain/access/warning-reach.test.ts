import { AccessDeniedError, NotFoundError } from '../../../cloudfunctions/core/errors';
import { assertMayChangeManual, assertStudentOfRun } from '../../../cloudfunctions/core/access/manual-change';
import { assertFilesNotice } from '../../../cloudfunctions/core/access/notice-record';
import {
  childIdsOf,
  classStaffRoles,
  headedDepartmentIn,
  isParentOf,
  ownStudentIds,
  staffRoleFor,
  withChild,
} from '../../../cloudfunctions/core/access/own-grants';
import { classesInScope, collegeReach, reviewScope } from '../../../cloudfunctions/core/access/review-scope';
import { presets } from '../../../cloudfunctions/core/rules';
import type { Actor, ClassInfo, Grant } from '../../../types/domain';

const actor = (grants: Grant[], userId = 'u1'): Actor => ({ userId, openid: `o-${userId}`, name: '某人', grants });
const cls = (id: string, departmentId: string, collegeId = 'life'): ClassInfo & { _id: string } => ({
  _id: id,
  collegeId,
  departmentId,
  name: id,
  cohort: 2024,
  major: '生物工程',
  counselorId: 't-c',
  headTeacherId: 't-h',
  size: 40,
});

describe('own grants: who the caller is to a student', () => {
  const grants: Grant[] = [
    { role: 'student', studentId: 's1' },
    { role: 'parent', childIds: ['s2', 's3'] },
    { role: 'counselor', classIds: ['c1', 'c2'] },
    { role: 'headTeacher', classIds: ['c2'] },
    { role: 'departmentHead', collegeId: 'life', departmentId: 'bio' },
  ];
  it('their own student ids and their children', () => {
    expect(ownStudentIds(grants)).toEqual(['s1']);
    expect(childIdsOf(grants)).toEqual(['s2', 's3']);
    expect(isParentOf(grants, 's3')).toBe(true);
    expect(isParentOf(grants, 's1')).toBe(false);
    expect(ownStudentIds([{ role: 'clerk', collegeId: 'life' }])).toEqual([]);
  });
  it('a new child joins the parent grant, or makes one; a child already there is not added twice', () => {
    expect(withChild([{ role: 'clerk', collegeId: 'x' }], 's9')).toEqual([
      { role: 'clerk', collegeId: 'x' },
      { role: 'parent', childIds: ['s9'] },
    ]);
    expect(withChild([{ role: 'parent', childIds: ['s2'] }], 's9')).toEqual([
      { role: 'parent', childIds: ['s2', 's9'] },
    ]);
    expect(withChild([{ role: 'parent', childIds: ['s2'] }], 's2')).toEqual([{ role: 'parent', childIds: ['s2'] }]);
  });
  it('the department headed in a college, and class-staff roles per class', () => {
    expect(headedDepartmentIn(grants, 'life')).toBe('bio');
    expect(headedDepartmentIn(grants, 'other')).toBeUndefined();
    const roles = classStaffRoles(grants);
    expect([...(roles.get('c1') ?? [])]).toEqual(['counselor']);
    expect([...(roles.get('c2') ?? [])].sort()).toEqual(['counselor', 'headTeacher']);
  });
  it('the role a notice names a person by: their role at the class first, else any staff role', () => {
    expect(
      staffRoleFor(
        [
          { role: 'counselor', classIds: ['c9'] },
          { role: 'headTeacher', classIds: ['c1'] },
        ],
        'c1',
      ),
    ).toBe('headTeacher');
    expect(staffRoleFor([{ role: 'clerk', collegeId: 'life' }], 'c1')).toBe('clerk');
    expect(staffRoleFor([{ role: 'leader', collegeId: 'life' }], 'c1')).toBeNull();
  });
});

describe('college reach: whole college for clerk and leader, departments for a department head', () => {
  const classes = [cls('c1', 'bio'), cls('c2', 'chem'), cls('c3', 'bio')];
  const cases: [string, Grant[], string[]][] = [
    ['clerk', [{ role: 'clerk', collegeId: 'life' }], ['c1', 'c2', 'c3']],
    ['leader', [{ role: 'leader', collegeId: 'life' }], ['c1', 'c2', 'c3']],
    ['department head', [{ role: 'departmentHead', collegeId: 'life', departmentId: 'bio' }], ['c1', 'c3']],
    ['another college’s clerk', [{ role: 'clerk', collegeId: 'other' }], []],
    ['a counselor', [{ role: 'counselor', classIds: ['c1'] }], []],
  ];
  it.each(cases)('%s', (_name, grants, expected) => {
    expect([...classesInScope(collegeReach(grants, 'life'), classes)].sort()).toEqual(expected);
  });
  it('reviewing a run needs some reach in its college', () => {
    expect(() => reviewScope(actor([{ role: 'counselor', classIds: ['c1'] }]), 'life')).toThrow(AccessDeniedError);
    expect(reviewScope(actor([{ role: 'clerk', collegeId: 'life' }]), 'life')).toEqual({ all: true });
  });
});

describe('manual changes to a run: the clerk changes anything, class staff only add', () => {
  const policy = presets['gxu-ee'];
  if (!policy) throw new Error('gxu-ee preset');
  const run = {
    collegeId: 'life',
    manual: [{ action: 'add' as const, studentId: 's2', level: 'l1', reason: 'attendance' as const, by: 't-other' }],
  };
  const resource = (studentId: string) => ({ studentId, classId: 'c1', collegeId: 'life' });
  const clerk = actor([{ role: 'clerk', collegeId: 'life' }], 't-clerk');
  const headTeacher = actor([{ role: 'headTeacher', classIds: ['c1'] }], 't-h');
  const farCounselor = actor([{ role: 'counselor', classIds: ['c9'] }], 't-far');
  it.each(['add', 'remove', 'clear'] as const)('the run’s clerk may %s', (kind) => {
    expect(() => assertMayChangeManual(clerk, policy, run, kind, resource('s2'))).not.toThrow();
  });
  it('class staff add their class’s students, never remove or undo', () => {
    expect(() => assertMayChangeManual(headTeacher, policy, run, 'add', resource('s1'))).not.toThrow();
    expect(() => assertMayChangeManual(headTeacher, policy, run, 'remove', resource('s1'))).toThrow(
      '只有教学秘书可以把学生移出名单或撤销人工调整',
    );
    expect(() => assertMayChangeManual(headTeacher, policy, run, 'clear', resource('s1'))).toThrow(AccessDeniedError);
  });
  it('class staff do not overwrite someone else’s change, nor act outside their classes', () => {
    expect(() => assertMayChangeManual(headTeacher, policy, run, 'add', resource('s2'))).toThrow(
      '该学生的名单已由他人人工调整',
    );
    expect(() => assertMayChangeManual(farCounselor, policy, run, 'add', resource('s1'))).toThrow(AccessDeniedError);
  });
  it('a policy that leaves a role out refuses it', () => {
    const onlyCounselors = { ...policy, manualAdditions: { ...policy.manualAdditions, roles: ['counselor' as const] } };
    expect(() => assertMayChangeManual(headTeacher, onlyCounselors, run, 'add', resource('s1'))).toThrow(
      '不允许你的角色人工调整名单',
    );
  });
  it('another college’s student is not on the run', () => {
    expect(() => assertStudentOfRun({ collegeId: 'other' }, run)).toThrow(NotFoundError);
    expect(() => assertStudentOfRun({ collegeId: 'life' }, run)).not.toThrow();
  });
});

describe('a notice’s filed record is for those who file it', () => {
  const resource = { studentId: 's1', classId: 'c1', collegeId: 'life' };
  it.each([
    ['the class counselor', [{ role: 'counselor', classIds: ['c1'] }], true],
    ['the college clerk', [{ role: 'clerk', collegeId: 'life' }], true],
    ['a leader tracking the numbers', [{ role: 'leader', collegeId: 'life' }], false],
    ['the student', [{ role: 'student', studentId: 's1' }], false],
    ['the parent', [{ role: 'parent', childIds: ['s1'] }], false],
    ['another class’s counselor', [{ role: 'counselor', classIds: ['c9'] }], false],
  ] satisfies [string, Grant[], boolean][])('%s: %s', (_name, grants, files) => {
    const check = () => assertFilesNotice(actor(grants), resource);
    if (files) expect(check).not.toThrow();
    else expect(check).toThrow(AccessDeniedError);
  });
});
