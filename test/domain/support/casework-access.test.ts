import fc from 'fast-check';
import { schoolWide, wholeCollegeOf } from '../../../cloudfunctions/core/access/authorize';
import { audienceOf, isStaffFor, refuseParentAudience } from '../../../cloudfunctions/core/access/audience';
import {
  isReviewer,
  reviewerRoleOf,
  reviewsPlan,
  talkerRolesFor,
} from '../../../cloudfunctions/core/access/casework-roles';
import {
  isParentOnly,
  ownStudentId,
  studentOfCaller,
  studentsActedFor,
} from '../../../cloudfunctions/core/access/family';
import { assertMayReadMeeting, seesWholeMeeting } from '../../../cloudfunctions/core/access/meeting-reach';
import { orNobody } from '../../../cloudfunctions/core/access/record-resource';
import { NotFoundError } from '../../../cloudfunctions/core/errors';
import type { Actor, Grant } from '../../../types/domain';

const actor = (grants: Grant[], userId = 'u1'): Actor => ({ userId, openid: `o-${userId}`, name: '某人', grants });
const classA = { studentId: 's1', classId: 'A', collegeId: 'life' };

describe('casework access: staff for this record', () => {
  it('a parent here who is staff of another class or college is a parent here', () => {
    const dual = actor([
      { role: 'parent', childIds: ['s1'] },
      { role: 'headTeacher', classIds: ['B'] },
      { role: 'clerk', collegeId: 'chem' },
    ]);
    expect(isStaffFor(dual, classA)).toBe(false);
    expect(audienceOf(dual, classA)).toBe('parent');
    expect(isStaffFor(dual, { classId: 'B', collegeId: 'life' })).toBe(true);
    expect(() => refuseParentAudience(dual, classA)).toThrow('无权查看或操作此内容');
  });

  it('staff only where a staff grant reaches the record, whatever else the person is', () => {
    const staffGrant = fc.oneof(
      fc.record({
        role: fc.constantFrom('counselor' as const, 'headTeacher' as const, 'assistant' as const),
        classIds: fc.subarray(['A', 'B', 'C']),
      }),
      fc.record({
        role: fc.constantFrom('leader' as const, 'clerk' as const),
        collegeId: fc.constantFrom('life', 'chem'),
      }),
    );
    const family = fc.constantFrom<Grant[]>(
      [],
      [{ role: 'parent', childIds: ['s1'] }],
      [{ role: 'student', studentId: 's1' }],
    );
    fc.assert(
      fc.property(fc.array(staffGrant, { maxLength: 3 }), family, (staff, fam) => {
        const grants: Grant[] = [...fam, ...staff];
        const reaches = staff.some((g) => ('classIds' in g ? g.classIds.includes('A') : g.collegeId === 'life'));
        expect(isStaffFor(actor(grants), classA)).toBe(reaches);
        const m = { actorId: 'someone', classId: 'A', collegeId: 'life', inviteeIds: [] };
        expect(seesWholeMeeting(actor(grants), m)).toBe(reaches);
        if (!reaches) expect(() => assertMayReadMeeting(actor(grants), m)).toThrow('这次会谈没有邀请你');
      }),
    );
  });

  it('the organizer sees the whole meeting; an invitee may read it', () => {
    const m = { actorId: 'u1', classId: 'A', collegeId: 'life', inviteeIds: ['u2'] };
    expect(seesWholeMeeting(actor([]), m)).toBe(true);
    expect(() => assertMayReadMeeting(actor([{ role: 'student', studentId: 's9' }], 'u2'), m)).not.toThrow();
  });
});

describe('casework access: family and roles', () => {
  const parentAndStudent = actor([
    { role: 'student', studentId: 's1' },
    { role: 'parent', childIds: ['s2', 's3'] },
  ]);
  it('students acted for, the one on a record, one’s own id', () => {
    expect(studentsActedFor(parentAndStudent)).toEqual(['s1', 's2', 's3']);
    expect(studentOfCaller(parentAndStudent, ['s3', 's9'])).toBe('s3');
    expect(studentOfCaller(parentAndStudent, ['s9'])).toBeUndefined();
    expect(ownStudentId(parentAndStudent)).toBe('s1');
    expect(ownStudentId(actor([{ role: 'parent', childIds: ['s2'] }]))).toBe('\u0000');
    expect(isParentOnly(parentAndStudent.grants)).toBe(false);
    expect(isParentOnly([{ role: 'parent', childIds: ['s2'] }])).toBe(true);
  });

  it('talker roles are those held for the class', () => {
    const t = actor([
      { role: 'counselor', classIds: ['A', 'B'] },
      { role: 'assistant', classIds: ['A'] },
      { role: 'headTeacher', classIds: ['C'] },
    ]);
    expect(talkerRolesFor(t, 'A')).toEqual(['counselor', 'assistant']);
    expect(talkerRolesFor(t, 'C')).toEqual(['headTeacher']);
    expect(talkerRolesFor(t, 'D')).toEqual([]);
  });

  it('a plan’s reviewer: a role it needs, held for its class, not yet used on it', () => {
    const both = actor([
      { role: 'headTeacher', classIds: ['A'] },
      { role: 'counselor', classIds: ['A'] },
    ]);
    const approval = (role: 'headTeacher' | 'counselor') => ({ role, byId: 'u1', byName: '某人', at: '', opinion: '' });
    const joint: Parameters<typeof reviewerRoleOf>[1] = {
      classId: 'A',
      reviewerRole: 'headTeacher',
      jointReviewers: ['headTeacher', 'counselor'],
      approvals: [approval('headTeacher')],
    };
    expect(reviewerRoleOf(both, joint)).toBe('counselor');
    expect(reviewerRoleOf(both, { ...joint, approvals: [approval('headTeacher'), approval('counselor')] })).toBeNull();
    const other = actor([{ role: 'headTeacher', classIds: ['B'] }]);
    expect(isReviewer(other, { classId: 'A', reviewerRole: 'headTeacher' })).toBe(false);
    expect(reviewsPlan(both, { classId: 'A', reviewerRole: 'counselor' })).toBe(true);
    expect(
      reviewsPlan(actor([{ role: 'headTeacher', classIds: ['A'] }]), { classId: 'A', reviewerRole: 'counselor' }),
    ).toBe(false);
  });

  it('school-wide reach, the clerk’s own college', () => {
    expect(schoolWide(actor([{ role: 'studentAffairs' }]), 'pairing.read')).toBe(true);
    expect(schoolWide(actor([{ role: 'leader', collegeId: 'life' }]), 'pairing.read')).toBe(false);
    expect(wholeCollegeOf(actor([{ role: 'clerk', collegeId: 'life' }]), 'archive.write')).toBe('life');
    expect(() => wholeCollegeOf(actor([{ role: 'counselor', classIds: ['A'] }]), 'archive.write')).toThrow(
      '无权查看或操作此内容',
    );
  });

  it('an unknown record reaches nobody; other failures are not hidden', async () => {
    expect(
      await orNobody(
        () => Promise.reject(new NotFoundError('该会谈')),
        () => classA,
      ),
    ).toEqual({ studentId: '\u0000' });
    await expect(
      orNobody(
        () => Promise.reject(new Error('disk')),
        () => classA,
      ),
    ).rejects.toThrow('disk');
  });
});
