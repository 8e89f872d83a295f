import { createScoreReader, gradePointOf, parseScore } from '../../../cloudfunctions/core/rules/score';

describe('score semantics', () => {
  test.each([
    ['95', 'numeric', 'pass', 4],
    ['60', 'numeric', 'pass', 1],
    ['59.5', 'numeric', 'fail', 0],
    ['0', 'numeric', 'fail', 0],
    ['100', 'numeric', 'pass', 4],
    ['75.0', 'numeric', 'pass', 2.5],
    [' 88 ', 'numeric', 'pass', 3.8],
    ['优秀', 'grade-word', 'pass', 4],
    ['良好', 'grade-word', 'pass', 3.5],
    ['中等', 'grade-word', 'pass', 2.5],
    ['及格', 'grade-word', 'pass', 1.5],
    ['不及格', 'grade-word', 'fail', 0],
    ['合格', 'pass-fail', 'pass', null],
    ['通过', 'pass-fail', 'pass', null],
    ['不合格', 'pass-fail', 'fail', null],
    ['缺考', 'absent', 'fail', 0],
    ['旷考', 'truant', 'fail', 0],
    ['作弊', 'cheating', 'fail', 0],
    ['取消考试资格', 'cheating', 'fail', 0],
    ['免修', 'exempt', 'pass', null],
    ['免考', 'exempt', 'pass', null],
    ['缓考', 'deferred', 'none', null],
    ['101', 'unknown', 'none', null],
    ['A+', 'unknown', 'none', null],
    ['', 'unknown', 'none', null],
    ['-5', 'unknown', 'none', null],
  ])('%s → %s, %s, grade point %s', (raw, kind, outcome, gradePoint) => {
    const parsed = parseScore(raw, 60);
    expect({ kind: parsed.kind, outcome: parsed.outcome, gradePoint: parsed.gradePoint }).toEqual({
      kind,
      outcome,
      gradePoint,
    });
  });

  test.each([
    [70, '69.9', 'fail'],
    [70, '70', 'pass'],
    [50, '55', 'pass'],
  ])('pass mark %d: %s is a %s', (passMark, raw, outcome) => {
    expect(parseScore(raw, passMark).outcome).toBe(outcome);
  });

  test('grade points run from 1.0 at 60 to 4.0 at 90 and above', () => {
    expect([60, 65, 70, 85, 90, 99].map(gradePointOf)).toEqual([1, 1.5, 2, 3.5, 4, 4]);
  });

  test('the memoising reader gives the same answer as parseScore', () => {
    const read = createScoreReader(60);
    for (const raw of ['59', '60', '缺考', '合格', '59']) expect(read(raw)).toEqual(parseScore(raw, 60));
  });
});
