import { randomBytes } from 'node:crypto';

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

export class VersionConflictError extends Error {
  constructor(
    readonly collection: string,
    readonly id: string,
  ) {
    super(`version conflict on ${collection}/${id}`);
    this.name = 'VersionConflictError';
  }
}

export class DuplicateIdError extends Error {
  constructor(
    readonly collection: string,
    readonly id: string,
  ) {
    super(`duplicate id ${collection}/${id}`);
    this.name = 'DuplicateIdError';
  }
}

/** `update` on an id that does not exist. */
export class NotFoundError extends Error {
  constructor(
    readonly collection: string,
    readonly id: string,
  ) {
    super(`no document ${collection}/${id}`);
    this.name = 'NotFoundError';
  }
}

/** A document or value the store cannot keep as JSON, or a name it will not accept. */
export class InvalidDocumentError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InvalidDocumentError';
  }
}

/** Single-document operations only: CloudBase transactions allow nothing else. */
export interface TxStore {
  get<T>(collection: string, id: string): Promise<Stored<T> | null>;
  add<T extends NewDoc>(collection: string, doc: T, ctx: WriteContext): Promise<Stored<T>>;
  /**
   * Replace top-level fields (meta fields and undefined values in `patch` are ignored); fails with
   * NotFoundError when the id is missing and VersionConflictError unless the stored version is
   * `expectedVersion`.
   */
  update<T>(collection: string, id: string, patch: Partial<T>, expectedVersion: number, ctx: WriteContext): Promise<Stored<T>>;
  remove(collection: string, id: string): Promise<void>;
}

export interface Store extends TxStore {
  query<T>(collection: string, query?: Query): Promise<Stored<T>[]>;
  count(collection: string, where?: Where): Promise<number>;
  /**
   * Insert many documents; ids that already exist are skipped (not overwritten), so a repeated
   * chunk of a resumable import adds nothing. Returns how many were inserted.
   */
  addMany(collection: string, docs: NewDoc[], ctx: WriteContext): Promise<number>;
  /** Runs `fn` atomically: every write inside lands, or none does. */
  transaction<R>(fn: (tx: TxStore) => Promise<R>): Promise<R>;
  close(): Promise<void>;
}

/** Reads every page of a query (each ≤ MAX_PAGE rows): for callers that truly need all rows. */
export async function queryAll<T>(store: Store, collection: string, query: Omit<Query, 'skip' | 'limit'> = {}): Promise<Stored<T>[]> {
  const out: Stored<T>[] = [];
  for (let skip = 0; ; skip += MAX_PAGE) {
    const page = await store.query<T>(collection, { ...query, skip, limit: MAX_PAGE });
    out.push(...page);
    if (page.length < MAX_PAGE) return out;
  }
}

// ---- Shared by the adapters, so SQLite and CloudBase accept and reject the same things. ----

/** Fields the store owns: what a caller puts in them on add/update is replaced or ignored. */
export const META_FIELDS: readonly string[] = ['_id', '_version', 'createdBy', 'createdAt', 'updatedBy', 'updatedAt'];

/** Sortable id: milliseconds in base 36 (fixed width until 5188) then 48 random bits. */
export function newId(now: number = Date.now()): string {
  return now.toString(36).padStart(9, '0') + randomBytes(6).toString('hex');
}

/** The one unchecked step from stored data to the caller's type: meta fields are checked, T is taken on trust. */
export function isStored<T>(doc: Record<string, unknown>): doc is Record<string, unknown> & Stored<T> {
  return typeof doc._id === 'string' && typeof doc._version === 'number';
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
      if (key.includes('.') || key.startsWith('$') || key === '') throw new InvalidDocumentError(`${path}: key "${key}" is not allowed`);
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
  if (!Number.isInteger(skip) || skip < 0) throw new InvalidDocumentError(`skip must be a whole number ≥ 0, got ${skip}`);
  if (!Number.isInteger(limit) || limit < 1) throw new InvalidDocumentError(`limit must be a whole number ≥ 1, got ${limit}`);
  return { skip, limit: Math.min(limit, MAX_PAGE) };
}

export type FieldTest = { op: 'eq' | 'neq' | 'gt' | 'gte' | 'lt' | 'lte'; value: Scalar } | { op: 'in' | 'nin'; values: Scalar[] };

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
  throw new InvalidDocumentError(`${field}: ${String(value)} is not a string, number, boolean or null`);
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
