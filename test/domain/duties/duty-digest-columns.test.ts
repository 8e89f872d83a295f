import { expect } from '@jest/globals';
import {
  countedRowsOf,
  DigestEntry,
  packEntries,
  unpackEntries,
} from '../../../cloudfunctions/core/compliance/duty-digest-columns';
import { KEEPERS } from '../../../cloudfunctions/core/compliance/duty-digest';
import { decodeInts, encodeInts } from '../../../cloudfunctions/core/compliance/int-column-text';

/** Entries with every optional field present, absent, zero or false somewhere. */
const entries: DigestEntry[] = DigestEntry.array().parse([
  {
    source: 'dutyRecords:r1',
    rows: [
      {
        _id: 'r1',
        kind: 'talk',
        actorId: 'counselor-1',
        at: '2026-11-02T09:00:00.000+08:00',
        classId: 'k1',
        studentId: 'k1-s3',
        minutes: 0,
        mode: 'faceToFace',
        documented: false,
        flags: ['outsideRadius', 'delayedSync'],
      },
    ],
  },
  {
    source: 'meetings:m1',
    rows: [
      {
        _id: 'm1:counselor-1',
        kind: 'classMeeting',
        actorId: 'counselor-1',
        at: '2026-11-03T01:30:00Z',
        classId: 'k1',
        topics: ['studyMethods', '学习', '心理😀'],
        documented: true,
      },
      { _id: 'm1:head-1', kind: 'classMeeting', actorId: 'head-1', at: '2026-11-03T01:30:00Z', topics: [] },
    ],
  },
  {
    source: 'notices:n1',
    rows: [
      { _id: 'n1:receipt:', kind: 'parentContact', actorId: KEEPERS, at: '2026-11-04T20:00:00+08:00', classId: 'k1' },
      {
        _id: 'n1:teacher',
        kind: 'teacherContact',
        actorId: 'counselor-1',
        at: '2026-11-04T20:00:00+08:00',
        classId: 'k1',
        dormId: 'k1-d1',
        teacherId: 'name:王老师',
        minutes: 12.5,
      },
    ],
  },
]);
const stored = (text: string) => ({ _id: 'k1|2026-11', classId: 'k1', entries: text });
const plain = (value: unknown): unknown => JSON.parse(JSON.stringify(value));

