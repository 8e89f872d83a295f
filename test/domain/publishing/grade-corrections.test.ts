import {
  correctedRows,
  correctionLines,
  describeCorrection,
} from '../../../cloudfunctions/core/publishing/grade-corrections';
import { evaluatePolicy, presets } from '../../../cloudfunctions/core/rules';
import type { GradeCorrection, GradeRow } from '../../../types/grade';

const policy = presets['lzut-life'];
if (!policy) throw new Error('lzut-life preset');

const row = (
  courseCode: string,
  score: string,
  attempt: GradeRow['attempt'] = 'regular',
  semester = '2025-2026-1',
): GradeRow => ({ studentId: 's1', courseCode, courseName: `课程${courseCode}`, credits: 3, score, attempt, semester });

function correction(over: Partial<GradeCorrection> & Pick<GradeCorrection, 'gradeId' | 'action'>): GradeCorrection {
  const [studentId = '', courseCode = '', semester = '', attempt = 'regular'] = over.gradeId.split(':');
  return {
    _id: `gc:${over.gradeId}:${over.at ?? 'a'}`,
    studentId,
    collegeId: 'life',
    courseCode,
    courseName: `课程${courseCode}`,
    semester,
    attempt: attempt === 'makeup' || attempt === 'retake' ? attempt : 'regular',
    before: { score: '40', credits: 3 },
    score: null,
    credits: null,
    reason: '成绩录入错误',
    noticeId: 'n1',
    by: 't-clerk',
    byName: '梁秘书',
    at: '2026-03-03T10:00:00.000+08:00',
    ...over,
  };
}

const rows = [row('A', '40'), row('B', '45'), row('C', '50'), row('D', '90')];

describe('correctedRows: the grade rows as every later run reads them', () => {
  it.each<[string, GradeCorrection[], string[]]>([
    ['no correction passes every row', [], ['A:40', 'B:45', 'C:50', 'D:90']],
    [
      'an excluded row is left out',
      [correction({ gradeId: 's1:A:2025-2026-1:regular', action: 'exclude' })],
      ['B:45', 'C:50', 'D:90'],
    ],
    [
      'a corrected row is read with the corrected result',
      [correction({ gradeId: 's1:B:2025-2026-1:regular', action: 'correct', score: '75' })],
      ['A:40', 'B:75', 'C:50', 'D:90'],
    ],
    [
      'a later correction of the same row wins',
      [
        correction({ gradeId: 's1:B:2025-2026-1:regular', action: 'exclude', at: '2026-03-03T10:00:00.000+08:00' }),
        correction({
          gradeId: 's1:B:2025-2026-1:regular',
          action: 'correct',
          score: '61',
          at: '2026-03-04T10:00:00.000+08:00',
        }),
      ],
      ['A:40', 'B:61', 'C:50', 'D:90'],
    ],
    [
      'a correction of another attempt leaves this row alone',
      [correction({ gradeId: 's1:A:2025-2026-1:makeup', action: 'exclude' })],
      ['A:40', 'B:45', 'C:50', 'D:90'],
    ],
  ])('%s', (_name, corrections, expected) => {
    expect(correctedRows(rows, corrections).map((r) => `${r.courseCode}:${r.score}`)).toEqual(expected);
  });

  it('changes the decision: three regular fails are a warning, two after the clerk excludes one are not', () => {
    const judge = (list: GradeRow[]) =>
      evaluatePolicy(policy, list, { semester: '2025-2026-1', previous: [] }).students.find((s) => s.studentId === 's1')
        ?.level ?? null;
    expect(judge(rows)).not.toBeNull();
    expect(
      judge(correctedRows(rows, [correction({ gradeId: 's1:C:2025-2026-1:regular', action: 'exclude' })])),
    ).toBeNull();
  });
});

describe('describeCorrection and correctionLines', () => {
  it.each<[string, GradeCorrection, string]>([
    [
      'exclude',
      correction({ gradeId: 's1:A:2025-2026-1:regular', action: 'exclude' }),
      '课程A（A，2025-2026-1 正考）成绩 40 不计入',
    ],
    [
      'correct',
      correction({ gradeId: 's1:A:2025-2026-1:makeup', action: 'correct', score: '66' }),
      '课程A（A，2025-2026-1 补考）成绩 40 → 66',
    ],
    [
      'correct with credits',
      correction({ gradeId: 's1:A:2025-2026-1:regular', action: 'correct', score: '66', credits: 2 }),
      '课程A（A，2025-2026-1 正考）成绩 40 → 66，学分 3 → 2',
    ],
  ])('%s', (_name, c, text) => {
    expect(describeCorrection(c)).toBe(text);
  });

  it("lists each student's standing corrections up to the semester", () => {
    const lines = correctionLines(
      [
        correction({ gradeId: 's1:A:2025-2026-1:regular', action: 'exclude' }),
        correction({ gradeId: 's1:E:2026-2027-1:regular', action: 'exclude' }),
      ],
      '2025-2026-2',
    );
    expect(lines.get('s1')).toEqual([
      {
        text: '课程A（A，2025-2026-1 正考）成绩 40 不计入',
        reason: '成绩录入错误',
        byName: '梁秘书',
        at: '2026-03-03T10:00:00.000+08:00',
      },
    ]);
  });
});
