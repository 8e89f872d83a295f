import fc from 'fast-check';
import { evaluatePolicy, EvaluationRun, presets } from '../../../cloudfunctions/core/rules';
import { levelIndex } from '../../../cloudfunctions/core/rules/level-match';
import { gradeRowsArb, passedGradeArb, previousArb } from '../../support/rules-arbitraries';
import { S1 } from '../../support/rules-grades';

describe.each(Object.keys(presets))('%s properties', (name) => {
  const policy = presets[name]!;

  test('same input twice, or rows in another order → identical output', () => {
    fc.assert(
      fc.property(
        gradeRowsArb.chain((rows) =>
          fc.tuple(
            fc.constant(rows),
            fc.shuffledSubarray(rows, { minLength: rows.length, maxLength: rows.length }),
            previousArb(policy),
          ),
        ),
        ([rows, shuffled, previous]) => {
          const first = JSON.stringify(evaluatePolicy(policy, rows, { semester: S1, previous }));
          expect(JSON.stringify(evaluatePolicy(policy, rows, { semester: S1, previous }))).toBe(first);
          expect(
            JSON.stringify(evaluatePolicy(policy, shuffled, { semester: S1, previous: [...previous].reverse() })),
          ).toBe(first);
        },
      ),
    );
  });

  test('feeding students one by one, in any order, gives the same result as all rows at once', () => {
    fc.assert(
      fc.property(gradeRowsArb, previousArb(policy), fc.boolean(), (rows, previous, reverse) => {
        const run = new EvaluationRun(policy, { semester: S1, previous });
        const ids = [...new Set(rows.map((r) => r.studentId))];
        for (const id of reverse ? ids.reverse() : ids)
          run.addStudent(
            id,
            rows.filter((r) => r.studentId === id),
          );
        expect(JSON.stringify(run.finish())).toBe(
          JSON.stringify(evaluatePolicy(policy, rows, { semester: S1, previous })),
        );
      }),
    );
  });

  test('adding a passed grade never raises a level', () => {
    fc.assert(
      fc.property(
        gradeRowsArb.chain((rows) =>
          fc.tuple(fc.constant(rows), passedGradeArb(rows), fc.nat(rows.length), previousArb(policy)),
        ),
        ([rows, passed, at, previous]) => {
          const before = evaluatePolicy(policy, rows, { semester: S1, previous });
          const after = evaluatePolicy(policy, [...rows.slice(0, at), passed, ...rows.slice(at)], {
            semester: S1,
            previous,
          });
          const levelAfter = new Map(after.students.map((s) => [s.studentId, levelIndex(policy, s.level)]));
          for (const s of before.students)
            expect(levelAfter.get(s.studentId)).toBeLessThanOrEqual(levelIndex(policy, s.level));
          for (const s of after.students)
            if (!before.students.some((b) => b.studentId === s.studentId)) expect(s.level).toBeNull();
        },
      ),
      { numRuns: 500 },
    );
  });
});

test('a student fed twice is refused', () => {
  const run = new EvaluationRun(presets['lzut-life']!, { semester: S1 });
  run.addStudent('A', []);
  expect(() => run.addStudent('A', [])).toThrow('student A was added twice');
});
