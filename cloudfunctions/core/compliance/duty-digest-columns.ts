import { z } from 'zod';
import { CheckinFlag } from '../../../types/checkin';
import { DutyRecord, DutyRecordKind } from '../../../types/duty';

/**
 * How a duty digest keeps its rows (the `entries` text). Format 2: the rows as columns, the
 * strings they repeat (people, classes, dorms, students, modes, topics) in one table, kinds,
 * flags and lists in small tables of their own, and each row's time also as milliseconds. A cold
 * dashboard parses every digest of a college (100k rows): the columns are less than half the
 * text of one object per row with its keys, parse about three times faster, and leave the reader
 * no times to parse. Format 1 (the JSON of DigestEntry[]) is still read; every write and the
 * rebuild write format 2 (scripts/rebuild-digests.ts --write rewrites older digests).
 */

export const DigestRow = DutyRecord.extend({ flags: z.array(CheckinFlag).optional() });
export type DigestRow = z.infer<typeof DigestRow>;

export const DigestEntry = z.object({ source: z.string().min(1), rows: z.array(DigestRow) });
export type DigestEntry = z.infer<typeof DigestEntry>;

/** A digest row as the dashboards count it: where it belongs, its flags, and its time as its arrival. */
export type CountedRow = DigestRow & { classId: string; flags: CheckinFlag[]; receivedAt: string };

type Packed = {
  v: 2;
  /** Each entry's source: its collection (an index into `collections`), its id, how many of the rows (in order) are its. */
  collections: string[];
  collection: number[];
  sources: string[];
  counts: number[];
  kinds: DutyRecordKind[];
  flagNames: CheckinFlag[];
  strings: string[];
  /** The row's id, or 0: its source's id. */
  id: (string | 0)[];
  kind: number[];
  actorId: number[];
  at: string[];
  /** Date.parse(at). */
  t: number[];
  /** Optional fields: an index into `strings` (minutes: the value; documented: 1 or 0), -1 none. */
  classId: number[];
  dormId: number[];
  studentId: number[];
  teacherId: number[];
  mode: number[];
  minutes: number[];
  documented: number[];
  /** An index into `topicLists` / `flagLists` (lists of indexes into `strings` / `flagNames`), -1 none. */
  topics: number[];
  flags: number[];
  topicLists: number[][];
  flagLists: number[][];
};

/** Columns that may be left out of the text when no row has the field. */
const OPTIONAL = [
  'classId',
  'dormId',
  'studentId',
  'teacherId',
  'mode',
  'minutes',
  'documented',
  'topics',
  'flags',
] as const;
type Optional = (typeof OPTIONAL)[number];

const NONE = -1;

/** A source key (sourceKeyOf: `dutyRecords:r1`) as collection and id. */
function splitSource(source: string): [string, string] {
  const colon = source.indexOf(':');
  return colon <= 0 ? ['', source] : [source.slice(0, colon), source.slice(colon + 1)];
}

function tableOf<T extends string>(): { values: T[]; ref: (value: T) => number } {
  const values: T[] = [];
  const at = new Map<T, number>();
  return {
    values,
    ref(value) {
      let i = at.get(value);
      if (i === undefined) {
        i = values.length;
        values.push(value);
        at.set(value, i);
      }
      return i;
    },
  };
}

/** Lists kept once however many rows have them (a class meeting's topics, a check-in's flags). */
function listTable(): { values: number[][]; ref: (list: number[]) => number } {
  const keys = tableOf<string>();
  const values: number[][] = [];
  return {
    values,
    ref(list) {
      const i = keys.ref(list.join());
      if (i === values.length) values.push(list);
      return i;
    },
  };
}

