import { randomBytes } from 'node:crypto';
import type { AppCollections, DocOf, Registry } from './collections';
import { InvalidDocumentError } from './errors';

/**
 * The store port: the narrow subset that both SQLite and the CloudBase document database
 * support. Handlers and domain services only ever see this interface.
 */

/** Largest page either backend returns in one call (CloudBase's own cap). */
export const MAX_PAGE = 1000;

export type Scalar = string | number | boolean | null;

/** A condition on one field: a bare value means equality. */
export type Condition =
  | Scalar
  | { eq?: Scalar; neq?: Scalar; gt?: Scalar; gte?: Scalar; lt?: Scalar; lte?: Scalar; in?: Scalar[]; nin?: Scalar[] };

/** Field path (dots for nested fields) → condition; all conditions must hold. */
export type Where = Record<string, Condition>;

export type Order = { field: string; direction: 'asc' | 'desc' };

export type Query = {
  where?: Where;
  orderBy?: Order[];
  skip?: number;
  /** Capped at MAX_PAGE; defaults to 100 as in CloudBase. */
  limit?: number;
};

/** Fields the store adds to every document. */
export type Meta = {
  _id: string;
  _version: number;
  createdBy: string;
  createdAt: string;
  updatedBy: string;
  updatedAt: string;
};

export type Stored<T> = T & Meta;

/** Who writes and when: every write carries it, so every document records it. */
export type WriteContext = { by: string; at: string };

export type NewDoc = Record<string, unknown> & { _id?: string };

export {
  BadDocumentError,
  DuplicateIdError,
  InvalidDocumentError,
  NotFoundError,
  RejectedDocumentError,
  VersionConflictError,
} from './errors';

/** A new document of a collection: its schema's fields; the id may be left to the store. */
export type NewDocOf<C extends keyof R & string, R extends Registry = AppCollections> = WithOptionalId<DocOf<C, R>>;
type WithOptionalId<T> = T extends unknown
  ? { [K in keyof T as K extends '_id' ? never : K]: T[K] } & { _id?: string }
  : never;
/** Top-level fields to replace; the store's own fields are ignored. */
export type PatchOf<C extends keyof R & string, R extends Registry = AppCollections> = Partial<DocOf<C, R>>;

/**
 * Single-document operations only: CloudBase transactions allow nothing else. Collections are
 * named by the registry (collections.ts), and each returns its own document type: no caller picks T.
 */
export interface TxStore<R extends Registry = AppCollections> {
  /** A stored document that no longer matches its schema fails with BadDocumentError (collection and id). */
  get<C extends keyof R & string>(collection: C, id: string): Promise<Stored<DocOf<C, R>> | null>;
  /** The document is checked against the collection's schema first: a mismatch is a RejectedDocumentError and writes nothing. */
  add<C extends keyof R & string>(collection: C, doc: NewDocOf<C, R>, ctx: WriteContext): Promise<Stored<DocOf<C, R>>>;
  /**
   * Replace top-level fields (meta fields and undefined values in `patch` are ignored); fails with
   * NotFoundError when the id is missing, VersionConflictError unless the stored version is
   * `expectedVersion`, and RejectedDocumentError when the result would not match the schema.
   */
  update<C extends keyof R & string>(
    collection: C,
    id: string,
    patch: PatchOf<C, R>,
    expectedVersion: number,
    ctx: WriteContext,
  ): Promise<Stored<DocOf<C, R>>>;
  remove(collection: keyof R & string, id: string): Promise<void>;
}

