import type { DutyRecord, DutyRule, DutyItem } from '../../../types/duty';
import type { DutyRecordIndex } from './record-index';
import type { CountingUnit } from './units';
import type { Span } from './term';

export type Measure = DutyItem['measure'];

/** What a window holds toward a quota: the ids of the records that count and the progress they make. */
export type Tally = { done: string[]; progress: number };

/** A rule's filters as one predicate, built once per rule. */
export function recordFilter(rule: DutyRule): (record: DutyRecord) => boolean {
  const { topics, modes, minMinutes, documented } = rule.counts;
  return (r) =>
    (topics === undefined || (r.topics ?? []).some((t) => topics.includes(t))) &&
    (modes === undefined || (r.mode !== undefined && modes.includes(r.mode))) &&
    (minMinutes === undefined || (r.minutes ?? 0) >= minMinutes) &&
    (documented !== true || r.documented === true);
}

export function measureOf(rule: DutyRule): Measure {
  return rule.quota.minutes === undefined ? 'count' : 'minutes';
}

/** The quota for a unit: a count, a fraction of the class size rounded up, or minutes. */
export function requiredFor(rule: DutyRule, unit: CountingUnit): number {
  const { count, fractionOfClassSize, minutes } = rule.quota;
  if (fractionOfClassSize) {
    // Integer ceiling of size × n / d: 1/3 of 31 is 11, of 30 exactly 10.
    const { numerator, denominator } = fractionOfClassSize;
    return Math.floor((unit.size * numerator + denominator - 1) / denominator);
  }
  return count ?? minutes ?? 0;
}

/** The records of the person that count for a unit in a window. */
export function tally(
  rule: DutyRule,
  accepts: (record: DutyRecord) => boolean,
  index: DutyRecordIndex,
  personId: string,
  unit: CountingUnit,
  window: Span,
): Tally {
  const byMinutes = measureOf(rule) === 'minutes';
  const done: string[] = [];
  let progress = 0;
  for (const kind of rule.counts.kinds) {
    for (const bucket of unit.buckets) {
      const { records, from, to } = index.range(kind, personId, bucket.unit, bucket.id, window.start, window.end);
      for (let i = from; i < to; i += 1) {
        const record = records[i];
        if (!record || !accepts(record)) continue;
        const gain = byMinutes ? (record.minutes ?? 0) : 1;
        if (gain <= 0) continue;
        progress += gain;
        done.push(record._id);
      }
    }
  }
  return { done, progress };
}
