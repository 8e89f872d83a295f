import { dutySubjects } from '../../../cloudfunctions/core/compliance/directory';
import { courseTeachersOf } from '../../../cloudfunctions/core/teaching/course-teachers';
import { defaultDutyConfig } from '../../../cloudfunctions/core/duties/defaults';

describe("course teachers of a counselor's classes (contact each one a semester; rules: 001-3.4)", () => {
  const sections = [
    { teacherId: 't-li', classIds: ['c1', 'c2'], semester: '2025-2026-2' },
    { teacherId: 't-zheng', classIds: ['c1'], semester: '2025-2026-2' },
    { teacherId: 't-old', classIds: ['c1'], semester: '2025-2026-1' },
    { teacherId: 't-other', classIds: ['c9'], semester: '2025-2026-2' },
  ];

  test("the latest semester's teachers of the classes, one unit each over the classes they teach", () => {
    expect(courseTeachersOf(sections, ['c1', 'c2'])).toEqual([
      { id: 't-li', classIds: ['c1', 'c2'] },
      { id: 't-zheng', classIds: ['c1'] },
    ]);
    expect(courseTeachersOf(sections, ['c2'])).toEqual([{ id: 't-li', classIds: ['c2'] }]);
    expect(courseTeachersOf([], ['c1'])).toEqual([]);
  });

  test("the counselor's assignment carries them, so the contact duty has real units (it had none before)", () => {
    const classes = [
      {
        _id: 'c1',
        name: '一班',
        collegeId: 'x',
        departmentId: 'd',
        counselorId: 't-c',
        headTeacherId: 't-h1',
        size: 30,
      },
      {
        _id: 'c2',
        name: '二班',
        collegeId: 'x',
        departmentId: 'd',
        counselorId: 't-c',
        headTeacherId: 't-h2',
        size: 30,
      },
    ];
    const subjects = dutySubjects({ classes, students: [], dorms: [], warnings: [], sections });
    const counselor = subjects.find((s) => s.personId === 't-c');
    expect(counselor?.assignments[0]?.courseTeachers).toEqual([
      { id: 't-li', classIds: ['c1', 'c2'] },
      { id: 't-zheng', classIds: ['c1'] },
    ]);
    expect(defaultDutyConfig.rules.find((r) => r.id === 'counselor-course-teacher-contact')?.per).toBe('courseTeacher');
  });
});
