import { formatDateTime, parseDateTime, shanghai } from '../../../cloudfunctions/core/time/shanghai';

/** The wall-clock helpers the app and the functions share (fixed +08:00, no Intl time zones needed). */
describe('Shanghai wall-clock text', () => {
  it('shows an instant on the Shanghai clock, whatever offset it was written with', () => {
    expect(formatDateTime('2026-11-20T07:00:00.000Z')).toBe('2026-11-20 15:00');
    expect(formatDateTime('2026-11-20T15:00:00+08:00')).toBe('2026-11-20 15:00');
    expect(formatDateTime('2026-12-31T16:30:00Z')).toBe('2027-01-01 00:30');
    expect(formatDateTime(Date.UTC(2026, 10, 20, 7, 0))).toBe('2026-11-20 15:00');
  });

  it('shows nothing for what is no instant', () => {
    expect(formatDateTime('not a time')).toBe('');
    expect(formatDateTime(Number.NaN)).toBe('');
  });

  it('agrees with the Asia/Shanghai zone over the years the product reckons (no daylight saving since 1991)', () => {
    for (let year = 1992; year <= 2040; year += 3) {
      for (const month of [0, 3, 6, 9]) {
        const at = Date.UTC(year, month, 15, 18, 45);
        expect(formatDateTime(at)).toBe(shanghai(at).format('YYYY-MM-DD HH:mm'));
      }
    }
  });

  it('reads a typed Shanghai time as an ISO instant at +08:00, and refuses impossible or malformed ones', () => {
    expect(parseDateTime('2026-11-20 15:00')).toBe('2026-11-20T15:00:00+08:00');
    expect(parseDateTime(' 2026-11-20 15:00 ')).toBe('2026-11-20T15:00:00+08:00');
    expect(parseDateTime('2026-02-30 10:00')).toBeNull();
    expect(parseDateTime('2026-11-20 24:00')).toBeNull();
    expect(parseDateTime('2026-11-20T15:00')).toBeNull();
    expect(parseDateTime('2026/11/20 15:00')).toBeNull();
    const typed = '2027-01-25 08:05';
    const iso = parseDateTime(typed);
    expect(iso && formatDateTime(iso)).toBe(typed);
  });
});
