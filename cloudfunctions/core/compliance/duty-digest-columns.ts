import { z } from 'zod';
import { CheckinFlag } from '../../../types/checkin';
import { DutyRecord, DutyRecordKind } from '../../../types/duty';
import { decodeInts, encodeInts } from './int-column-text';

/**
 * How a duty digest keeps its rows (the `entries` text). Format 3: the rows as columns, the
 * strings they repeat (people, classes, dorms, students, modes, topics) in one table, kinds,
 * flags, lists and minutes in small tables of their own, every index column as one ASCII string
 * (int-column-text.ts), and each row's time also as milliseconds. A cold dashboard parses every
 * digest of a college (100k rows): this is under 40 % of the text of one object per row with its
 * keys, parses about five times faster, and leaves the reader no times to parse. Formats 1 (the
 * JSON of DigestEntry[]) and 2 (index columns as JSON arrays) are still read; every write and
 * the rebuild write format 3 (scripts/rebuild-digests.ts --write rewrites older digests).
 */

export const DigestRow = DutyRecord.extend({ flags: z.array(CheckinFlag).optional() });
export type DigestRow = z.infer<typeof DigestRow>;

export const DigestEntry = z.object({ source: z.string().min(1), rows: z.array(DigestRow) });
export type DigestEntry = z.infer<typeof DigestEntry>;

/** A digest row as the dashboards count it: where it belongs, its flags, and its time as its arrival. */
export type CountedRow = DigestRow & { classId: string; flags: CheckinFlag[]; receivedAt: string };

/** Index columns: per entry (collection, counts) and per row; −1 is none. */
const PER_ENTRY = ['collection', 'counts'] as const;
const PER_ROW = ['id', 'kind', 'actorId'] as const;
/** Per-row columns left out of the text when no row has the field. */
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
type IntColumn = (typeof PER_ENTRY)[number] | (typeof PER_ROW)[number] | (typeof OPTIONAL)[number];
const INT_COLUMNS: readonly IntColumn[] = [...PER_ENTRY, ...PER_ROW, ...OPTIONAL];

/** One value per index column. */
function perColumn<T>(make: (name: IntColumn) => T): Record<IntColumn, T> {
  return {
    collection: make('collection'),
    counts: make('counts'),
    id: make('id'),
    kind: make('kind'),
    actorId: make('actorId'),
    classId: make('classId'),
    dormId: make('dormId'),
    studentId: make('studentId'),
    teacherId: make('teacherId'),
    mode: make('mode'),
    minutes: make('minutes'),
    documented: make('documented'),
    topics: make('topics'),
    flags: make('flags'),
  };
}

/**
 * A digest's columns before they become text. Each entry: its collection (an index into
 * `collections`), its source's id, how many of the rows (in order) are its. Each row: its id (an
 * index into `ids`, −1: its source's id), kind, person, time (text, and Date.parse of it), and
 * optional fields as indexes into `strings` (minutes into `minuteValues`, topics and flags into
 * their lists; documented 1 or 0).
 */
type Columns = Record<IntColumn, number[]> & {
  collections: string[];
  sources: string[];
  kinds: DutyRecordKind[];
  flagNames: CheckinFlag[];
  strings: string[];
  ids: string[];
  minuteValues: number[];
  topicLists: number[][];
  flagLists: number[][];
  at: string[];
  t: number[];
};

const NONE = -1;

/** A source key (sourceKeyOf: `dutyRecords:r1`) as collection and id. */
function splitSource(source: string): [string, string] {
  const colon = source.indexOf(':');
  return colon <= 0 ? ['', source] : [source.slice(0, colon), source.slice(colon + 1)];
}

function tableOf<T>(key: (value: T) => string | number = (v) => String(v)): { values: T[]; ref: (value: T) => number } {
  const values: T[] = [];
  const at = new Map<string | number, number>();
  return {
    values,
    ref(value) {
      const k = key(value);
      let i = at.get(k);
      if (i === undefined) {
        i = values.length;
        values.push(value);
        at.set(k, i);
      }
      return i;
    },
  };
}

