import {
  linesFor,
  missingLines,
  planTransition,
  type PlanStep,
  type PlanState,
} from '../../../cloudfunctions/core/support/plan-workflow';
import { DomainError } from '../../../cloudfunctions/core/errors';
import type { ErrorCode } from '../../../types/errors';
import type { PlanStatus } from '../../../types/support';

const owed = [
  { code: 'A', name: '高数', credits: 5 },
  { code: 'B', name: '有机化学', credits: 3 },
];
const full = linesFor(owed, [
  { courseCode: 'A', retakePlan: '每周两次答疑' },
  { courseCode: 'B', retakePlan: '跟班重修' },
]);
const state = (status: PlanStatus, lines = full): PlanState => ({
  status,
  lines,
  failedCourses: owed,
  hasReport: false,
});

function codeOf(fn: () => unknown): string | null {
  try {
    fn();
    return null;
  } catch (e) {
    if (e instanceof DomainError) return e.code;
    throw e;
  }
}

describe('study plan workflow', () => {
  const table: [PlanStatus, PlanStep, PlanStatus | ErrorCode][] = [
    ['draft', { type: 'submit' }, 'submitted'],
    ['returned', { type: 'submit' }, 'submitted'],
    ['submitted', { type: 'submit' }, 'PLAN.NOT_EDITABLE'],
    ['approved', { type: 'submit' }, 'PLAN.NOT_EDITABLE'],
    ['submitted', { type: 'review', decision: 'approve' }, 'approved'],
    ['submitted', { type: 'review', decision: 'return' }, 'returned'],
    ['draft', { type: 'review', decision: 'approve' }, 'PLAN.NOT_SUBMITTED'],
    ['approved', { type: 'review', decision: 'return' }, 'PLAN.NOT_SUBMITTED'],
    ['draft', { type: 'edit' }, 'draft'],
    ['returned', { type: 'edit' }, 'returned'],
    ['submitted', { type: 'edit' }, 'PLAN.LOCKED'],
    ['approved', { type: 'edit' }, 'PLAN.LOCKED'],
    ['approved', { type: 'report' }, 'approved'],
    ['submitted', { type: 'report' }, 'PLAN.NOT_APPROVED'],
    ['draft', { type: 'report' }, 'PLAN.NOT_APPROVED'],
  ];
  it.each(table)('%s + %j → %s', (from, event, expected) => {
    const error = codeOf(() => planTransition(state(from), event));
    if (expected.includes('.')) expect(error).toBe(expected);
    else expect(planTransition(state(from), event)).toBe(expected);
  });

  it('cannot be submitted while any owed course lacks a retake plan', () => {
    const partial = linesFor(owed, [{ courseCode: 'A', retakePlan: '每周两次答疑' }]);
    expect(missingLines(owed, partial).map((c) => c.code)).toEqual(['B']);
    expect(codeOf(() => planTransition(state('draft', partial), { type: 'submit' }))).toBe('PLAN.LINES_MISSING');
    const blank = linesFor(owed, [
      { courseCode: 'A', retakePlan: '   ' },
      { courseCode: 'B', retakePlan: '跟班重修' },
    ]);
    expect(codeOf(() => planTransition(state('returned', blank), { type: 'submit' }))).toBe('PLAN.LINES_MISSING');
  });

  it('keeps one line per owed course, in the warning order, with the warning’s names', () => {
    const lines = linesFor(owed, [{ courseCode: 'B', retakePlan: 'x' }]);
    expect(lines).toEqual([
      { courseCode: 'A', courseName: '高数', credits: 5, retakePlan: '' },
      { courseCode: 'B', courseName: '有机化学', credits: 3, retakePlan: 'x' },
    ]);
  });

  it.each([
    [[{ courseCode: 'Z', retakePlan: 'x' }], 'PLAN.COURSE_UNKNOWN'],
    [
      [
        { courseCode: 'A', retakePlan: 'x' },
        { courseCode: 'A', retakePlan: 'y' },
      ],
      'PLAN.COURSE_REPEATED',
    ],
  ])('refuses lines %j', (lines, code) => {
    expect(codeOf(() => linesFor(owed, lines))).toBe(code);
  });
});
