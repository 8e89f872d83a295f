import fc from 'fast-check';
import { fitField } from '../../../cloudfunctions/core/messages/field-limits';
import { wechatFieldLimit, WechatFieldType } from '../../../types/messages-config';

const types = WechatFieldType.options;

describe('fitting values to WeChat subscription-message limits', () => {
  it.each([
    ['thing', '补考后仍不及格 2 门：高等数学A（上）、大学物理、有机化学', '补考后仍不及格 2 门：高等数学A…'],
    ['thing', '短', '短'],
    ['thing', '   ', '无'],
    ['name', '欧阳娜娜娜娜娜娜娜娜娜', '欧阳娜娜娜娜娜娜娜…'],
    ['phrase', '已逾期了很久', '已逾期了很'],
    ['phrase', 'overdue', '无'],
    ['character_string', '2025-2026-1', '2025-2026-1'],
    ['character_string', '学号 20240101', '20240101'],
    ['time', '2026-11-30T09:00:00.000+08:00', '2026年11月30日 09:00'],
    ['time', '2026-11-30T01:00:00.000Z', '2026年11月30日 09:00'],
    ['time', '2026-12-01', '2026年12月1日'],
  ] as const)('%s %s → %s', (type, value, expected) => {
    expect(fitField(type, value)).toBe(expected);
  });

  it('never exceeds the limit of its type, and never leaves a field empty', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...types),
        fc.string({ maxLength: 80 }),
        fc.fullUnicodeString({ maxLength: 40 }),
        (type, a, b) => {
          const out = fitField(type, a + b);
          expect([...out].length).toBeLessThanOrEqual(wechatFieldLimit[type]);
          expect(out.length).toBeGreaterThan(0);
        },
      ),
    );
  });

  it('character_string keeps printable ASCII only', () => {
    fc.assert(
      fc.property(fc.fullUnicodeString({ maxLength: 60 }), (s) =>
        expect(fitField('character_string', s)).toMatch(/^[\x21-\x7e…]+$/),
      ),
    );
  });
});
