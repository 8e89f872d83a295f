import fc from 'fast-check';
import {
  addMonths,
  dateOf,
  dateStart,
  isoAt,
  startOfDay,
  startOfMonth,
  weekdayFromMonday,
} from '../../../cloudfunctions/core/duties/shanghai-days';
import { formatDate, shanghai, shanghaiLocal, toIso } from '../../../cloudfunctions/core/time/shanghai';

// 1992 to 2100: China has used +08:00 without daylight saving since 1991.
const instant = fc.integer({ min: Date.UTC(1992, 0, 1), max: Date.UTC(2100, 0, 1) });

describe('fast Shanghai day arithmetic agrees with time/shanghai.ts', () => {
  it('formats and cuts days the same way', () => {
    fc.assert(
      fc.property(instant, (at) => {
        expect(isoAt(at)).toBe(toIso(new Date(at)));
        expect(dateOf(at)).toBe(formatDate(new Date(at)));
        expect(startOfDay(at)).toBe(shanghai(at).startOf('day').valueOf());
        expect(startOfMonth(at)).toBe(shanghai(at).startOf('month').valueOf());
        expect(weekdayFromMonday(at)).toBe((shanghai(at).day() + 6) % 7);
        expect(dateStart(dateOf(at))).toBe(shanghaiLocal(dateOf(at)).valueOf());
      }),
      { numRuns: 300 },
    );
  });

  it('adds months like dayjs, clamping to the month end', () => {
    fc.assert(
      fc.property(instant, fc.integer({ min: 0, max: 24 }), (at, months) => {
        const day = startOfDay(at);
        expect(addMonths(day, months)).toBe(shanghai(day).add(months, 'month').valueOf());
      }),
      { numRuns: 300 },
    );
    expect(dateOf(addMonths(dateStart('2026-01-31'), 1))).toBe('2026-02-28');
  });
});
