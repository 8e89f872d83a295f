import { presets } from '../../../cloudfunctions/core/rules';
import type { GradeRow } from '../../../types/grade';
import { grade, makeupFails, regularFails, resultOf, S0 } from '../../support/rules-grades';

const policy = presets['lzut-life']!;
const A = 'A';

type Case = { name: string; rows: GradeRow[]; level: string | null; rules: string[] };

describe('lzut-life: levels from this semester’s grades', () => {
  const cases: Case[] = [
    { name: 'no grades failed', rows: [grade(A, 'C1', '80')], level: null, rules: [] },
    { name: '2 regular-exam fails', rows: regularFails(A, 2), level: null, rules: [] },
    { name: '3 regular-exam fails → 学业警示', rows: regularFails(A, 3), level: 'warning', rules: ['regular-fails'] },
    { name: '4 regular-exam fails → 学业警示', rows: regularFails(A, 4), level: 'warning', rules: ['regular-fails'] },
    {
      name: '3 fails but one in the previous semester',
      rows: [...regularFails(A, 2), grade(A, 'X', '30', { semester: S0 })],
      level: null,
      rules: [],
    },
    {
      name: '3 fails all passed at make-up still count (正考不及格)',
      rows: [...regularFails(A, 3), ...['F1', 'F2', 'F3'].map((c) => grade(A, c, '70', { attempt: 'makeup' }))],
      level: 'warning',
      rules: ['regular-fails'],
    },
    {
      name: '1 course failed after make-up → 口头警示',
      rows: makeupFails(A, 1),
      level: 'oral',
      rules: ['makeup-fail'],
    },
    {
      name: '2 courses failed after make-up → 书面警示',
      rows: makeupFails(A, 2),
      level: 'written',
      rules: ['makeup-fails'],
    },
    {
      name: '3 courses failed after make-up → 书面警示, with the regular-exam rule too',
      rows: makeupFails(A, 3),
      level: 'written',
      rules: ['regular-fails', 'makeup-fails'],
    },
    {
      name: '3 regular fails and 1 after make-up → 口头警示 (higher level wins)',
      rows: [...regularFails(A, 2), ...makeupFails(A, 1)],
      level: 'oral',
      rules: ['regular-fails', 'makeup-fail'],
    },
    {
      name: 'make-up passed: not failed after make-up',
      rows: [grade(A, 'C1', '40'), grade(A, 'C1', '60', { attempt: 'makeup' })],
      level: null,
      rules: [],
    },
    {
      name: 'regular fail with no make-up yet: not failed after make-up',
      rows: [grade(A, 'C1', '40')],
      level: null,
      rules: [],
    },
    {
      name: 'make-up 缺考 counts as failed',
      rows: [grade(A, 'C1', '40'), grade(A, 'C1', '缺考', { attempt: 'makeup' })],
      level: 'oral',
      rules: ['makeup-fail'],
    },
    {
      name: 'grade words 不及格/缺考/旷考 are regular fails',
      rows: [grade(A, 'C1', '不及格'), grade(A, 'C2', '缺考'), grade(A, 'C3', '旷考')],
      level: 'warning',
      rules: ['regular-fails'],
    },
    {
      name: '作弊 and 不合格 are fails',
      rows: [grade(A, 'C1', '作弊'), grade(A, 'C2', '不合格'), grade(A, 'C3', '59')],
      level: 'warning',
      rules: ['regular-fails'],
    },
    {
      name: '及格/合格/免修 are passes',
      rows: [grade(A, 'C1', '及格'), grade(A, 'C2', '合格'), grade(A, 'C3', '免修'), ...regularFails(A, 2)],
      level: null,
      rules: [],
    },
    {
      name: '缓考 is no result, not a fail',
      rows: [grade(A, 'C1', '缓考'), ...regularFails(A, 2)],
      level: null,
      rules: [],
    },
    {
      name: 'rows after the semester are ignored',
      rows: [...regularFails(A, 2), grade(A, 'Z', '20', { semester: '2025-2026-2' })],
      level: null,
      rules: [],
    },
  ];
  test.each(cases)('$name', ({ rows, level, rules }) => {
    const result = resultOf(policy, rows, A);
    expect(result.level).toBe(level);
    expect(result.triggers.map((t) => t.rule)).toEqual(rules);
  });

  test('the explanation names the courses and credits that fired', () => {
    const rows = [
      grade(A, 'C2', '40', { credits: 2, name: '普通化学' }),
      grade(A, 'C1', '不及格', { credits: 4, name: '高等数学' }),
      grade(A, 'C3', '缺考', { credits: 1.5 }),
    ];
    const [trigger] = resultOf(policy, rows, A).triggers;
    expect(trigger).toMatchObject({
      rule: 'regular-fails',
      level: 'warning',
      courses: ['C1', 'C2', 'C3'],
      credits: 7.5,
      value: 3,
    });
    expect(trigger?.text).toBe(
      '本学期正考不及格 3 门（条件 ≥3 门）：高等数学（C1，4 学分）、普通化学（C2，2 学分）、课程C3（C3，1.5 学分）',
    );
  });
});

