import { dutiesForLevel, presets } from '../../../cloudfunctions/core/rules';
import { Policy, type PolicyInput } from '../../../types/policy';
import lzutLife from '../../../config/policies/lzut-life.json';

const base: PolicyInput = {
  id: 'test',
  name: '测试政策',
  college: '测试学院',
  levels: [{ id: 'warning', name: '警示', triggers: [{ id: 'f', rule: 'regularFails', atLeast: 3 }] }],
};

describe('policy schema', () => {
  test('the three presets are valid and keep their level order', () => {
    expect(Object.fromEntries(Object.entries(presets).map(([name, p]) => [name, p.levels.map((l) => l.id)]))).toEqual({
      'lzut-life': ['warning', 'oral', 'written'],
      'gxu-ee': ['warning', 'probation'],
      'bistu-me': ['struggling'],
    });
  });

  test('defaults: pass mark 60, fail-rate threshold 0.15, no manual additions', () => {
    const policy = Policy.parse(base);
    expect({
      passMark: policy.passMark,
      rate: policy.courseAnalysis.failRateAbove,
      manual: policy.manualAdditions.allowed,
      combinator: policy.levels[0]?.combinator,
    }).toEqual({
      passMark: 60,
      rate: 0.15,
      manual: false,
      combinator: 'any',
    });
  });

  test.each([
    [
      'duplicate level ids',
      { ...base, levels: [base.levels[0]!, { id: 'warning', name: '再警示', triggers: [] }] },
      '等级编号重复：warning',
    ],
    [
      'duplicate trigger ids',
      {
        ...base,
        levels: [base.levels[0]!, { id: 'w2', name: '二级', triggers: [{ id: 'f', rule: 'owedCredits', atLeast: 6 }] }],
      },
      '条件编号重复：f',
    ],
    [
      'atMost below atLeast',
      {
        ...base,
        levels: [{ id: 'w', name: '警示', triggers: [{ id: 'f', rule: 'failedAfterMakeup', atLeast: 2, atMost: 1 }] }],
      },
      '门数上限不能小于下限',
    ],
    [
      'an all-level without triggers',
      { ...base, levels: [{ id: 'w', name: '警示', combinator: 'all', triggers: [] }] },
      '“全部满足”的等级至少要有一个条件',
    ],
    [
      'manual additions without reasons',
      { ...base, manualAdditions: { allowed: true, roles: ['counselor'] } },
      '允许人工补充时须列出补充原因',
    ],
    ['an empty lifting condition', { ...base, lifting: {} }, '解除条件至少要有一项'],
    [
      'an unknown trigger rule',
      { ...base, levels: [{ id: 'w', name: '警示', triggers: [{ id: 'f', rule: 'absences', atLeast: 3 }] }] },
      'Invalid discriminator value',
    ],
    [
      'a fractional course count',
      { ...base, levels: [{ id: 'w', name: '警示', triggers: [{ id: 'f', rule: 'regularFails', atLeast: 2.5 }] }] },
      '门数下限应为整数',
    ],
    [
      'a duty with an unknown role',
      {
        ...base,
        levels: [{ id: 'w', name: '警示', duties: [{ duty: 'talk', role: 'janitor', count: 1, per: 'once' }] }],
      },
      'Invalid enum value',
    ],
  ])('rejects %s', (_name, input, message) => {
    const parsed = Policy.safeParse(input);
    expect(parsed.success).toBe(false);
    if (!parsed.success) expect(parsed.error.issues.map((i) => i.message).join(' | ')).toContain(message);
  });

  test('lzut-life: a higher level adds its duties to the lower ones', () => {
    const policy = Policy.parse(lzutLife);
    const ids = (level: string) => dutiesForLevel(policy, level).map((d) => `${d.role}:${d.duty}:${d.per}`);
    expect(ids('warning')).toHaveLength(5);
    expect(ids('oral')).toEqual([...ids('warning'), 'headTeacher:talk:once', 'counselor:talk:once']);
    expect(ids('written')).toEqual([...ids('oral'), 'headTeacher:parent-contact:once']);
    expect(dutiesForLevel(policy, 'nope')).toEqual([]);
  });

  test('gxu-ee: 试读 has its own duties (head teacher phones the parents)', () => {
    const duties = dutiesForLevel(presets['gxu-ee']!, 'probation');
    expect(duties.filter((d) => d.duty === 'parent-contact').map((d) => d.role)).toEqual(['headTeacher']);
    expect(
      dutiesForLevel(presets['gxu-ee']!, 'warning')
        .filter((d) => d.duty === 'parent-contact')
        .map((d) => d.role),
    ).toEqual(['counselor']);
  });
});
