import {
  clipWindows,
  steppedWindows,
  semesterEndSpan,
  withinDaysWindow,
} from '../../../cloudfunctions/core/duties/windows';
import { resolveTerm } from '../../../cloudfunctions/core/duties/term';
import { formatDate, formatDateTime, shanghaiLocal } from '../../../cloudfunctions/core/time/shanghai';
import { at, calendar } from '../../support/duties-factories';

const DAY = 86_400_000;
const term = (id: string) => resolveTerm(calendar, Date.parse(at('2030-01-01')), id);
/** A window as its first and last calendar day. */
const days = (w: { start: number; end: number }) =>
  `${formatDate(new Date(w.start))}..${formatDate(new Date(w.end - 1))}`;

describe('stepped windows of a semester (2025-2026-1: Mon 2025-09-08 to Sun 2026-01-18)', () => {
  const t = term('2025-2026-1');
  const cut = (p: 'week' | 'twoWeeks' | 'month' | 'quarter') =>
    clipWindows(steppedWindows(p, t), t.semesterSpan).map(days);

  it.each([
    ['week', 19, '2025-09-08..2025-09-14', '2026-01-12..2026-01-18'],
    // Anchored at the semester start; the last piece (7 of 14 days) stays on its own.
    ['twoWeeks', 10, '2025-09-08..2025-09-21', '2026-01-12..2026-01-18'],
    // The semester crosses month boundaries: September and January are cut, not dropped.
    ['month', 5, '2025-09-08..2025-09-30', '2026-01-01..2026-01-18'],
    ['quarter', 2, '2025-09-08..2025-12-07', '2025-12-08..2026-01-18'],
  ] as const)('%s: %i windows, first %s, last %s', (period, count, first, last) => {
    const windows = cut(period);
    expect(windows).toHaveLength(count);
    expect(windows[0]).toBe(first);
    expect(windows[windows.length - 1]).toBe(last);
  });

  it('windows tile the semester without gaps or overlaps', () => {
    for (const p of ['week', 'twoWeeks', 'month', 'quarter'] as const) {
      const windows = clipWindows(steppedWindows(p, t), t.semesterSpan);
      expect(windows[0]?.start).toBe(t.semesterSpan.start);
      expect(windows[windows.length - 1]?.end).toBe(t.semesterSpan.end);
      windows.slice(1).forEach((w, i) => expect(w.start).toBe(windows[i]?.end));
    }
  });

  it('weeks run Monday 00:00 to Monday 00:00 Shanghai', () => {
    const [, second] = clipWindows(steppedWindows('week', t), t.semesterSpan);
    expect(formatDateTime(new Date(second?.start ?? 0))).toBe('2025-09-15 00:00');
    expect(shanghaiLocal('2025-09-15').day()).toBe(1);
  });
});

describe('short edge pieces join their neighbour', () => {
  it('the 7 February days of 2026-2027-2 join March, the 4 July days join June', () => {
    const t = term('2026-2027-2');
    expect(clipWindows(steppedWindows('month', t), t.semesterSpan).map(days)).toEqual([
      '2027-02-22..2027-03-31',
      '2027-04-01..2027-04-30',
      '2027-05-01..2027-05-31',
      '2027-06-01..2027-07-04',
    ]);
  });

  it.each([
    // [cut range start, expected first window] for months of 2025-2026-1
    ['2025-09-20', '2025-09-20..2025-09-30'], // 11 of 30 days: a third or more, kept
    ['2025-09-21', '2025-09-21..2025-09-30'], // 10 of 30 days: exactly a third, kept
    ['2025-09-22', '2025-09-22..2025-10-31'], // 9 of 30 days: joins October
  ])('a range starting %s begins with %s', (from, first) => {
    const t = term('2025-2026-1');
    const windows = clipWindows(steppedWindows('month', t), {
      start: shanghaiLocal(from).valueOf(),
      end: t.semesterSpan.end,
    });
    expect(days(windows[0] ?? { start: 0, end: 0 })).toBe(first);
  });

  it('a single short piece is kept (nothing to join)', () => {
    const t = term('2025-2026-1');
    const range = { start: shanghaiLocal('2025-10-10').valueOf(), end: shanghaiLocal('2025-10-12').valueOf() };
    expect(clipWindows(steppedWindows('month', t), range).map(days)).toEqual(['2025-10-10..2025-10-11']);
  });
});

describe('deadline windows', () => {
  it('within 7 days of a Monday 15:00 document: due by the end of the next Monday', () => {
    const w = withinDaysWindow(Date.parse(at('2025-09-22 15:00')), 7);
    expect(formatDateTime(new Date(w.start))).toBe('2025-09-22 15:00');
    expect(formatDateTime(new Date(w.end))).toBe('2025-09-30 00:00');
  });

  it('semester end: the last 28 days', () => {
    const w = semesterEndSpan(term('2025-2026-1'), 28);
    expect(days(w)).toBe('2025-12-22..2026-01-18');
    expect((w.end - w.start) / DAY).toBe(28);
  });
});
