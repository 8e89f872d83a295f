import { presetPolicy } from '../../../cloudfunctions/core/rules';
import { parameterView, withParameters } from '../../../cloudfunctions/core/rules/parameters';
import { grade, resultOf } from '../../support/rules-grades';

const gxu = () => {
  const p = presetPolicy('gxu-ee');
  if (!p) throw new Error('gxu-ee preset missing');
  return p;
};

describe("gxu-ee's university thresholds are a college's parameters", () => {
  test('the file holds the defaults; a college value replaces one trigger number only', () => {
    expect(parameterView(gxu(), {}).map((p) => [p.id, p.value])).toEqual([
      ['semester-failed-credits', 10],
      ['owed-credits-warning', 15],
      ['gpa-warning', 2],
      ['owed-credits-probation', 25],
      ['gpa-probation', 1.5],
    ]);
    const set = withParameters(gxu(), { 'semester-failed-credits': 8 });
    expect(set.levels[0]?.triggers.find((t) => t.id === 'semester-failed-credits')).toMatchObject({ atLeast: 8 });
    expect(set.levels[1]).toEqual(gxu().levels[1]);
    expect(withParameters(gxu(), {})).toBe(gxu());
  });

  test('8 failed credits in a semester warn under a threshold of 8, not under the default 10', () => {
    const rows = [
      grade('A', 'C1', '40', { credits: 4 }),
      grade('A', 'C2', '30', { credits: 4 }),
      grade('A', 'C3', '95', { credits: 20 }),
    ];
    expect(resultOf(gxu(), rows, 'A').level).toBeNull();
    const result = resultOf(withParameters(gxu(), { 'semester-failed-credits': 8 }), rows, 'A');
    expect(result.level).toBe('warning');
    expect(result.triggers[0]?.text).toMatch(/条件 ≥8 学分/);
  });

  test('values outside the bounds are refused in Chinese, naming the parameter', () => {
    expect(() => withParameters(gxu(), { 'gpa-warning': 9 })).toThrow('预警：累计绩点低于应在 0.5–4 之间');
    expect(() => withParameters(gxu(), { nothing: 1 })).toThrow('该政策没有这个参数：nothing');
  });

  test('the other presets have no parameters (their seeds fix their numbers)', () => {
    expect(presetPolicy('lzut-life')?.parameters).toEqual([]);
    expect(presetPolicy('bistu-me')?.parameters).toEqual([]);
  });
});