describe('lzut-life: lifting (解除) an earlier warning', () => {
  /** Courses failed in the previous semester (regular and make-up) and never passed. */
  const owed = (credits: number[]) =>
    credits.flatMap((c, i) => [
      grade(A, `O${i}`, '30', { semester: S0, credits: c }),
      grade(A, `O${i}`, '40', { semester: S0, credits: c, attempt: 'makeup' }),
    ]);

  const cases: {
    name: string;
    previous: string;
    rows: GradeRow[];
    level: string | null;
    change: string;
    source: string | null;
  }[] = [
    {
      name: 'owed 6 credits: warning holds',
      previous: 'warning',
      rows: owed([3, 3]),
      level: 'warning',
      change: 'unchanged',
      source: 'carried',
    },
    {
      name: 'owed 5.5 credits: lifted',
      previous: 'warning',
      rows: owed([3, 2.5]),
      level: null,
      change: 'lifted',
      source: null,
    },
    {
      name: 'all due courses passed: lifted',
      previous: 'oral',
      rows: [grade(A, 'C1', '90')],
      level: null,
      change: 'lifted',
      source: null,
    },
    {
      name: 'written, now oral, owed 6: written holds',
      previous: 'written',
      rows: [...owed([2]), ...makeupFails(A, 1, { credits: 4 })],
      level: 'written',
      change: 'unchanged',
      source: 'carried',
    },
    {
      name: 'written, now oral, owed 4: de-escalated',
      previous: 'written',
      rows: makeupFails(A, 1, { credits: 4 }),
      level: 'oral',
      change: 'deescalated',
      source: 'rules',
    },
    {
      name: 'warning, now written: escalated',
      previous: 'warning',
      rows: makeupFails(A, 2),
      level: 'written',
      change: 'escalated',
      source: 'rules',
    },
    {
      name: 'no earlier warning: new',
      previous: '',
      rows: regularFails(A, 3),
      level: 'warning',
      change: 'new',
      source: 'rules',
    },
    {
      name: 'no earlier warning, nothing now: none',
      previous: '',
      rows: owed([3, 3]),
      level: null,
      change: 'none',
      source: null,
    },
  ];
  test.each(cases)('$name', ({ previous, rows, level, change, source }) => {
    const result = resultOf(policy, rows, A, { previous: previous ? [{ studentId: A, level: previous }] : [] });
    expect({ level: result.level, change: result.change, source: result.source }).toEqual({ level, change, source });
  });

  test('a warning that holds says why, with the owed courses', () => {
    const result = resultOf(policy, owed([3, 3]), A, { previous: [{ studentId: A, level: 'warning' }] });
    expect(result.triggers).toEqual([
      expect.objectContaining({ rule: 'not-lifted', courses: ['O0', 'O1'], credits: 6 }),
    ]);
    expect(result.triggers[0]?.text).toContain('未通过课程学分累计低于 6 学分');
  });

  test('a student who left the file keeps a previous entry and is lifted', () => {
    const result = resultOf(policy, regularFails('B', 1), A, { previous: [{ studentId: A, level: 'warning' }] });
    expect({ level: result.level, change: result.change }).toEqual({ level: null, change: 'lifted' });
  });
});

describe('lzut-life: retakes clear owed credits', () => {
  const failedBefore = [
    grade(A, 'R1', '30', { semester: S0, credits: 6 }),
    grade(A, 'R1', '40', { semester: S0, credits: 6, attempt: 'makeup' }),
  ];
  test.each([
    { name: 'not retaken', rows: failedBefore, owed: 6 },
    {
      name: 'retake passed this semester',
      rows: [...failedBefore, grade(A, 'R1', '61', { attempt: 'retake', credits: 6 })],
      owed: 0,
    },
    {
      name: 'retake failed this semester',
      rows: [...failedBefore, grade(A, 'R1', '50', { attempt: 'retake', credits: 6 })],
      owed: 6,
    },
    {
      name: 'retake passed after the evaluated semester',
      rows: [...failedBefore, grade(A, 'R1', '80', { attempt: 'retake', credits: 6, semester: '2025-2026-2' })],
      owed: 6,
    },
    {
      name: 'retake passed with a grade word',
      rows: [...failedBefore, grade(A, 'R1', '中等', { attempt: 'retake', credits: 6 })],
      owed: 0,
    },
  ])('$name → owed $owed', ({ rows, owed }) => {
    const result = resultOf(policy, rows, A, { previous: [{ studentId: A, level: 'oral' }] });
    expect(result.figures.owedCredits).toBe(owed);
    expect(result.level).toBe(owed >= 6 ? 'oral' : null);
  });
});
