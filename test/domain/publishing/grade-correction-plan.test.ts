import { DomainError } from '../../../cloudfunctions/core/errors';
import {
  assertChangesAsked,
  assertWarningOpen,
  gradeCorrections,
  openWarning,
  policyOfWarning,
} from '../../../cloudfunctions/core/publishing/objection-correction';
import { presets } from '../../../cloudfunctions/core/rules';
import type { GradeRow, GradeRowChange } from '../../../types/grade';

const policy = presets['lzut-life'];
if (!policy) throw new Error('lzut-life preset');
const warning = { studentId: 's1', collegeId: 'life' };
const audit = {
  noticeId: 'notice-w1',
  reason: '补考成绩录入错误',
  by: 't-clerk',
  byName: '梁秘书',
  at: '2026-03-03T10:00:00.000+08:00',
};
const row = (over: Partial<GradeRow> = {}): GradeRow => ({
  studentId: 's1',
  courseCode: 'BIO101',
  courseName: '生物化学',
  credits: 3,
  score: '45',
  attempt: 'regular',
  semester: '2025-2026-1',
  ...over,
});
const rows = new Map([
  ['g1', row()],
  ['g2', row({ courseCode: 'CHE201', courseName: '有机化学', score: '不及格' })],
]);

function refusal(fn: () => unknown): { code: string; field: string | undefined } | 'OK' {
  try {
    fn();
    return 'OK';
  } catch (e) {
    if (e instanceof DomainError) return { code: e.code, field: e.field };
    throw e;
  }
}

describe('the clerk’s grade changes, as correction records', () => {
  it('each change becomes a record with the row before, the new result, who, when and why', () => {
    const changes: GradeRowChange[] = [
      { gradeId: 'g1', action: 'correct', score: '65' },
      { gradeId: 'g2', action: 'exclude' },
    ];
    const out = gradeCorrections(warning, policy, rows, changes, audit);
    expect(out).toEqual([
      expect.objectContaining({
        _id: 'gc:notice-w1:g1',
        gradeId: 'g1',
        studentId: 's1',
        collegeId: 'life',
        action: 'correct',
        before: { score: '45', credits: 3 },
        score: '65',
        credits: 3,
        by: 't-clerk',
        byName: '梁秘书',
        reason: '补考成绩录入错误',
        at: audit.at,
      }),
      expect.objectContaining({
        _id: 'gc:notice-w1:g2',
        action: 'exclude',
        before: { score: '不及格', credits: 3 },
        score: null,
        credits: null,
      }),
    ]);
  });

  it.each([
    ['no change at all', [], { code: 'INPUT.INVALID', field: 'grades' }],
    [
      'a row that is not the student’s',
      [{ gradeId: 'other', action: 'exclude' }],
      { code: 'INPUT.INVALID', field: 'grades.0.gradeId' },
    ],
    [
      'an unreadable result',
      [{ gradeId: 'g1', action: 'correct', score: '？？' }],
      { code: 'INPUT.INVALID', field: 'grades.0.score' },
    ],
    [
      'the same result again',
      [
        { gradeId: 'g2', action: 'exclude' },
        { gradeId: 'g1', action: 'correct', score: '45' },
      ],
      { code: 'INPUT.INVALID', field: 'grades.1.score' },
    ],
    [
      'one row twice',
      [
        { gradeId: 'g1', action: 'exclude' },
        { gradeId: 'g1', action: 'correct', score: '70' },
      ],
      { code: 'INPUT.INVALID', field: 'grades' },
    ],
  ] as const)('refused: %s', (_name, changes, expected) => {
    expect(refusal(() => gradeCorrections(warning, policy, rows, [...changes], audit))).toEqual(expected);
  });

  it('a change of credits alone is a change', () => {
    expect(
      gradeCorrections(
        warning,
        policy,
        rows,
        [{ gradeId: 'g1', action: 'correct', score: '45', credits: 2 }],
        audit,
      )[0],
    ).toMatchObject({ score: '45', credits: 2 });
  });

  it('asks for at least one row before anything is read', () => {
    expect(refusal(() => assertChangesAsked([]))).toEqual({ code: 'INPUT.INVALID', field: 'grades' });
    expect(refusal(() => assertChangesAsked([{ gradeId: 'g1', action: 'exclude' }]))).toBe('OK');
  });
});

describe('only a warning in force is corrected', () => {
  it.each(['lifted', 'superseded', 'withdrawn'] as const)('a %s warning is closed', (status) => {
    expect(refusal(() => assertWarningOpen({ status }))).toEqual({ code: 'WARNING.CLOSED', field: undefined });
  });
  it('an active one is open; one gone since the plan is closed too', () => {
    expect(openWarning({ status: 'active', _id: 'w1' })._id).toBe('w1');
    expect(refusal(() => openWarning(null))).toEqual({ code: 'WARNING.CLOSED', field: undefined });
  });
  it('the warning’s policy, or a refusal when its preset is gone', () => {
    expect(policyOfWarning({ policyId: 'lzut-life' }).id).toBe('lzut-life');
    expect(refusal(() => policyOfWarning({ policyId: 'gone' }))).toEqual({ code: 'POLICY.UNKNOWN', field: undefined });
  });
});