export interface Store<R extends Registry = AppCollections> extends TxStore<R> {
  /** A stored document that does not match its schema is reported (onBadDocument) and left out. */
  query<C extends keyof R & string>(collection: C, query?: Query): Promise<Stored<DocOf<C, R>>[]>;
  count(collection: keyof R & string, where?: Where): Promise<number>;
  /**
   * Insert many documents; ids that already exist are skipped (not overwritten), so a repeated
   * chunk of a resumable import adds nothing. Returns how many were inserted. Every document is
   * checked first: one that does not match the schema fails the call and nothing is written.
   */
  addMany<C extends keyof R & string>(
    collection: C,
    docs: readonly NewDocOf<C, R>[],
    ctx: WriteContext,
  ): Promise<number>;
  /** Runs `fn` atomically: every write inside lands, or none does. */
  transaction<T>(fn: (tx: TxStore<R>) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/** Reads every page of a query (each ≤ MAX_PAGE rows): for callers that truly need all rows. */
export async function queryAll<C extends keyof R & string, R extends Registry = AppCollections>(
  store: Store<R>,
  collection: C,
  query: Omit<Query, 'skip' | 'limit'> = {},
): Promise<Stored<DocOf<C, R>>[]> {
  const out: Stored<DocOf<C, R>>[] = [];
  for (let skip = 0; ; skip += MAX_PAGE) {
    const page = await store.query(collection, { ...query, skip, limit: MAX_PAGE });
    out.push(...page);
    if (page.length < MAX_PAGE) return out;
  }
}

/** Values per `in` condition: one batch is one query (CloudBase caps the size of an `in` list). */
const IN_BATCH = 500;

/**
 * Every document whose `field` is one of `values` (deduplicated, sorted so batches repeat), read
 * with `queryAll` one batch of values at a time; `query` adds conditions and an order per batch.
 */
export async function queryIn<C extends keyof R & string, R extends Registry = AppCollections>(
  store: Store<R>,
  collection: C,
  field: string,
  values: Iterable<string>,
  query: Omit<Query, 'skip' | 'limit'> = {},
): Promise<Stored<DocOf<C, R>>[]> {
  const list = [...new Set(values)].sort();
  const out: Stored<DocOf<C, R>>[] = [];
  for (let i = 0; i < list.length; i += IN_BATCH)
    out.push(
      ...(await queryAll(store, collection, {
        ...query,
        where: { ...query.where, [field]: { in: list.slice(i, i + IN_BATCH) } },
      })),
    );
  return out;
}

// ---- Shared by the adapters, so SQLite and CloudBase accept and reject the same things. ----

/** Fields the store owns: what a caller puts in them on add/update is replaced or ignored. */
export const META_FIELDS: readonly string[] = ['_id', '_version', 'createdBy', 'createdAt', 'updatedBy', 'updatedAt'];

/** Sortable id: milliseconds in base 36 (fixed width until 5188) then 48 random bits. */
export function newId(now: number = Date.now()): string {
  return now.toString(36).padStart(9, '0') + randomBytes(6).toString('hex');
}

/**
 * Both backends keep JSON: reject what JSON would silently change (Date, NaN, undefined in an
 * array, class instances) and keys CloudBase refuses (a dot or a leading `$`). Undefined object
 * properties are dropped, as JSON does.
 */
export function assertJsonDocument(value: unknown, where: string): asserts value is Record<string, unknown> {
  if (!isPlainObject(value)) throw new InvalidDocumentError(`${where}: a document must be a plain object`);
  checkJson(value, where);
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

function checkJson(value: unknown, path: string): void {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return;
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new InvalidDocumentError(`${path}: ${value} is not a JSON number`);
    return;
  }
  if (Array.isArray(value)) {
    value.forEach((item, i) => {
      if (item === undefined) throw new InvalidDocumentError(`${path}[${i}]: undefined in an array`);
      checkJson(item, `${path}[${i}]`);
    });
    return;
  }
  if (isPlainObject(value)) {
    for (const key of Object.keys(value)) {
      if (key.includes('.') || key.startsWith('$') || key === '')
        throw new InvalidDocumentError(`${path}: key "${key}" is not allowed`);
      const item = value[key];
      if (item !== undefined) checkJson(item, `${path}.${key}`);
    }
    return;
  }
  throw new InvalidDocumentError(`${path}: ${describe(value)} is not JSON`);
}

function describe(value: unknown): string {
  if (typeof value === 'object' && value !== null) return value.constructor?.name ?? 'object';
  return typeof value;
}

export const DEFAULT_PAGE = 100;

/** Skip and limit as both backends apply them: limit defaults to 100 and is capped at MAX_PAGE. */
export function pageOf(query: Query): { skip: number; limit: number } {
  const skip = query.skip ?? 0;
  const limit = query.limit ?? DEFAULT_PAGE;
  if (!Number.isInteger(skip) || skip < 0)
    throw new InvalidDocumentError(`skip must be a whole number ≥ 0, got ${skip}`);
  if (!Number.isInteger(limit) || limit < 1)
    throw new InvalidDocumentError(`limit must be a whole number ≥ 1, got ${limit}`);
  return { skip, limit: Math.min(limit, MAX_PAGE) };
}

export type FieldTest =
  { op: 'eq' | 'neq' | 'gt' | 'gte' | 'lt' | 'lte'; value: Scalar } | { op: 'in' | 'nin'; values: Scalar[] };

/** A condition as a checked list of tests, so both adapters read conditions the same way. */
export function testsOf(field: string, condition: Condition): FieldTest[] {
  if (condition === null || typeof condition !== 'object') return [{ op: 'eq', value: scalar(field, condition) }];
  const tests: FieldTest[] = [];
  for (const [op, operand] of Object.entries(condition)) {
    if (operand === undefined) continue;
    if (op === 'in' || op === 'nin') {
      if (!Array.isArray(operand)) throw new InvalidDocumentError(`${field}.${op} must be a list`);
      tests.push({ op, values: operand.map((v: unknown) => scalar(field, v)) });
    } else if (isSingleOp(op)) {
      tests.push({ op, value: scalar(field, operand) });
    } else {
      throw new InvalidDocumentError(`${field}: unknown operator "${op}"`);
    }
  }
  if (tests.length === 0) throw new InvalidDocumentError(`${field}: empty condition`);
  return tests;
}

function isSingleOp(op: string): op is 'eq' | 'neq' | 'gt' | 'gte' | 'lt' | 'lte' {
  return op === 'eq' || op === 'neq' || op === 'gt' || op === 'gte' || op === 'lt' || op === 'lte';
}

function scalar(field: string, value: unknown): Scalar {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  throw new InvalidDocumentError(
    `${field}: ${typeof value === 'number' ? String(value) : describe(value)} is not a string, number, boolean or null`,
  );
}

export function assertWriteContext(ctx: WriteContext): void {
  if (typeof ctx?.by !== 'string' || ctx.by === '' || typeof ctx.at !== 'string' || ctx.at === '') {
    throw new InvalidDocumentError('a write needs who (by) and when (at)');
  }
}

/** The caller's fields with the store's own fields removed. */
export function withoutMeta(doc: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(doc)) {
    const value = doc[key];
    if (value !== undefined && !metaFields.has(key)) out[key] = value;
  }
  return out;
}

const metaFields = new Set(META_FIELDS);
