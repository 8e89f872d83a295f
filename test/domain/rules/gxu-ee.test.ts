import { presets } from '../../../cloudfunctions/core/rules';
import type { GradeRow } from '../../../types/grade';
import type { ManualEntry } from '../../../types/policy';
import { grade, resultOf, S0 } from '../../support/rules-grades';

const policy = presets['gxu-ee']!;
const A = 'A';

/** Courses failed at the regular exam this semester, with the given credits. */
const failedNow = (credits: number[]) => credits.map((c, i) => grade(A, `N${i}`, '40', { credits: c }));
/** Courses failed earlier and never passed: owed credits but no failure this semester. */
const owedBefore = (credits: number[]) => credits.map((c, i) => grade(A, `B${i}`, '40', { credits: c, semester: S0 }));
/** Enough good grades to keep the GPA far from the floors. */
const good = [grade(A, 'G1', '95', { credits: 40 }), grade(A, 'G2', '95', { credits: 40, semester: S0 })];

describe('gxu-ee: 预警 and 试读 thresholds', () => {
  const cases: { name: string; rows: GradeRow[]; level: string | null; rules: string[] }[] = [
    { name: 'semester failed credits 9.5', rows: [...good, ...failedNow([4, 3, 2.5])], level: null, rules: [] },
    {
      name: 'semester failed credits 10 → 预警',
      rows: [...good, ...failedNow([4, 3, 3])],
      level: 'warning',
      rules: ['semester-failed-credits'],
    },
    { name: 'owed credits 14.5', rows: [...good, ...owedBefore([5, 5, 4.5])], level: null, rules: [] },
    {
      name: 'owed credits 15 → 预警',
      rows: [...good, ...owedBefore([5, 5, 5])],
      level: 'warning',
      rules: ['owed-credits-warning'],
    },
    {
      name: 'owed credits 24.5 → 预警',
      rows: [...good, ...owedBefore([10, 10, 4.5])],
      level: 'warning',
      rules: ['owed-credits-warning'],
    },
    {
      name: 'owed credits 25 → 试读',
      rows: [...good, ...owedBefore([10, 10, 5])],
      level: 'probation',
      rules: ['owed-credits-warning', 'owed-credits-probation'],
    },
    { name: 'cumulative GPA 2.00', rows: [grade(A, 'C1', '70')], level: null, rules: [] },
    { name: 'cumulative GPA 1.99 → 预警', rows: [grade(A, 'C1', '69.9')], level: 'warning', rules: ['gpa-warning'] },
    { name: 'cumulative GPA 1.50 → 预警', rows: [grade(A, 'C1', '65')], level: 'warning', rules: ['gpa-warning'] },
    {
      name: 'cumulative GPA 1.49 → 试读',
      rows: [grade(A, 'C1', '64.9')],
      level: 'probation',
      rules: ['gpa-warning', 'gpa-probation'],
    },
    {
      name: 'GPA ignores 合格 and 免修',
      rows: [grade(A, 'C1', '70'), grade(A, 'C2', '合格', { credits: 20 }), grade(A, 'C3', '免修', { credits: 20 })],
      level: null,
      rules: [],
    },
    {
      name: 'a retake pass replaces the fail in the GPA',
      rows: [grade(A, 'C1', '40', { semester: S0 }), grade(A, 'C1', '70', { attempt: 'retake' })],
      level: null,
      rules: [],
    },
  ];
  test.each(cases)('$name', ({ rows, level, rules }) => {
    const result = resultOf(policy, rows, A);
    expect(result.level).toBe(level);
    expect(result.triggers.map((t) => t.rule)).toEqual(rules);
  });

  test('a GPA trigger explains the figure', () => {
    const [trigger] = resultOf(policy, [grade(A, 'C1', '69.9')], A).triggers;
    expect(trigger).toMatchObject({
      rule: 'gpa-warning',
      value: 1.99,
      courses: [],
      credits: 0,
      text: '累计平均学分绩点 1.99（低于 2）',
    });
  });

  test('without a lifting condition a warning ends when its triggers stop firing', () => {
    const result = resultOf(policy, [...good, ...owedBefore([5, 5])], A, {
      previous: [{ studentId: A, level: 'probation' }],
    });
    expect({ level: result.level, change: result.change }).toEqual({ level: null, change: 'lifted' });
  });
});

describe('gxu-ee: manual additions by head teachers and counselors (rules: 002-4.2.1)', () => {
  const removal: ManualEntry = { action: 'remove', studentId: A, note: '成绩录入错误，已更正', by: 'C1' };
  const add = (studentId: string, level: string, reason: 'attitude' | 'mentalState' = 'attitude'): ManualEntry => ({
    action: 'add',
    studentId,
    level,
    reason,
    by: 'T1',
    note: '多次旷课',
  });

  test.each([
    {
      name: 'no trigger + manual 预警',
      rows: [grade(A, 'C1', '90')],
      entry: add(A, 'warning'),
      level: 'warning',
      source: 'manual',
      rules: [],
    },
    {
      name: '预警 by rules + manual 试读 raises it',
      rows: [grade(A, 'C1', '69.9')],
      entry: add(A, 'probation'),
      level: 'probation',
      source: 'manual',
      rules: ['gpa-warning'],
    },
    {
      name: '试读 by rules + manual 预警 keeps 试读',
      rows: [grade(A, 'C1', '60')],
      entry: add(A, 'warning'),
      level: 'probation',
      source: 'rules',
      rules: ['gpa-warning', 'gpa-probation'],
    },
    {
      name: 'a student without grades can be added',
      rows: [],
      entry: add(A, 'warning', 'mentalState'),
      level: 'warning',
      source: 'manual',
      rules: [],
    },
    {
      name: 'a removal takes the student off with the triggers kept',
      rows: [grade(A, 'C1', '60')],
      entry: removal,
      level: null,
      source: null,
      rules: ['gpa-warning', 'gpa-probation'],
    },
  ])('$name', ({ rows, entry, level, source, rules }) => {
    const result = resultOf(policy, rows, A, { manual: [entry] });
    expect({ level: result.level, source: result.source }).toEqual({ level, source });
    expect(result.triggers.map((t) => t.rule)).toEqual(rules);
    expect(result.manual).toMatchObject({ action: entry.action, by: entry.by });
  });

  test('the manual mark carries the reason in Chinese and stays on re-runs', () => {
    const entry = add(A, 'warning');
    const first = resultOf(policy, [grade(A, 'C1', '90')], A, { manual: [entry] });
    const again = resultOf(policy, [grade(A, 'C1', '90')], A, {
      manual: [entry],
      previous: [{ studentId: A, level: first.level }],
    });
    expect(first.manual).toEqual({
      action: 'add',
      level: 'warning',
      reason: 'attitude',
      reasonLabel: '学习态度',
      note: '多次旷课',
      by: 'T1',
    });
    expect({
      change: first.change,
      againChange: again.change,
      againSource: again.source,
      againManual: again.manual,
    }).toEqual({ change: 'new', againChange: 'unchanged', againSource: 'manual', againManual: first.manual });
  });
});
