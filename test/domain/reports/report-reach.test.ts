import {
  classReachOf,
  clerkCollegeOf,
  collegeOfActor,
  headedDepartments,
} from '../../../cloudfunctions/core/access/report-reach';
import { latestPublishedRun } from '../../../cloudfunctions/core/reports/published-run';
import { checkKpiSheet, unreadableKpiFile } from '../../../cloudfunctions/core/reports/kpi-file';
import { DomainError } from '../../../cloudfunctions/core/errors';
import type { Actor } from '../../../types/domain';

const actor = (grants: Actor['grants']): Actor => ({ userId: 'u', openid: 'o', name: '某老师', grants });
const code = (fn: () => unknown) => {
  try {
    fn();
    return null;
  } catch (error) {
    return error instanceof DomainError ? error.code : 'other';
  }
};

describe('report reach and report decisions (core)', () => {
  it('a grant reaches its college, department or listed classes; a grant of no classes reaches none', () => {
    expect(classReachOf({ role: 'leader', collegeId: 'c1' })).toEqual({ collegeId: 'c1' });
    expect(classReachOf({ role: 'clerk', collegeId: 'c1' })).toEqual({ collegeId: 'c1' });
    expect(classReachOf({ role: 'departmentHead', collegeId: 'c1', departmentId: 'd2' })).toEqual({
      collegeId: 'c1',
      departmentId: 'd2',
    });
    expect(classReachOf({ role: 'counselor', classIds: ['k1', 'k2'] })).toEqual({ classIds: ['k1', 'k2'] });
    expect(classReachOf({ role: 'headTeacher', classIds: [] })).toBeNull();
    expect(classReachOf({ role: 'student', studentId: 's1' })).toBeNull();
  });
  it("the caller's college: any college grant for course tasks, only the clerk's for KPI imports", () => {
    expect(
      collegeOfActor(
        actor([
          { role: 'counselor', classIds: ['k1'] },
          { role: 'departmentHead', collegeId: 'c2', departmentId: 'd1' },
        ]),
      ),
    ).toBe('c2');
    expect(code(() => collegeOfActor(actor([{ role: 'counselor', classIds: ['k1'] }])))).toBe('REPORTS.NO_COLLEGE');
    expect(
      clerkCollegeOf(
        actor([
          { role: 'leader', collegeId: 'c1' },
          { role: 'clerk', collegeId: 'c3' },
        ]),
      ),
    ).toBe('c3');
    expect(code(() => clerkCollegeOf(actor([{ role: 'leader', collegeId: 'c1' }])))).toBe('REPORTS.NO_COLLEGE');
  });
  it('the departments a user heads in one college only', () => {
    const grants: Actor['grants'] = [
      { role: 'departmentHead', collegeId: 'c1', departmentId: 'd1' },
      { role: 'departmentHead', collegeId: 'c2', departmentId: 'd9' },
      { role: 'leader', collegeId: 'c1' },
    ];
    expect(headedDepartments({ grants }, 'c1')).toEqual(['d1']);
  });
  it('the latest published run of the semester; none published is refused', () => {
    const runs = [
      { _id: 'a', publishedAt: '2026-02-01T10:00:00+08:00' },
      { _id: 'b', publishedAt: '2026-03-01T10:00:00+08:00' },
      { _id: 'c', publishedAt: null },
    ];
    expect(latestPublishedRun(runs, '2025-2026-1')._id).toBe('b');
    expect(code(() => latestPublishedRun([{ _id: 'c', publishedAt: null }], '2025-2026-1'))).toBe(
      'REPORTS.NOT_PUBLISHED',
    );
  });
  it('a KPI sheet without a header is refused on the file field; an unreadable file has its reason', () => {
    expect(code(() => checkKpiSheet({ ok: false, message: '未找到表头' }))).toBe('KPI.NO_HEADER');
    expect(checkKpiSheet({ ok: true, facts: [], errors: [], rows: 0 }).rows).toBe(0);
    expect(unreadableKpiFile()).toMatchObject({ code: 'KPI.FILE_UNREADABLE', field: 'fileId' });
    expect(unreadableKpiFile('表格损坏').message).toBe('表格损坏');
  });
});
