import { stableUntil } from '../../../cloudfunctions/core/duties/stable-until';

describe('stableUntil: when an evaluation made now can next change', () => {
  const now = Date.parse('2026-11-23T09:00:00+08:00');
  it('the next Shanghai midnight when nothing turns before it', () => {
    expect(stableUntil(now, [])).toBe(Date.parse('2026-11-24T00:00:00+08:00'));
  });
  it("an instant later today (a warning's publication, a record dated ahead) comes first; past and later ones do not", () => {
    const instants = [
      '2026-11-23T08:00:00+08:00',
      '2026-11-23T15:30:00+08:00',
      '2026-11-25T10:00:00+08:00',
      'not a time',
    ];
    expect(stableUntil(now, instants)).toBe(Date.parse('2026-11-23T15:30:00+08:00'));
  });
  it('just before midnight, midnight', () => {
    expect(stableUntil(Date.parse('2026-11-23T23:59:59+08:00'), [])).toBe(Date.parse('2026-11-24T00:00:00+08:00'));
  });
});
