import { expect } from '@jest/globals';
import { classScopesOf } from '../../../cloudfunctions/core/access/class-reach';
import { concernReach } from '../../../cloudfunctions/core/access/teaching-reach';
import { checkSemesterDates, ruleOnly } from '../../../cloudfunctions/core/calendar';

describe('classes reached as a whole', () => {
  it('clerk and leader: their college; department head: their department; class staff: none here', () => {
    expect(
      classScopesOf([
        { role: 'clerk', collegeId: 'life' },
        { role: 'departmentHead', collegeId: 'chem', departmentId: 'd-org' },
        { role: 'counselor', classIds: ['c1'] },
        { role: 'studentAffairs' },
        { role: 'leader', collegeId: 'math' },
      ]),
    ).toEqual([{ collegeId: 'life' }, { collegeId: 'chem', departmentId: 'd-org' }, { collegeId: 'math' }]);
  });
});

describe('a course teacher raising a concern', () => {
  const sections = [
    { courseCode: 'MATH101', classIds: ['c1', 'c2'], courseName: '高等数学' },
    { courseCode: 'PHYS101', classIds: ['c3'], courseName: '大学物理' },
  ];
  it('reaches a student of their own section of that course only; anyone else is denied, not missing', () => {
    expect(concernReach({ classId: 'c2' }, sections, 'MATH101').section.courseName).toBe('高等数学');
    expect(() => concernReach({ classId: 'c3' }, sections, 'MATH101')).toThrow(
      expect.objectContaining({ code: 'ACCESS.DENIED', message: '只能反映你所授课程的学生' }),
    );
    expect(() => concernReach(null, sections, 'MATH101')).toThrow(expect.objectContaining({ code: 'ACCESS.DENIED' }));
  });
});

describe('semester dates a clerk types', () => {
  it('are refused with the problem and its field', () => {
    expect(() =>
      checkSemesterDates(ruleOnly, { semesterId: '2026-2027-1', start: '2026-12-01', end: '2026-11-01' }),
    ).toThrow(
      expect.objectContaining({ code: 'CALENDAR.DATES_INVALID', field: 'end', message: '结束日期应晚于开始日期' }),
    );
    expect(() =>
      checkSemesterDates(ruleOnly, { semesterId: '2026-2027-1', start: '2026-09-07', end: '2027-01-17' }),
    ).not.toThrow();
  });
});