function packed(entries: readonly DigestEntry[]): Packed {
  const strings = tableOf<string>();
  const kinds = tableOf<DutyRecordKind>();
  const flagNames = tableOf<CheckinFlag>();
  const collections = tableOf<string>();
  const topicLists = listTable();
  const flagLists = listTable();
  const ref = (value: string | undefined) => (value === undefined ? NONE : strings.ref(value));
  const p: Packed = {
    v: 2,
    collections: collections.values,
    collection: [],
    sources: [],
    counts: [],
    kinds: kinds.values,
    flagNames: flagNames.values,
    strings: strings.values,
    id: [],
    kind: [],
    actorId: [],
    at: [],
    t: [],
    classId: [],
    dormId: [],
    studentId: [],
    teacherId: [],
    mode: [],
    minutes: [],
    documented: [],
    topics: [],
    flags: [],
    topicLists: topicLists.values,
    flagLists: flagLists.values,
  };
  for (const entry of entries) {
    const [collection, own] = splitSource(entry.source);
    p.collection.push(collections.ref(collection));
    p.sources.push(own);
    p.counts.push(entry.rows.length);
    for (const row of entry.rows) {
      p.id.push(row._id === own ? 0 : row._id);
      p.kind.push(kinds.ref(row.kind));
      p.actorId.push(strings.ref(row.actorId));
      p.at.push(row.at);
      p.t.push(Date.parse(row.at));
      p.classId.push(ref(row.classId));
      p.dormId.push(ref(row.dormId));
      p.studentId.push(ref(row.studentId));
      p.teacherId.push(ref(row.teacherId));
      p.mode.push(ref(row.mode));
      p.minutes.push(row.minutes ?? NONE);
      p.documented.push(row.documented === undefined ? NONE : row.documented ? 1 : 0);
      p.topics.push(row.topics ? topicLists.ref(row.topics.map(strings.ref)) : NONE);
      p.flags.push(row.flags ? flagLists.ref(row.flags.map(flagNames.ref)) : NONE);
    }
  }
  return p;
}

/**
 * The text of a digest's entries (format 2): the same entries always give the same text. Plain
 * ASCII (other characters as \u escapes): one Chinese topic would otherwise make the whole text,
 * and the document holding it, take two bytes a character wherever it is read.
 */
