import { expect } from '@jest/globals';
import {
  actingAs,
  isCollegeOfficer,
  withAssistantClass,
  withoutAssistantClass,
} from '../../../cloudfunctions/core/access/assistant-roles';
import { holdsSchoolRole, isSchoolRole, mayGrantRoles } from '../../../cloudfunctions/core/access/school-role';
import type { Actor, Grant } from '../../../types/domain';

const actor = (grants: Grant[]): Actor => ({ userId: 'u-1', openid: 'wx-1', name: '张老师', grants });

describe('who takes a step of the assistant programme', () => {
  it('the first owner role held for this college, 学工部 anywhere; nobody else', () => {
    expect(
      actingAs(
        actor([
          { role: 'clerk', collegeId: 'chem' },
          { role: 'leader', collegeId: 'life' },
        ]),
        'life',
        ['clerk', 'leader'],
      ),
    ).toEqual({ userId: 'u-1', name: '张老师', role: 'leader' });
    expect(actingAs(actor([{ role: 'studentAffairs' }]), 'life', ['studentAffairs'])).toMatchObject({
      role: 'studentAffairs',
    });
    expect(() => actingAs(actor([{ role: 'clerk', collegeId: 'chem' }]), 'life', ['clerk', 'leader'])).toThrow(
      expect.objectContaining({ code: 'ACCESS.DENIED' }),
    );
    expect(() => actingAs(actor([{ role: 'clerk', collegeId: 'life' }]), 'life', ['leader'])).toThrow(
      expect.objectContaining({ code: 'ACCESS.DENIED' }),
    );
    expect(() =>
      actingAs(actor([{ role: 'counselor', classIds: ['c1'] }]), 'life', ['clerk', 'leader', 'studentAffairs']),
    ).toThrow(expect.objectContaining({ code: 'ACCESS.DENIED' }));
  });

  it('college officers are the clerk and leader of that college, in the roles asked', () => {
    const grants: Grant[] = [{ role: 'clerk', collegeId: 'life' }];
    expect(isCollegeOfficer(grants, 'life', ['clerk', 'leader'])).toBe(true);
    expect(isCollegeOfficer(grants, 'life', ['leader'])).toBe(false);
    expect(isCollegeOfficer(grants, 'chem', ['clerk'])).toBe(false);
    expect(
      isCollegeOfficer([{ role: 'departmentHead', collegeId: 'life', departmentId: 'd1' }], 'life', [
        'clerk',
        'leader',
      ]),
    ).toBe(false);
  });

  it('学工部 is the only school-wide role', () => {
    expect(isSchoolRole('studentAffairs')).toBe(true);
    expect(isSchoolRole('leader')).toBe(false);
    expect(holdsSchoolRole([{ role: 'clerk', collegeId: 'life' }, { role: 'studentAffairs' }])).toBe(true);
    expect(holdsSchoolRole([{ role: 'clerk', collegeId: 'life' }])).toBe(false);
  });

  it('only 学工部 gives the 学工部 role; any caller may give college roles', () => {
    expect(mayGrantRoles([{ role: 'clerk', collegeId: 'life' }], ['counselor', 'clerk'])).toBe(true);
    expect(mayGrantRoles([{ role: 'clerk', collegeId: 'life' }], ['counselor', 'studentAffairs'])).toBe(false);
    expect(mayGrantRoles([{ role: 'studentAffairs' }], ['studentAffairs'])).toBe(true);
  });
});

describe('an assistant grant follows the class', () => {
  it('joins the class once, sorted, or adds the grant; leaving takes only that class off', () => {
    const graduate: Grant = { role: 'graduate', graduateId: 'g1' };
    expect(withAssistantClass([graduate], 'c2')).toEqual([graduate, { role: 'assistant', classIds: ['c2'] }]);
    expect(withAssistantClass([graduate, { role: 'assistant', classIds: ['c2'] }], 'c1')).toEqual([
      graduate,
      { role: 'assistant', classIds: ['c1', 'c2'] },
    ]);
    expect(withAssistantClass([{ role: 'assistant', classIds: ['c1'] }], 'c1')).toEqual([
      { role: 'assistant', classIds: ['c1'] },
    ]);
    expect(withoutAssistantClass([graduate, { role: 'assistant', classIds: ['c1', 'c2'] }], 'c1')).toEqual([
      graduate,
      { role: 'assistant', classIds: ['c2'] },
    ]);
  });
});