describe('duty digest columns (the text a digest keeps its rows in)', () => {
  it('gives back exactly the entries packed, and the same entries always pack to the same text', () => {
    const text = packEntries(entries);
    expect(unpackEntries(stored(text))).toEqual(plain(entries));
    expect(packEntries(unpackEntries(stored(text)))).toBe(text);
    expect(unpackEntries(stored(packEntries([])))).toEqual([]);
    // Source ids travel comma-joined; an id with a comma, or an empty one, still comes back.
    const odd = [
      { source: 'dutyRecords:a,b', rows: [] },
      { source: 'talks:', rows: [] },
    ];
    expect(unpackEntries(stored(packEntries(odd)))).toEqual(odd);
    expect(unpackEntries(stored(packEntries(odd.slice(1))))).toEqual(odd.slice(1));
  });

  it('is plain ASCII whatever the rows hold (a two-byte text would double every read of it)', () => {
    const text = packEntries(entries);
    expect(text).toMatch(/^[\x20-\x7e]*$/);
    expect(unpackEntries(stored(text))[1]?.rows[0]?.topics).toEqual(['studyMethods', '学习', '心理😀']);
  });

  it('is shorter than one object per row (the columns a digest lacks are left out)', () => {
    const many = Array.from({ length: 200 }, (_, i) => ({
      source: `dutyRecords:r${i}`,
      rows: [{ _id: `r${i}`, kind: 'classCheck' as const, actorId: 'assistant-1', at: entries[0]?.rows[0]?.at ?? '' }],
    }));
    const text = packEntries(many);
    expect(text.length).toBeLessThan(JSON.stringify(many).length / 2);
    expect(text).not.toContain('"topics"');
    expect(unpackEntries(stored(text))).toEqual(many);
  });

  it('still reads format 1 (the JSON of the entries), as rows and as counted rows', () => {
    const old = stored(JSON.stringify(entries));
    expect(unpackEntries(old)).toEqual(plain(entries));
    expect(countedRowsOf(old)).toEqual(countedRowsOf(stored(packEntries(entries))));
  });

  it('still reads format 2 (index columns as JSON arrays), as the previous writer left it', () => {
    // The text format 2's packEntries gave for the entries above.
    const format2 = String.raw`{"v":2,"collections":["dutyRecords","meetings","notices"],"collection":[0,1,2],"sources":["r1","m1","n1"],"counts":[1,2,2],"kinds":["talk","classMeeting","parentContact","teacherContact"],"flagNames":["outsideRadius","delayedSync"],"strings":["counselor-1","k1","k1-s3","faceToFace","studyMethods","\u5b66\u4e60","\u5fc3\u7406\ud83d\ude00","head-1","@keepers","k1-d1","name:\u738b\u8001\u5e08"],"id":[0,"m1:counselor-1","m1:head-1","n1:receipt:","n1:teacher"],"kind":[0,1,1,2,3],"actorId":[0,0,7,8,0],"at":["2026-11-02T09:00:00.000+08:00","2026-11-03T01:30:00Z","2026-11-03T01:30:00Z","2026-11-04T20:00:00+08:00","2026-11-04T20:00:00+08:00"],"t":[1793581200000,1793669400000,1793669400000,1793793600000,1793793600000],"classId":[1,1,-1,1,1],"dormId":[-1,-1,-1,-1,9],"studentId":[2,-1,-1,-1,-1],"teacherId":[-1,-1,-1,-1,10],"mode":[3,-1,-1,-1,-1],"minutes":[0,-1,-1,-1,12.5],"documented":[0,1,-1,-1,-1],"topics":[-1,0,1,-1,-1],"flags":[0,-1,-1,-1,-1],"topicLists":[[4,5,6],[]],"flagLists":[[0,1]]}`;
    expect(unpackEntries(stored(format2))).toEqual(plain(entries));
    expect(countedRowsOf(stored(format2))).toEqual(countedRowsOf(stored(packEntries(entries))));
  });

  it('index columns as text: any whole numbers ≥ −1 come back, in as many characters as the largest needs', () => {
    const values = [-1, 0, 1, 91, 92, 93, 8648, 8649, 70000, -1];
    const text = encodeInts(values);
    expect(text).toMatch(/^[1-4][\x20-\x7e]*$/);
    expect(text).not.toMatch(/["\\]/);
    expect([...(decodeInts(text) ?? [])]).toEqual(values);
    expect(encodeInts([0, 1, -1])).toHaveLength(4);
    expect([...(decodeInts(encodeInts([])) ?? [1])]).toEqual([]);
    expect(decodeInts('9abc')).toBeNull();
    expect(decodeInts('2abc')).toBeNull();
    expect(() => encodeInts([-2])).toThrow();
  });

  it('counted rows: every field of the row, its class, flags (none: empty) and time as arrival, and its time parsed', () => {
    const { rows, times } = countedRowsOf(stored(packEntries(entries)));
    const flat = entries.flatMap((e) => e.rows);
    expect(rows).toHaveLength(flat.length);
    flat.forEach((row, i) => {
      expect(plain(rows[i])).toEqual(
        plain({ ...row, classId: row.classId ?? 'k1', flags: row.flags ?? [], receivedAt: row.at }),
      );
      expect(times[i]).toBe(Date.parse(row.at));
    });
    // One shape for every row (the evaluator's index reads them all).
    expect(new Set(rows.map((r) => Object.keys(r).join()))).toHaveProperty('size', 1);
  });

  it('a text that is neither format, or whose columns disagree, is an error naming the digest', () => {
    expect(() => unpackEntries(stored('{"v":3}'))).toThrow('dutyDigests/k1|2026-11');
    const columns: unknown = JSON.parse(packEntries(entries));
    const short = JSON.stringify({ ...Object(columns), at: ['2026-11-02T09:00:00.000+08:00'] });
    expect(() => countedRowsOf(stored(short))).toThrow('dutyDigests/k1|2026-11: columns of different lengths');
    const badKind = JSON.stringify({ ...Object(columns), kinds: ['gossip', 'classMeeting', 'parentContact'] });
    expect(() => unpackEntries(stored(badKind))).toThrow('unknown kinds or flags');
  });
});