export function packEntries(entries: readonly DigestEntry[]): string {
  const p: Partial<Packed> = packed(entries);
  for (const column of OPTIONAL) if (p[column]?.every((v) => v === NONE)) delete p[column];
  return JSON.stringify(p).replace(/[\u0080-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** The stored text's columns, each element still to be checked where it is used. */
type Frame = {
  collections: readonly unknown[];
  collection: readonly unknown[];
  sources: readonly unknown[];
  counts: readonly unknown[];
  kinds: readonly DutyRecordKind[];
  flagNames: readonly CheckinFlag[];
  strings: readonly unknown[];
  /** Decoded once per digest: rows with the same list share it. */
  topicLists: readonly string[][];
  flagLists: readonly CheckinFlag[][];
  size: number;
} & Record<'id' | 'kind' | 'actorId' | 'at' | 't' | Optional, readonly unknown[]>;

const EMPTY: readonly unknown[] = [];
const Kinds = z.array(DutyRecordKind);
const Flags = z.array(CheckinFlag);

function frameOf(digest: { _id: string; entries: string }, value: unknown = JSON.parse(digest.entries)): Frame {
  const fail = (why: string) => new Error(`dutyDigests/${digest._id}: ${why}`);
  if (Array.isArray(value)) {
    // Format 1, written before columns: each entry was parsed with DigestEntry when written.
    const p = packed(value as DigestEntry[]);
    return { ...p, ...decodedLists(p, fail), size: p.id.length };
  }
  if (typeof value !== 'object' || value === null || Reflect.get(value, 'v') !== 2)
    throw fail('entries is not a list of entries nor columns');
  const column = (name: string, required: boolean): readonly unknown[] => {
    const c: unknown = Reflect.get(value, name);
    if (Array.isArray(c)) return c;
    if (c === undefined && !required) return EMPTY;
    throw fail(`column ${name} is missing`);
  };
  const kinds = Kinds.safeParse(Reflect.get(value, 'kinds'));
  const flagNames = Flags.safeParse(Reflect.get(value, 'flagNames'));
  if (!kinds.success || !flagNames.success) throw fail('unknown kinds or flags');
  const strings = column('strings', true);
  const lists = decodedLists(
    {
      strings,
      flagNames: flagNames.data,
      topicLists: column('topicLists', false),
      flagLists: column('flagLists', false),
    },
    fail,
  );
  const frame: Frame = {
    collections: column('collections', true),
    collection: column('collection', true),
    sources: column('sources', true),
    counts: column('counts', true),
    kinds: kinds.data,
    flagNames: flagNames.data,
    strings,
    ...lists,
    id: column('id', true),
    kind: column('kind', true),
    actorId: column('actorId', true),
    at: column('at', true),
    t: column('t', true),
    classId: column('classId', false),
    dormId: column('dormId', false),
    studentId: column('studentId', false),
    teacherId: column('teacherId', false),
    mode: column('mode', false),
    minutes: column('minutes', false),
    documented: column('documented', false),
    topics: column('topics', false),
    flags: column('flags', false),
    size: 0,
  };
  frame.size = frame.id.length;
  const counted = frame.counts.reduce((n: number, c) => n + (typeof c === 'number' ? c : NaN), 0);
  const short = (['kind', 'actorId', 'at', 't', ...OPTIONAL] as const).some(
    (name) => frame[name] !== EMPTY && frame[name].length !== frame.size,
  );
  const entries = frame.sources.length;
  if (counted !== frame.size || frame.counts.length !== entries || frame.collection.length !== entries || short)
    throw fail('columns of different lengths');
  return frame;
}

/** The lists a frame's rows share, each element an index into its table. */
function decodedLists(
  p: {
    strings: readonly unknown[];
    flagNames: readonly CheckinFlag[];
    topicLists: readonly unknown[];
    flagLists: readonly unknown[];
  },
  fail: (why: string) => Error,
): { topicLists: string[][]; flagLists: CheckinFlag[][] } {
  const decode = <T>(lists: readonly unknown[], table: readonly unknown[], is: (v: unknown) => v is T): T[][] =>
    lists.map((list) => {
      if (!Array.isArray(list)) throw fail('a list is not a list');
      return list.map((k: unknown) => {
        const v = typeof k === 'number' ? table[k] : undefined;
        if (!is(v)) throw fail('a list names nothing');
        return v;
      });
    });
  const flagNames = new Set<unknown>(p.flagNames);
  return {
    topicLists: decode(p.topicLists, p.strings, (v): v is string => typeof v === 'string'),
    flagLists: decode(p.flagLists, p.flagNames, (v): v is CheckinFlag => flagNames.has(v)),
  };
}

/** A reader of one frame's rows: field by field, each value checked as it is taken. */
function rowReader(frame: Frame, digestId: string) {
  const fail = (i: number, field: string) => new Error(`dutyDigests/${digestId}: row ${i} has no readable ${field}`);
  const text = (column: readonly unknown[], i: number): string | undefined => {
    const k = column[i];
    const s = typeof k === 'number' && k >= 0 ? frame.strings[k] : undefined;
    return typeof s === 'string' ? s : undefined;
  };
  return {
    id(i: number, own: string): string {
      const id = frame.id[i];
      if (id === 0) return own;
      if (typeof id !== 'string') throw fail(i, 'id');
      return id;
    },
    kind(i: number): DutyRecordKind {
      const k = frame.kind[i];
      const kind = typeof k === 'number' ? frame.kinds[k] : undefined;
      if (kind === undefined) throw fail(i, 'kind');
      return kind;
    },
    actorId(i: number): string {
      const actor = text(frame.actorId, i);
      if (actor === undefined) throw fail(i, 'actorId');
      return actor;
    },
    at(i: number): string {
      const at = frame.at[i];
      if (typeof at !== 'string') throw fail(i, 'at');
      return at;
    },
    time(i: number, at: string): number {
      const t = frame.t[i];
      return typeof t === 'number' ? t : Date.parse(at);
    },
    text,
    minutes(i: number): number | undefined {
      const m = frame.minutes[i];
      return typeof m === 'number' && m >= 0 ? m : undefined;
    },
    documented(i: number): boolean | undefined {
      const d = frame.documented[i];
      return d === 1 ? true : d === 0 ? false : undefined;
    },
    /** Shared with the digest's other rows of the same topics. */
    topics(i: number): string[] | undefined {
      const k = frame.topics[i];
      return typeof k === 'number' && k >= 0 ? frame.topicLists[k] : undefined;
    },
    flags(i: number): CheckinFlag[] | undefined {
      const k = frame.flags[i];
      return typeof k === 'number' && k >= 0 ? frame.flagLists[k] : undefined;
    },
  };
}

/** Each entry: its collection, its source's id (the id a row storing 0 has) and its rows' range. */
function sourceOfRows(
  frame: Frame,
  digestId: string,
): (callback: (collection: string, id: string, from: number, to: number) => void) => void {
  return (callback) => {
    let i = 0;
    frame.sources.forEach((id, e) => {
      const count = frame.counts[e];
      const c = frame.collection[e];
      const collection = typeof c === 'number' ? frame.collections[c] : undefined;
      if (typeof id !== 'string' || typeof count !== 'number' || typeof collection !== 'string')
        throw new Error(`dutyDigests/${digestId}: entry ${e} is not readable`);
      callback(collection, id, i, i + count);
      i += count;
    });
  };
}

/** The entries of a stored digest (either format); a text that is neither is an error naming the digest. */
export function unpackEntries(digest: { _id: string; entries: string }): DigestEntry[] {
  const value: unknown = JSON.parse(digest.entries);
  // Format 1: each entry was parsed with DigestEntry when written (noteDutySource, the rebuild).
  if (Array.isArray(value)) return value as DigestEntry[];
  const frame = frameOf(digest, value);
  const read = rowReader(frame, digest._id);
  const entries: DigestEntry[] = [];
  sourceOfRows(
    frame,
    digest._id,
  )((collection, own, from, to) => {
    const rows: DigestRow[] = [];
    for (let i = from; i < to; i += 1) {
      const row: DigestRow = { _id: read.id(i, own), kind: read.kind(i), actorId: read.actorId(i), at: read.at(i) };
      const classId = read.text(frame.classId, i);
      const dormId = read.text(frame.dormId, i);
      const studentId = read.text(frame.studentId, i);
      const teacherId = read.text(frame.teacherId, i);
      const minutes = read.minutes(i);
      const topics = read.topics(i)?.slice();
      const mode = read.text(frame.mode, i);
      const documented = read.documented(i);
      const flags = read.flags(i)?.slice();
      rows.push({
        ...row,
        ...(classId !== undefined && { classId }),
        ...(dormId !== undefined && { dormId }),
        ...(studentId !== undefined && { studentId }),
        ...(teacherId !== undefined && { teacherId }),
        ...(minutes !== undefined && { minutes }),
        ...(topics !== undefined && { topics }),
        ...(mode !== undefined && { mode }),
        ...(documented !== undefined && { documented }),
        ...(flags !== undefined && { flags }),
      });
    }
    entries.push({ source: collection === '' ? own : `${collection}:${own}`, rows });
  });
  return entries;
}

/** Shared by the rows without flags: never changed. */
const NO_FLAGS: CheckinFlag[] = [];

/**
 * A digest's rows as the dashboards count them, with their times in milliseconds, straight from
 * the columns: one object per row, every row of the same shape, no time parsed. A row without a
 * class is the digest's class's (every row has one when placed).
 */
export function countedRowsOf(digest: { _id: string; classId: string; entries: string }): {
  rows: CountedRow[];
  times: number[];
} {
  const frame = frameOf(digest);
  const read = rowReader(frame, digest._id);
  const rows: CountedRow[] = [];
  const times: number[] = [];
  sourceOfRows(
    frame,
    digest._id,
  )((_collection, own, from, to) => {
    for (let i = from; i < to; i += 1) {
      const at = read.at(i);
      rows.push({
        _id: read.id(i, own),
        kind: read.kind(i),
        actorId: read.actorId(i),
        at,
        classId: read.text(frame.classId, i) ?? digest.classId,
        dormId: read.text(frame.dormId, i),
        studentId: read.text(frame.studentId, i),
        teacherId: read.text(frame.teacherId, i),
        minutes: read.minutes(i),
        topics: read.topics(i),
        mode: read.text(frame.mode, i),
        documented: read.documented(i),
        flags: read.flags(i) ?? NO_FLAGS,
        receivedAt: at,
      });
      times.push(read.time(i, at));
    }
  });
  return { rows, times };
}