function columnsOf(entries: readonly DigestEntry[]): Columns {
  const strings = tableOf<string>();
  const kinds = tableOf<DutyRecordKind>();
  const flagNames = tableOf<CheckinFlag>();
  const collections = tableOf<string>();
  const ids = tableOf<string>();
  const minuteValues = tableOf<number>((m) => m);
  const topicLists = tableOf<number[]>((l) => l.join());
  const flagLists = tableOf<number[]>((l) => l.join());
  const ref = (value: string | undefined) => (value === undefined ? NONE : strings.ref(value));
  const c: Columns = {
    collections: collections.values,
    sources: [],
    kinds: kinds.values,
    flagNames: flagNames.values,
    strings: strings.values,
    ids: ids.values,
    minuteValues: minuteValues.values,
    topicLists: topicLists.values,
    flagLists: flagLists.values,
    at: [],
    t: [],
    ...perColumn((): number[] => []),
  };
  for (const entry of entries) {
    const [collection, own] = splitSource(entry.source);
    c.collection.push(collections.ref(collection));
    c.sources.push(own);
    c.counts.push(entry.rows.length);
    for (const row of entry.rows) {
      c.id.push(row._id === own ? NONE : ids.ref(row._id));
      c.kind.push(kinds.ref(row.kind));
      c.actorId.push(strings.ref(row.actorId));
      c.at.push(row.at);
      c.t.push(Date.parse(row.at));
      c.classId.push(ref(row.classId));
      c.dormId.push(ref(row.dormId));
      c.studentId.push(ref(row.studentId));
      c.teacherId.push(ref(row.teacherId));
      c.mode.push(ref(row.mode));
      c.minutes.push(row.minutes === undefined ? NONE : minuteValues.ref(row.minutes));
      c.documented.push(row.documented === undefined ? NONE : row.documented ? 1 : 0);
      c.topics.push(row.topics ? topicLists.ref(row.topics.map(strings.ref)) : NONE);
      c.flags.push(row.flags ? flagLists.ref(row.flags.map(flagNames.ref)) : NONE);
    }
  }
  return c;
}

/**
 * The text of a digest's entries (format 3): the same entries always give the same text. Plain
 * ASCII (other characters as \u escapes): one Chinese topic would otherwise make the whole text,
 * and the document holding it, take two bytes a character wherever it is read.
 */
