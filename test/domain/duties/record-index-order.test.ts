import { expect } from '@jest/globals';
import { indexDutyRecords, timeOrder } from '../../../cloudfunctions/core/duties/record-index';

/** The order a plain stable sort by time gives. */
const byComparison = (times: readonly number[]) =>
  times.map((_, i) => i).sort((a, b) => (times[a] ?? 0) - (times[b] ?? 0));

describe('record index: time order', () => {
  it('orders positions by time, equal times as given, like a stable comparison sort', () => {
    let seed = 7;
    const next = () => (seed = (seed * 48271) % 2147483647);
    const base = Date.parse('2025-07-13T00:00:00+08:00');
    // Many equal times (a minute grid) over a school year.
    const times = Array.from({ length: 5000 }, () => base + (next() % 500_000) * 60_000);
    expect(Array.from(timeOrder(times))).toEqual(byComparison(times));
    expect(Array.from(timeOrder([]))).toEqual([]);
    expect(Array.from(timeOrder([5]))).toEqual([0]);
  });

  it('falls back to comparing when times are not whole milliseconds or too far apart', () => {
    expect(Array.from(timeOrder([2.5, 1.5, 2.5, 0]))).toEqual([3, 1, 0, 2]);
    expect(Array.from(timeOrder([8.64e15, -8.64e15, 0, -8.64e15]))).toEqual([1, 3, 2, 0]);
  });

  it('an index given the times parsed counts the same as one parsing them', () => {
    const records = [
      { _id: 'b', kind: 'talk' as const, actorId: 'p', at: '2026-11-03T10:00:00+08:00' },
      { _id: 'a', kind: 'talk' as const, actorId: 'p', at: '2026-11-02T10:00:00+08:00' },
      { _id: 'c', kind: 'talk' as const, actorId: 'p', at: '2026-11-02T10:00:00+08:00' },
    ];
    const start = Date.parse('2026-11-01T00:00:00+08:00');
    const end = Date.parse('2026-11-04T00:00:00+08:00');
    const ids = (index: ReturnType<typeof indexDutyRecords>) => {
      const { records: rs, from, to } = index.range('talk', 'p', 'person', 'p', start, end);
      return rs.slice(from, to).map((r) => r._id);
    };
    expect(ids(indexDutyRecords(records))).toEqual(['a', 'c', 'b']);
    expect(
      ids(
        indexDutyRecords(
          records,
          records.map((r) => Date.parse(r.at)),
        ),
      ),
    ).toEqual(['a', 'c', 'b']);
  });
});
