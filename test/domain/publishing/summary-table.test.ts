import { filterEntries, replaceEntry, countEntries } from '../../../cloudfunctions/core/publishing/entry-filter';
import { owedCourses } from '../../../cloudfunctions/core/publishing/run-entries';
import { summaryColumns, summaryRows } from '../../../cloudfunctions/core/publishing/summary-table';
import { presets } from '../../../cloudfunctions/core/rules';
import type { GradeRow } from '../../../types/grade';
import { runEntry } from '../../support/warnings-entries';

const policy = presets['lzut-life'];
if (!policy) throw new Error('lzut-life preset');
const classes = new Map([
  ['c1', { name: '生工241班', major: '生物工程', cohort: 2024, counselorName: '王老师', headTeacherName: '李老师' }],
  [
    'c2',
    { name: '食品251班', major: '食品科学与工程', cohort: 2025, counselorName: '赵老师', headTeacherName: '钱老师' },
  ],
]);

describe('summary table (学业警示学生名单汇总表)', () => {
  it('has one cell per column, warned students by class then id, lifted students, then students removed by hand', () => {
    const rows = summaryRows(
      [
        runEntry({ studentId: '3', classId: 'c2' }),
        runEntry({
          studentId: '2',
          level: null,
          levelName: null,
          levelRank: -1,
          change: 'lifted',
          previousLevel: 'oral',
          previousLevelName: '口头警示',
        }),
        runEntry({
          studentId: '1',
          manual: {
            action: 'add',
            level: 'oral',
            reason: 'attendance',
            reasonLabel: '考勤',
            note: '旷课',
            by: 'u',
            byName: '王老师',
          },
        }),
        runEntry({
          studentId: '4',
          level: null,
          levelName: null,
          levelRank: -1,
          change: 'none',
          manual: {
            action: 'remove',
            level: null,
            reason: null,
            reasonLabel: null,
            note: '转专业',
            by: 'u',
            byName: '王',
          },
        }),
      ],
      classes,
    );
    expect(rows.map((r) => r.length)).toEqual([13, 13, 13, 13]);
    expect(rows.map((r) => [r[0], r[1]])).toEqual([
      ['1', '1'],
      ['2', '3'],
      ['3', '2'],
      ['4', '4'],
    ]);
    // The removal stays on the table with who took the student off and why (人工补充及原因).
    expect(rows[3]).toEqual([
      '4',
      '4',
      '学生4',
      '生工241班',
      '生物工程/2024级',
      '—',
      expect.any(String),
      expect.any(String),
      '人工移出',
      '人工移出（王）：转专业',
      '王老师',
      '李老师',
      '人工移出，不列入警示',
    ]);
    expect(rows[0]).toEqual([
      '1',
      '1',
      '学生1',
      '生工241班',
      '生物工程/2024级',
      '口头警示',
      expect.stringContaining('补考后仍不及格'),
      '高等数学（MA1，4 学分）',
      '新增',
      '人工补充（王老师）：考勤，旷课',
      '王老师',
      '李老师',
      '',
    ]);
    expect(rows[2]?.[5]).toBe('—');
    expect(rows[2]?.[8]).toBe('解除');
    expect(rows[2]?.[12]).toBe('解除警示（原为口头警示）');
    expect(summaryColumns).toHaveLength(13);
  });

  it('a student taken off by hand whose earlier warning ends with it reads as a removal, not as the rules lifting it', () => {
    const rows = summaryRows(
      [
        runEntry({
          studentId: '5',
          level: null,
          levelName: null,
          levelRank: -1,
          change: 'lifted',
          previousLevel: 'written',
          previousLevelName: '书面警示',
          manual: {
            action: 'remove',
            level: null,
            reason: null,
            reasonLabel: null,
            note: '已办理休学',
            by: 'u',
            byName: '王',
          },
        }),
      ],
      classes,
    );
    expect(rows[0]?.[8]).toBe('人工移出');
    expect(rows[0]?.[9]).toBe('人工移出（王）：已办理休学');
    expect(rows[0]?.[12]).toBe('人工移出，原书面警示随之解除');
  });

  it('fills 人工补充及原因 with the grade rows corrected after an objection, and their reason', () => {
    const [row] = summaryRows(
      [
        runEntry({
          studentId: '5',
          corrections: [
            {
              text: '大学物理（PH1，2025-2026-1 正考）成绩 35 不计入',
              reason: '成绩录入错误',
              byName: '梁秘书',
              at: '2026-03-03T10:00:00.000+08:00',
            },
          ],
        }),
      ],
      classes,
    );
    expect(row?.[9]).toBe('异议更正（梁秘书）：大学物理（PH1，2025-2026-1 正考）成绩 35 不计入，原因：成绩录入错误');
  });
});

describe('entry filters and counts', () => {
  const entries = [
    runEntry({ studentId: 'a', classId: 'c1' }),
    runEntry({ studentId: 'b', classId: 'c2', level: 'written', change: 'escalated' }),
    runEntry({ studentId: 'c', classId: 'c2', level: null, change: 'lifted' }),
  ];
  it.each([
    [{}, ['a', 'b', 'c']],
    [{ classId: 'c2' }, ['b', 'c']],
    [{ level: 'written' }, ['b']],
    [{ change: 'lifted' as const }, ['c']],
    [{ classId: 'c1', change: 'lifted' as const }, []],
  ])('%j → %j', (filter, ids) => {
    expect(filterEntries(entries, filter).map((e) => e.studentId)).toEqual(ids);
  });
  it('counts per level in policy order and per change', () => {
    expect(countEntries(policy, entries)).toEqual({
      levels: [
        { level: 'warning', levelName: '学业警示', count: 0 },
        { level: 'oral', levelName: '口头警示', count: 1 },
        { level: 'written', levelName: '书面警示', count: 1 },
      ],
      changes: { new: 1, escalated: 1, lifted: 1 },
      manual: 0,
    });
  });
  it('replaces, adds and drops one entry keeping id order', () => {
    expect(replaceEntry(entries, 'b', null).map((e) => e.studentId)).toEqual(['a', 'c']);
    expect(replaceEntry(entries, 'ab', runEntry({ studentId: 'ab' })).map((e) => e.studentId)).toEqual([
      'a',
      'ab',
      'b',
      'c',
    ]);
  });
});

describe('owedCourses', () => {
  const row = (
    courseCode: string,
    score: string,
    semester: string,
    attempt: GradeRow['attempt'] = 'regular',
    credits = 3,
  ): GradeRow => ({ studentId: 's', courseCode, courseName: `课${courseCode}`, credits, score, attempt, semester });
  it.each([
    ['a failed course is owed', [row('A', '50', '2025-2026-1')], ['A']],
    [
      'a later pass of a retake clears it',
      [row('A', '50', '2025-2026-1'), row('A', '70', '2025-2026-2', 'retake')],
      [],
    ],
    [
      'a pass after the semester does not count yet',
      [row('A', '50', '2025-2026-1'), row('A', '70', '2026-2027-1', 'retake')],
      ['A'],
    ],
    ['grade words and 缺考 fail', [row('B', '不及格', '2025-2026-1'), row('C', '缺考', '2025-2026-2')], ['B', 'C']],
    ['免修 passes', [row('D', '免修', '2025-2026-1')], []],
  ])('%s', (_name, rows, codes) => {
    const owed = owedCourses(policy, '2025-2026-2', rows, new Set(['s']));
    expect((owed.get('s') ?? []).map((c) => c.code)).toEqual(codes);
  });
});
