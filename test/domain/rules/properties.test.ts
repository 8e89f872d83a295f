import fc from 'fast-check';
import { evaluatePolicy, presets } from '../../../cloudfunctions/core/rules';
import { levelIndex } from '../../../cloudfunctions/core/rules/level-match';
import { gradeRowsArb, passedGradeArb, previousArb } from '../../support/rules-arbitraries';
import { S1 } from '../../support/rules-grades';

describe.each(Object.keys(presets))('%s properties', (name) => {
  const policy = presets[name]!;

  test('same input twice, or rows in another order → identical output', () => {
    fc.assert(
      fc.property(
        gradeRowsArb.chain((rows) => fc.tuple(fc.constant(rows), fc.shuffledSubarray(rows, { minLength: rows.length, maxLength: rows.length }), previousArb(policy))),
        ([rows, shuffled, previous]) => {
          const first = JSON.stringify(evaluatePolicy(policy, rows, { semester: S1, previous }));
          expect(JSON.stringify(evaluatePolicy(policy, rows, { semester: S1, previous }))).toBe(first);
          expect(JSON.stringify(evaluatePolicy(policy, shuffled, { semester: S1, previous: [...previous].reverse() }))).toBe(first);
        },
      ),
    );
  });

  test('adding a passed grade never raises a level', () => {
    fc.assert(
      fc.property(
        gradeRowsArb.chain((rows) => fc.tuple(fc.constant(rows), passedGradeArb(rows), fc.nat(rows.length), previousArb(policy))),
        ([rows, passed, at, previous]) => {
          const before = evaluatePolicy(policy, rows, { semester: S1, previous });
          const after = evaluatePolicy(policy, [...rows.slice(0, at), passed, ...rows.slice(at)], { semester: S1, previous });
          const levelAfter = new Map(after.students.map((s) => [s.studentId, levelIndex(policy, s.level)]));
          for (const s of before.students) expect(levelAfter.get(s.studentId)).toBeLessThanOrEqual(levelIndex(policy, s.level));
          for (const s of after.students) if (!before.students.some((b) => b.studentId === s.studentId)) expect(s.level).toBeNull();
        },
      ),
      { numRuns: 500 },
    );
  });
});
