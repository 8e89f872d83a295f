import { Policy } from '../../../types/policy';
import { grade, resultOf, S0 } from '../../support/rules-grades';

/** A policy written for these tests: an all-of level above an any-of level, pass mark 70. */
const policy = Policy.parse({
  id: 'custom',
  name: '自定义',
  college: '测试学院',
  passMark: 70,
  levels: [
    {
      id: 'watch',
      name: '关注',
      triggers: [
        { id: 'one-fail', rule: 'regularFails', atLeast: 1, atMost: 2 },
        { id: 'low-gpa', rule: 'gpaBelow', below: 2.5, scope: 'semester' },
      ],
    },
    {
      id: 'serious',
      name: '严重',
      combinator: 'all',
      triggers: [
        { id: 'fails-now', rule: 'regularFails', atLeast: 1 },
        { id: 'owed', rule: 'owedCredits', atLeast: 6 },
      ],
    },
    { id: 'manual-only', name: '人工', triggers: [] },
  ],
});

describe('a custom policy', () => {
  test.each([
    {
      name: '69 fails at pass mark 70 (and its grade point is 0)',
      rows: [grade('A', 'C1', '69')],
      level: 'watch',
      rules: ['one-fail', 'low-gpa'],
    },
    { name: '70 passes; semester GPA 2.0 is low', rows: [grade('A', 'C1', '70')], level: 'watch', rules: ['low-gpa'] },
    { name: 'semester GPA 2.5 is not low', rows: [grade('A', 'C1', '75')], level: null, rules: [] },
    {
      name: '3 fails: beyond atMost, and owed 9 alone is not "all"',
      rows: [
        grade('A', 'C1', '90', { credits: 30 }),
        ...['F1', 'F2', 'F3'].map((c) => grade('A', c, '60', { semester: S0 })),
      ],
      level: null,
      rules: [],
    },
    {
      name: 'all of: a fail now and owed ≥ 6',
      rows: [grade('A', 'C1', '60', { credits: 2 }), grade('A', 'C0', '10', { semester: S0, credits: 4 })],
      level: 'serious',
      rules: ['one-fail', 'low-gpa', 'fails-now', 'owed'],
    },
    {
      name: 'all of: owed 5 is not enough',
      rows: [grade('A', 'C1', '60', { credits: 2 }), grade('A', 'C0', '10', { semester: S0, credits: 3 })],
      level: 'watch',
      rules: ['one-fail', 'low-gpa'],
    },
  ])('$name', ({ rows, level, rules }) => {
    const result = resultOf(policy, rows, 'A');
    expect(result.level).toBe(level);
    expect(result.triggers.map((t) => t.rule)).toEqual(rules);
  });

  test('a level without triggers is never reached by the rules', () => {
    expect(resultOf(policy, [grade('A', 'C1', '0')], 'A').level).toBe('watch');
  });
});