export function packEntries(entries: readonly DigestEntry[]): string {
  const c = columnsOf(entries);
  const text: Record<string, unknown> = { v: 3 };
  for (const [name, value] of Object.entries(c)) {
    const column: IntColumn | undefined = INT_COLUMNS.find((n) => n === name);
    if (column === undefined) text[name] = value;
    else if (!(OPTIONAL.some((n) => n === column) && c[column].every((v) => v === NONE)))
      text[name] = encodeInts(c[column]);
  }
  // The sources' ids as one comma-joined text: short strings in a JSON list are each looked up
  // in the engine's string table as they are parsed; a split is not. A list when an id has a comma.
  if (c.sources.length > 0 && !c.sources.some((id) => id.includes(','))) text.sources = c.sources.join(',');
  return JSON.stringify(text).replace(
    /[\u0080-\uffff]/g,
    (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

/** The stored text's columns: index columns as typed arrays, every other element still to be checked where it is used. */
type Frame = Record<IntColumn, Int32Array> & {
  collections: readonly unknown[];
  sources: readonly unknown[];
  kinds: readonly DutyRecordKind[];
  strings: readonly unknown[];
  ids: readonly unknown[];
  minuteValues: readonly unknown[];
  /** Decoded once per digest: rows with the same list share it. */
  topicLists: readonly string[][];
  flagLists: readonly CheckinFlag[][];
  at: readonly unknown[];
  t: readonly unknown[];
  size: number;
};

const NO_INTS = new Int32Array(0);
const Kinds = z.array(DutyRecordKind);
const Flags = z.array(CheckinFlag);

/** Format 2 kept ids inline (0: the source's) and minutes as values: as format 3's tables. */
function fromFormat2(value: object): Record<string, unknown> {
  const out: Record<string, unknown> = { ...value };
  const ids = tableOf<string>();
  const id: unknown = Reflect.get(value, 'id');
  if (Array.isArray(id)) out.id = id.map((v: unknown) => (typeof v === 'string' ? ids.ref(v) : NONE));
  out.ids = ids.values;
  const minutes: unknown = Reflect.get(value, 'minutes');
  const minuteValues = tableOf<number>((m) => m);
  if (Array.isArray(minutes))
    out.minutes = minutes.map((m: unknown) => (typeof m === 'number' && m >= 0 ? minuteValues.ref(m) : NONE));
  out.minuteValues = minuteValues.values;
  return out;
}

function frameOf(digest: { _id: string; entries: string }, parsed: unknown = JSON.parse(digest.entries)): Frame {
  const fail = (why: string) => new Error(`dutyDigests/${digest._id}: ${why}`);
  // Format 1, written before columns: each entry was parsed with DigestEntry when written.
  const value: object | null = Array.isArray(parsed)
    ? columnsOf(parsed as DigestEntry[])
    : typeof parsed !== 'object' || parsed === null
      ? null
      : Reflect.get(parsed, 'v') === 2
        ? fromFormat2(parsed)
        : Reflect.get(parsed, 'v') === 3
          ? parsed
          : null;
  if (value === null) throw fail('entries is not a list of entries nor columns');
  const list = (name: string, required = true): readonly unknown[] => {
    const c: unknown = Reflect.get(value, name);
    if (Array.isArray(c)) return c;
    if (c === undefined && !required) return [];
    throw fail(`column ${name} is missing`);
  };
  const ints = (name: IntColumn): Int32Array => {
    const c: unknown = Reflect.get(value, name);
    if (c === undefined && OPTIONAL.some((n) => n === name)) return NO_INTS;
    const decoded =
      typeof c === 'string'
        ? decodeInts(c)
        : Array.isArray(c) && c.every((v) => Number.isInteger(v))
          ? Int32Array.from(c)
          : null;
    if (!decoded) throw fail(`column ${name} is not readable`);
    return decoded;
  };
  const kinds = Kinds.safeParse(Reflect.get(value, 'kinds'));
  const flagNames = Flags.safeParse(Reflect.get(value, 'flagNames'));
  if (!kinds.success || !flagNames.success) throw fail('unknown kinds or flags');
  const strings = list('strings');
  const joined: unknown = Reflect.get(value, 'sources');
  const frame: Frame = {
    collections: list('collections'),
    sources: typeof joined === 'string' ? joined.split(',') : list('sources'),
    kinds: kinds.data,
    strings,
    ids: list('ids'),
    minuteValues: list('minuteValues'),
    topicLists: decodedLists(list('topicLists', false), strings, (v): v is string => typeof v === 'string', fail),
    flagLists: decodedLists(
      list('flagLists', false),
      flagNames.data,
      (v): v is CheckinFlag => CheckinFlag.safeParse(v).success,
      fail,
    ),
    at: list('at'),
    t: list('t'),
    size: 0,
    ...perColumn(ints),
  };
  frame.size = frame.at.length;
  const entries = frame.sources.length;
  const counted = frame.counts.reduce((n, c) => n + c, 0);
  const rowColumns = [...PER_ROW, ...OPTIONAL].map((name) => frame[name]).filter((c) => c !== NO_INTS);
  if (
    counted !== frame.size ||
    frame.counts.length !== entries ||
    frame.collection.length !== entries ||
    frame.t.length !== frame.size ||
    rowColumns.some((c) => c.length !== frame.size)
  )
    throw fail('columns of different lengths');
  return frame;
}

/** Lists the rows share (topics, flags), each element an index into its table. */
function decodedLists<T>(
  lists: readonly unknown[],
  table: readonly unknown[],
  is: (v: unknown) => v is T,
  fail: (why: string) => Error,
): T[][] {
  return lists.map((l) => {
    if (!Array.isArray(l)) throw fail('a list is not a list');
    return l.map((k: unknown) => {
      const v = typeof k === 'number' ? table[k] : undefined;
      if (!is(v)) throw fail('a list names nothing');
      return v;
    });
  });
}

/** A reader of one frame's rows: field by field, each value checked as it is taken. */
function rowReader(frame: Frame, digestId: string) {
  const fail = (i: number, field: string) => new Error(`dutyDigests/${digestId}: row ${i} has no readable ${field}`);
  const text = (column: Int32Array, i: number): string | undefined => {
    const k = column[i];
    const s = k !== undefined && k >= 0 ? frame.strings[k] : undefined;
    return typeof s === 'string' ? s : undefined;
  };
  return {
    id(i: number, own: string): string {
      const k = frame.id[i] ?? NONE;
      if (k < 0) return own;
      const id = frame.ids[k];
      if (typeof id !== 'string') throw fail(i, 'id');
      return id;
    },
    kind(i: number): DutyRecordKind {
      const k = frame.kind[i];
      const kind = k === undefined ? undefined : frame.kinds[k];
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
      const k = frame.minutes[i];
      const m = k !== undefined && k >= 0 ? frame.minuteValues[k] : undefined;
      return typeof m === 'number' ? m : undefined;
    },
    documented(i: number): boolean | undefined {
      const d = frame.documented[i];
      return d === 1 ? true : d === 0 ? false : undefined;
    },
    /** Shared with the digest's other rows of the same topics. */
    topics(i: number): string[] | undefined {
      const k = frame.topics[i];
      return k !== undefined && k >= 0 ? frame.topicLists[k] : undefined;
    },
    flags(i: number): CheckinFlag[] | undefined {
      const k = frame.flags[i];
      return k !== undefined && k >= 0 ? frame.flagLists[k] : undefined;
    },
  };
}

/** Each entry: its collection, its source's id (the id a row without its own has) and its rows' range. */
function eachEntry(
  frame: Frame,
  digestId: string,
  callback: (collection: string, id: string, from: number, to: number) => void,
): void {
  let i = 0;
  frame.sources.forEach((id, e) => {
    const count = frame.counts[e];
    const c = frame.collection[e];
    const collection = c === undefined ? undefined : frame.collections[c];
    if (typeof id !== 'string' || count === undefined || typeof collection !== 'string')
      throw new Error(`dutyDigests/${digestId}: entry ${e} is not readable`);
    callback(collection, id, i, i + count);
    i += count;
  });
}

/** The entries of a stored digest (any format); a text that is none is an error naming the digest. */
export function unpackEntries(digest: { _id: string; entries: string }): DigestEntry[] {
  const value: unknown = JSON.parse(digest.entries);
  // Format 1: each entry was parsed with DigestEntry when written (noteDutySource, the rebuild).
  if (Array.isArray(value)) return value as DigestEntry[];
  const frame = frameOf(digest, value);
  const read = rowReader(frame, digest._id);
  const entries: DigestEntry[] = [];
  eachEntry(frame, digest._id, (collection, own, from, to) => {
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
  eachEntry(frame, digest._id, (_collection, own, from, to) => {
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
