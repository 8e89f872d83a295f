import type { DutyRecord, DutyRecordKind } from '../../../types/duty';
import { DomainError } from '../errors';

/** What a record is about, as far as counting goes. Warned students are counted by student. */
export type RecordUnit = 'person' | 'class' | 'dorm' | 'student' | 'teacher';

/** A record with its time parsed once. */
export type TimedRecord = { at: number; record: DutyRecord };

/** Records of one (kind, actor, unit), oldest first, so a window is two binary searches. */
type Bucket = { times: number[]; records: DutyRecord[]; sorted: boolean };

/**
 * All records indexed once by (kind, actor, unit): evaluating a person never scans records of
 * others, and a batch of 200 people shares one index.
 */
export type DutyRecordIndex = {
  /** Records whose time is in [start, end), oldest first. */
  inWindow(kind: DutyRecordKind, actorId: string, unit: RecordUnit, unitId: string, start: number, end: number): readonly DutyRecord[];
  size: number;
};

const key = (kind: string, actorId: string, unit: RecordUnit, unitId: string) => `${kind}\u0000${actorId}\u0000${unit}\u0000${unitId}`;

export function indexDutyRecords(records: Iterable<DutyRecord>): DutyRecordIndex {
  const buckets = new Map<string, Bucket>();
  let size = 0;
  const put = (k: string, at: number, record: DutyRecord) => {
    let bucket = buckets.get(k);
    if (!bucket) {
      bucket = { times: [], records: [], sorted: true };
      buckets.set(k, bucket);
    }
    const last = bucket.times[bucket.times.length - 1];
    if (last !== undefined && last > at) bucket.sorted = false;
    bucket.times.push(at);
    bucket.records.push(record);
  };
  for (const record of records) {
    const at = Date.parse(record.at);
    if (Number.isNaN(at)) throw new DomainError('DUTY.RECORD_INVALID', `记录 ${record._id} 的时间无法识别`, 'at');
    size += 1;
    const { kind, actorId } = record;
    put(key(kind, actorId, 'person', actorId), at, record);
    if (record.classId !== undefined) put(key(kind, actorId, 'class', record.classId), at, record);
    if (record.dormId !== undefined) put(key(kind, actorId, 'dorm', record.dormId), at, record);
    if (record.studentId !== undefined) put(key(kind, actorId, 'student', record.studentId), at, record);
    if (record.teacherId !== undefined) put(key(kind, actorId, 'teacher', record.teacherId), at, record);
  }
  // Records read from the store in time order stay unsorted-free; others are sorted per bucket.
  for (const bucket of buckets.values()) if (!bucket.sorted) sortBucket(bucket);

  return {
    size,
    inWindow(kind, actorId, unit, unitId, start, end) {
      const bucket = buckets.get(key(kind, actorId, unit, unitId));
      if (!bucket) return [];
      return bucket.records.slice(lowerBound(bucket.times, start), lowerBound(bucket.times, end));
    },
  };
}

function sortBucket(bucket: Bucket): void {
  const order = bucket.times.map((_, i) => i).sort((a, b) => (bucket.times[a] ?? 0) - (bucket.times[b] ?? 0));
  const times = order.map((i) => bucket.times[i] ?? 0);
  const records: DutyRecord[] = [];
  for (const i of order) {
    const record = bucket.records[i];
    if (record) records.push(record);
  }
  bucket.times = times;
  bucket.records = records;
  bucket.sorted = true;
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
