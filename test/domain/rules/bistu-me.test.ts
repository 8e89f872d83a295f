import { dutiesForLevel, evaluatePolicy, presets } from '../../../cloudfunctions/core/rules';
import type { GradeRow } from '../../../types/grade';
import { grade, resultOf, S1 } from '../../support/rules-grades';

const policy = presets['bistu-me']!;

/** `size` students sat course `code` with teacher `teacher`; the first `failed` of them failed. */
function section(code: string, teacher: string, size: number, failed: number, dept = 'D1'): GradeRow[] {
  return Array.from({ length: size }, (_, i) =>
    grade(`${code}-${teacher}-${i}`, code, i < failed ? '50' : '80', { teacher, dept }),
  );
}

describe('bistu-me: end-of-semester list of struggling students', () => {
  test.each([
    { name: 'no fail', rows: [grade('A', 'C1', '60')], level: null },
    { name: 'one regular-exam fail → 学业困难', rows: [grade('A', 'C1', '59')], level: 'struggling' },
    {
      name: 'a fail passed at make-up still lists the student',
      rows: [grade('A', 'C1', '59'), grade('A', 'C1', '70', { attempt: 'makeup' })],
      level: 'struggling',
    },
  ])('$name', ({ rows, level }) => {
    expect(resultOf(policy, rows, 'A').level).toBe(level);
  });

  test('manual additions take only the policy’s reasons', () => {
    const evaluation = evaluatePolicy(policy, [], {
      semester: S1,
      manual: [
        { action: 'add', studentId: 'A', level: 'struggling', reason: 'attitude', by: 'T' },
        { action: 'add', studentId: 'B', level: 'struggling', reason: 'mentalState', by: 'T' },
        { action: 'add', studentId: 'C', level: 'expelled', reason: 'attitude', by: 'T' },
      ],
    });
    expect(evaluation.students.map((s) => [s.studentId, s.level])).toEqual([['A', 'struggling']]);
    expect(evaluation.rejectedManual.map((r) => [r.entry.studentId, r.message])).toEqual([
      ['B', '“心理状况”不是本政策认可的补充原因'],
      ['C', '没有这个警示等级：expelled'],
    ]);
  });
});

describe('bistu-me: course and teacher fail rates (> 15%; rules: 003-3)', () => {
  test.each([
    { size: 20, failed: 3, rate: 0.15, flagged: false },
    { size: 20, failed: 4, rate: 0.2, flagged: true },
    { size: 100, failed: 15, rate: 0.15, flagged: false },
    { size: 100, failed: 16, rate: 0.16, flagged: true },
    { size: 7, failed: 1, rate: 0.1429, flagged: false },
    { size: 6, failed: 1, rate: 0.1667, flagged: true },
  ])('$failed of $size failed → $rate, flagged $flagged', ({ size, failed, rate, flagged }) => {
    const [course] = evaluatePolicy(policy, section('C1', 'T1', size, failed), { semester: S1 }).courses;
    expect(course).toEqual({
      courseCode: 'C1',
      courseName: '课程C1',
      departmentId: 'D1',
      graded: size,
      failed,
      failRate: rate,
      flagged,
    });
  });

  test('per teacher over all their courses; make-ups, exemptions and other semesters do not count', () => {
    const rows = [
      ...section('C1', '王老师', 10, 1),
      ...section('C2', '王老师', 10, 3),
      ...section('C3', '李老师', 10, 1),
      grade('X', 'C3', '40', { attempt: 'makeup', teacher: '李老师' }),
      grade('Y', 'C3', '免修', { teacher: '李老师' }),
      grade('Z', 'C3', '30', { teacher: '李老师', semester: '2024-2025-2' }),
    ];
    const { teachers, courses } = evaluatePolicy(policy, rows, { semester: S1 });
    expect(teachers).toEqual([
      {
        teacherName: '李老师',
        departmentId: 'D1',
        courseCodes: ['C3'],
        graded: 10,
        failed: 1,
        failRate: 0.1,
        flagged: false,
      },
      {
        teacherName: '王老师',
        departmentId: 'D1',
        courseCodes: ['C1', 'C2'],
        graded: 20,
        failed: 4,
        failRate: 0.2,
        flagged: true,
      },
    ]);
    expect(courses.map((c) => [c.courseCode, c.failRate, c.flagged])).toEqual([
      ['C1', 0.1, false],
      ['C2', 0.3, true],
      ['C3', 0.1, false],
    ]);
  });

  test('a flagged course creates an analysis duty for the department head', () => {
    expect(policy.courseAnalysis.duties).toEqual([
      { duty: 'course-analysis', role: 'departmentHead', count: 1, per: 'once', withinDays: 30 },
    ]);
    expect(dutiesForLevel(policy, 'struggling').map((d) => `${d.role}:${d.duty}`)).toEqual([
      'headTeacher:talk',
      'counselor:parent-contact',
      'headTeacher:parent-contact',
    ]);
  });
});
