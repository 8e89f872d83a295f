import type { ConversionRow, Outcome } from '../../../types/api/reports';

export type Tally = {
  warned: number;
  lifted: number;
  escalated: number;
  deescalated: number;
  kept: number;
  left: number;
};

export const emptyTally = (): Tally => ({ warned: 0, lifted: 0, escalated: 0, deescalated: 0, kept: 0, left: 0 });

export function addOutcome(t: Tally, outcome: Outcome): void {
  t.warned += 1;
  if (outcome !== 'pending') t[outcome] += 1;
}

/** 转化率 = lifted ÷ warned, rounded to 4 places (0 when nobody was warned). */
export function rateOf(lifted: number, warned: number): number {
  return warned === 0 ? 0 : Math.round((lifted / warned) * 10000) / 10000;
}

export function conversionRow(key: string, name: string, t: Tally): ConversionRow {
  return { key, name, ...t, rate: rateOf(t.lifted, t.warned) };
}

/** Groups students' outcomes by a key, named by `nameOf`, sorted by key. */
export function conversionBy<T>(
  items: readonly T[],
  keyOf: (item: T) => string,
  outcomeOf: (item: T) => Outcome,
  nameOf: (key: string) => string,
): ConversionRow[] {
  const groups = new Map<string, Tally>();
  for (const item of items) {
    const key = keyOf(item);
    let t = groups.get(key);
    if (!t) groups.set(key, (t = emptyTally()));
    addOutcome(t, outcomeOf(item));
  }
  return [...groups.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([key, t]) => conversionRow(key, nameOf(key), t));
}
