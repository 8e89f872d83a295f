import { Policy } from '../../../types/policy';
import { presets } from '../../../cloudfunctions/core/rules';
import { grade, resultOf } from '../../support/rules-grades';

/** A policy that counts failed required credits only (课程性质 = 必修), and one that counts every course. */
const policy = (courseKinds?: ('required' | 'elective' | 'public')[]) =>
  Policy.parse({
    id: 'required-only',
    name: '必修学分',
    college: '测试学院',
    levels: [
      {
        id: 'warn',
        name: '预警',
        triggers: [
          { id: 'req-credits', rule: 'semesterFailedCredits', atLeast: 6, ...(courseKinds ? { courseKinds } : {}) },
        ],
      },
    ],
  });

const rows = [
  { ...grade('A', 'R1', '40', { credits: 4 }), courseKind: 'required' as const },
  { ...grade('A', 'E1', '30', { credits: 3 }), courseKind: 'elective' as const },
  { ...grade('A', 'P1', '20', { credits: 2 }), courseKind: 'public' as const },
];

describe('a policy counts only some course kinds (课程性质)', () => {
  test('every course counts without a filter: 9 failed credits fire', () => {
    const result = resultOf(policy(), rows, 'A');
    expect(result.level).toBe('warn');
    expect(result.triggers[0]?.value).toBe(9);
  });

  test('required only: 4 failed required credits do not reach 6', () => {
    expect(resultOf(policy(['required']), rows, 'A').level).toBeNull();
  });

  test('required only: a second failed required course fires, and the explanation names what was counted', () => {
    const result = resultOf(
      policy(['required']),
      [...rows, { ...grade('A', 'R2', '10', { credits: 2 }), courseKind: 'required' as const }],
      'A',
    );
    expect(result.level).toBe('warn');
    expect(result.triggers[0]?.value).toBe(6);
    expect(result.triggers[0]?.courses).toEqual(['R1', 'R2']);
    expect(result.triggers[0]?.text).toMatch(/^本学期正考不及格（必修课程） 6 学分/);
  });

  test('a course whose export names no kind still counts under a filter (a missing column hides no failure)', () => {
    const result = resultOf(policy(['required']), [...rows, grade('A', 'X1', '10', { credits: 2 })], 'A');
    expect(result.triggers[0]?.courses).toEqual(['R1', 'X1']);
  });

  test('the presets count every course, as before (no preset filters by kind)', () => {
    for (const preset of Object.values(presets))
      for (const level of preset.levels)
        for (const t of level.triggers) expect('courseKinds' in t && t.courseKinds !== undefined).toBe(false);
  });

  test('an empty kind list is refused in Chinese', () => {
    const parsed = Policy.safeParse({
      id: 'x',
      name: 'x',
      college: 'x',
      levels: [{ id: 'w', name: 'w', triggers: [{ id: 't', rule: 'owedCredits', atLeast: 1, courseKinds: [] }] }],
    });
    expect(parsed.success ? '' : parsed.error.issues[0]?.message).toBe('至少选择一种课程性质');
  });
});
