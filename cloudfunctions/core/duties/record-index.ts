import type { DutyRecord, DutyRecordKind } from '../../../types/duty';
import { DomainError } from '../errors';

/** What a record is about, as far as counting goes. Warned students are counted by student. */
export type RecordUnit = 'person' | 'class' | 'dorm' | 'student' | 'teacher';

/** Records in time order with their times parsed once, so a window is two binary searches. */
type Series = { times: number[]; records: DutyRecord[] };

/** All records of one actor and kind, with per-unit series built the first time they are asked for. */
type ActorKind = Series & { sorted: boolean; byUnit: Map<Exclude<RecordUnit, 'person'>, Map<string, Series>> };

/**
 * All records indexed once by actor and kind: evaluating a person never scans records of others,
 * and a batch of 200 people shares one index. Series per class / dorm / student / teacher are
 * grouped lazily from the actor's records of that kind (one pass, only for what a rule counts).
 */
export type DutyRecordIndex = {
  /** The records of the actor, kind and unit whose time is in [start, end): `records[from..to)`, oldest first. */
  range(
    kind: DutyRecordKind,
    actorId: string,
    unit: RecordUnit,
    unitId: string,
    start: number,
    end: number,
  ): RecordRange;
  size: number;
};

/** A slice without copying: a dashboard asks for ten thousand of them. */
export type RecordRange = { records: readonly DutyRecord[]; from: number; to: number };
const NONE: RecordRange = { records: [], from: 0, to: 0 };

const unitField = { class: 'classId', dorm: 'dormId', student: 'studentId', teacher: 'teacherId' } as const;

/** `times`, when given, holds each record's time in milliseconds, in the same order (parsed once, elsewhere). */
export function indexDutyRecords(records: Iterable<DutyRecord>, times?: ArrayLike<number>): DutyRecordIndex {
  const byActor = new Map<string, Map<DutyRecordKind, ActorKind>>();
  let size = 0;
  const add = (record: DutyRecord) => {
    const at = times?.[size] ?? Date.parse(record.at);
    if (Number.isNaN(at)) throw new DomainError('DUTY.RECORD_INVALID', `记录 ${record._id} 的时间无法识别`, 'at');
    size += 1;
    let kinds = byActor.get(record.actorId);
    if (!kinds) {
      kinds = new Map();
      byActor.set(record.actorId, kinds);
    }
    let series = kinds.get(record.kind);
    if (!series) {
      series = { times: [], records: [], sorted: true, byUnit: new Map() };
      kinds.set(record.kind, series);
    }
    const last = series.times[series.times.length - 1];
    if (last !== undefined && last > at) series.sorted = false;
    series.times.push(at);
    series.records.push(record);
  };
  // A list is walked by position (100k iterator steps are not free); anything else as it iterates.
  if (isList(records))
    for (let i = 0; i < records.length; i += 1) {
      const record = records[i];
      if (record) add(record);
    }
  else for (const record of records) add(record);
  // Records read from the store in time order need no sort; others are sorted per series.
  for (const kinds of byActor.values()) for (const series of kinds.values()) if (!series.sorted) sortSeries(series);

  const seriesFor = (kind: DutyRecordKind, actorId: string, unit: RecordUnit, unitId: string): Series | undefined => {
    const all = byActor.get(actorId)?.get(kind);
    if (!all || unit === 'person') return all;
    let groups = all.byUnit.get(unit);
    if (!groups) {
      groups = groupBy(all, unitField[unit]);
      all.byUnit.set(unit, groups);
    }
    return groups.get(unitId);
  };

  return {
    size,
    range(kind, actorId, unit, unitId, start, end) {
      const series = seriesFor(kind, actorId, unit, unitId);
      if (!series) return NONE;
      return { records: series.records, from: lowerBound(series.times, start), to: lowerBound(series.times, end) };
    },
  };
}

const isList = (records: Iterable<DutyRecord>): records is readonly DutyRecord[] => Array.isArray(records);

/** Records as given, or indexed once here: callers evaluating several times pass an index. */
export function asIndex(records: Iterable<DutyRecord> | DutyRecordIndex): DutyRecordIndex {
  return 'range' in records ? records : indexDutyRecords(records);
}

/** Split a sorted series by a unit field; each part stays sorted. */
function groupBy(series: Series, field: (typeof unitField)[keyof typeof unitField]): Map<string, Series> {
  const groups = new Map<string, Series>();
  series.records.forEach((record, i) => {
    const id = record[field];
    if (id === undefined) return;
    let group = groups.get(id);
    if (!group) {
      group = { times: [], records: [] };
      groups.set(id, group);
    }
    group.times.push(series.times[i] ?? NaN);
    group.records.push(record);
  });
  return groups;
}

function sortSeries(series: ActorKind): void {
  const order = timeOrder(series.times);
  const times: number[] = [];
  const records: DutyRecord[] = [];
  for (let k = 0; k < order.length; k += 1) {
    const i = order[k] ?? 0;
    const record = series.records[i];
    const at = series.times[i];
    if (record && at !== undefined) {
      records.push(record);
      times.push(at);
    }
  }
  series.times = times;
  series.records = records;
  series.sorted = true;
}

/**
 * The positions of `times` in time order, equal times in their given order (a stable sort).
 * Whole milliseconds within a few centuries of each other sort as one typed array of
 * time × 2^k + position (exact below 2^53), with no comparison callback: a 100k-row dashboard
 * sorts in a few milliseconds instead of tens.
 */
export function timeOrder(times: readonly number[]): ArrayLike<number> {
  const n = times.length;
  let min = Infinity;
  let max = -Infinity;
  let whole = true;
  for (let i = 0; i < n; i += 1) {
    const t = times[i] ?? NaN;
    if (t < min) min = t;
    if (t > max) max = t;
    if (!Number.isInteger(t)) whole = false;
  }
  const scale = 2 ** Math.ceil(Math.log2(n + 1));
  if (n < 2 || !whole || (max - min + 1) * scale > Number.MAX_SAFE_INTEGER)
    return times.map((_, i) => i).sort((a, b) => (times[a] ?? 0) - (times[b] ?? 0) || a - b);
  const keys = new Float64Array(n);
  for (let i = 0; i < n; i += 1) keys[i] = ((times[i] ?? min) - min) * scale + i;
  keys.sort();
  const order = new Uint32Array(n);
  for (let i = 0; i < n; i += 1) order[i] = (keys[i] ?? 0) % scale;
  return order;
}

/** First index whose time is ≥ t. */
function lowerBound(times: readonly number[], t: number): number {
  let lo = 0;
  let hi = times.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((times[mid] ?? Infinity) < t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
