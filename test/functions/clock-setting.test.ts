import { clockFromSetting, nowFromSetting } from '../../cloudfunctions/platform/clock-setting';
import { harnessClock, HARNESS_DEFAULT_NOW } from '../support/harness';

/** XUEYE_NOW: the one setting that fixes "now" for the local server, the demo and the tests. */
describe('clock setting', () => {
  it('XUEYE_NOW gives a fixed clock at that instant; the fallback when it is absent', () => {
    const clock = clockFromSetting({ XUEYE_NOW: '2027-01-25T10:00:00+08:00' }, { fallback: HARNESS_DEFAULT_NOW });
    expect(clock.now().toISOString()).toBe('2027-01-25T02:00:00.000Z');
    clock.advance(60_000);
    expect(clock.now().toISOString()).toBe('2027-01-25T02:01:00.000Z');
    expect(clockFromSetting({}, { fallback: '2028-10-15T10:00:00+08:00' }).now().toISOString()).toBe(
      '2028-10-15T02:00:00.000Z',
    );
    expect(nowFromSetting({ XUEYE_NOW: '  ' })).toBeNull();
  });

  it.each([
    ['a date without a time', '2027-01-25'],
    ['no offset', '2027-01-25T10:00:00'],
    ['an offset that does not exist', '2027-01-25T10:00:00+25:00'],
    ['a year the product cannot mean', '1970-01-01T00:00:00Z'],
    ['words', 'tomorrow'],
  ])('refuses %s with a message naming the setting', (_name, value) => {
    expect(() => nowFromSetting({ XUEYE_NOW: value })).toThrow(/XUEYE_NOW/);
  });

  it("the harness clock: a suite's own date wins, else XUEYE_NOW, else the default", () => {
    const saved = process.env.XUEYE_NOW;
    try {
      process.env.XUEYE_NOW = '2028-10-15T10:00:00+08:00';
      expect(harnessClock().now().toISOString()).toBe('2028-10-15T02:00:00.000Z');
      expect(harnessClock('2026-11-25T10:00:00+08:00').now().toISOString()).toBe('2026-11-25T02:00:00.000Z');
      delete process.env.XUEYE_NOW;
      expect(harnessClock().now().toISOString()).toBe(new Date(HARNESS_DEFAULT_NOW).toISOString());
    } finally {
      if (saved === undefined) delete process.env.XUEYE_NOW;
      else process.env.XUEYE_NOW = saved;
    }
  });
});
