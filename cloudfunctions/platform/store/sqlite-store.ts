import Database from 'better-sqlite3';
import { AsyncLocalStorage } from 'node:async_hooks';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import {
  assertCollectionName,
  assertFieldPath,
  collections,
  specOf,
  type AppCollections,
  type DocOf,
  type IndexSpec,
  type Registry,
} from './collections';
import { documentCheck, type DocumentCheckOptions } from './document-check';
import {
  DuplicateIdError,
  InvalidDocumentError,
  NotFoundError,
  VersionConflictError,
  assertJsonDocument,
  assertWriteContext,
  newId,
  pageOf,
  testsOf,
  withoutMeta,
  type NewDoc,
  type Query,
  type Scalar,
  type Store,
  type Stored,
  type FieldTest,
  type TxStore,
  type Where,
  type WriteContext,
} from './store';

/**
 * The store on one SQLite file: a table per collection, `(id, version, doc JSON)`, with
 * expression indexes on the fields collections.ts declares. Conditions follow CloudBase
 * (MongoDB) semantics: eq null also matches a missing field, neq/nin match missing fields,
 * and comparisons only match values of the same JSON type. Outside the contract: conditions on
 * array fields (CloudBase matches any element, SQLite the whole array) and the order of booleans
 * among mixed-type values.
 */
export type SqliteStoreOptions = DocumentCheckOptions;

export interface SqliteStore<R extends Registry = AppCollections> extends Store<R> {
  /** SQLite's plan for a query, so tests and benchmarks can check an index is used. */
  explain(collection: keyof R & string, query?: Query): string[];
}

type Row = { id: string; version: number; doc: string };

function isRow(value: unknown): value is Row {
  return (
    typeof value === 'object' &&
    value !== null &&
    'id' in value &&
    typeof value.id === 'string' &&
    'version' in value &&
    typeof value.version === 'number' &&
    'doc' in value &&
    typeof value.doc === 'string'
  );
}

function bodyOf(row: Row): Record<string, unknown> {
  const body: unknown = JSON.parse(row.doc);
  if (typeof body !== 'object' || body === null || Array.isArray(body)) throw new Error(`corrupt document ${row.id}`);
  return { ...body };
}

/** The document as stored, before its schema has looked at it. */
function docOf(row: Row): Record<string, unknown> {
  return { _id: row.id, ...bodyOf(row), _version: row.version };
}

const table = (collection: string): string => {
  assertCollectionName(collection);
  return `"${collection}"`;
};

/** A field as SQL: its value (for comparing, ordering and indexing) and its JSON type. */
function field(path: string): { value: string; type: string } {
  if (path === '_id') return { value: 'id', type: "'text'" };
  if (path === '_version') return { value: 'version', type: "'integer'" };
  assertFieldPath(path);
  // The same text as the index expression, so SQLite can use the index.
  return { value: `json_extract(doc,'$.${path}')`, type: `json_type(doc,'$.${path}')` };
}

/** Only values of the same JSON type compare, as in CloudBase: 1 ≠ '1' ≠ true. */
function sameType(type: string, value: string | number | boolean): string {
  if (typeof value === 'string') return `${type} = 'text'`;
  if (typeof value === 'number') return `${type} IN ('integer','real')`;
  return `${type} IN ('true','false')`;
}

const bindable = (value: string | number | boolean): string | number =>
  typeof value === 'boolean' ? (value ? 1 : 0) : value;

const sqlOp = { gt: '>', gte: '>=', lt: '<', lte: '<=' } as const;

/** One test as SQL that is true, or false/NULL (both exclude the row). */
function testSql(f: { value: string; type: string }, test: FieldTest, params: unknown[]): string {
  switch (test.op) {
    case 'eq':
      return equals(f, test.value, params);
    case 'neq':
      return `NOT COALESCE(${equals(f, test.value, params)}, 0)`;
    case 'in':
      return oneOf(f, test.values, params);
    case 'nin':
      return `NOT COALESCE(${oneOf(f, test.values, params)}, 0)`;
    default: {
      const { value } = test;
      // Nothing sorts above or below null; gte/lte null is equality with null.
      if (value === null) return test.op === 'gte' || test.op === 'lte' ? `${f.value} IS NULL` : '0';
      params.push(bindable(value));
      return `(${f.value} ${sqlOp[test.op]} ? AND ${sameType(f.type, value)})`;
    }
  }
}

function equals(f: { value: string; type: string }, value: Scalar, params: unknown[]): string {
  if (value === null) return `${f.value} IS NULL`;
  params.push(bindable(value));
  return `(${f.value} = ? AND ${sameType(f.type, value)})`;
}

function oneOf(f: { value: string; type: string }, values: Scalar[], params: unknown[]): string {
  const parts: string[] = [];
  if (values.includes(null)) parts.push(`${f.value} IS NULL`);
  for (const kind of ['string', 'number', 'boolean'] as const) {
    const group = values.filter((v): v is string | number | boolean => v !== null && typeof v === kind);
    if (group.length === 0) continue;
    params.push(...group.map(bindable));
    parts.push(`(${f.value} IN (${group.map(() => '?').join(',')}) AND ${sameType(f.type, group[0] ?? '')})`);
  }
  return parts.length === 0 ? '0' : `(${parts.join(' OR ')})`;
}

function whereSql(where: Where | undefined, params: unknown[]): string {
  const parts: string[] = [];
  for (const [path, condition] of Object.entries(where ?? {})) {
    if (condition === undefined) continue;
    const f = field(path);
    for (const test of testsOf(path, condition)) parts.push(testSql(f, test, params));
  }
  return parts.length === 0 ? '' : ` WHERE ${parts.join(' AND ')}`;
}

function orderSql(query: Query): string {
  const orders = query.orderBy ?? [];
  const parts = orders.map(({ field: path, direction }) => {
    if (direction !== 'asc' && direction !== 'desc')
      throw new InvalidDocumentError(`order direction must be asc or desc, got ${String(direction)}`);
    return `${field(path).value} ${direction.toUpperCase()}`;
  });
  // Ties broken by id, so skip/limit pages neither repeat nor miss rows.
  if (!orders.some((o) => o.field === '_id')) parts.push('id ASC');
  return ` ORDER BY ${parts.join(', ')}`;
}

function indexSql(collection: string, index: IndexSpec): string {
  const paths = typeof index === 'string' ? [index] : [...index];
  const columns = paths.map((path) => field(path).value);
  return `CREATE INDEX IF NOT EXISTS "${collection}__${paths.join('+')}" ON ${table(collection)}(${columns.join(', ')})`;
}

function assertId(id: unknown, collection: string): asserts id is string {
  if (typeof id !== 'string' || id === '')
    throw new InvalidDocumentError(`${collection}: _id must be a non-empty string`);
}

/**
 * By code, not `instanceof SqliteError`: the native addon keeps the error class of the first
 * module instance that loaded it, so under several module registries (jest workers) the class
 * differs from the one this module sees.
 */
function isDuplicate(error: unknown): boolean {
  // Not `instanceof Error` either: that class may come from another realm (jest's vm contexts).
  const code: unknown = typeof error === 'object' && error !== null ? Reflect.get(error, 'code') : undefined;
  return code === 'SQLITE_CONSTRAINT_PRIMARYKEY' || code === 'SQLITE_CONSTRAINT_UNIQUE';
}

/** Runs one task at a time, in call order: a transaction holds it across its awaits. */
class Gate {
  private tail: Promise<unknown> = Promise.resolve();

  run<R>(task: () => R | Promise<R>): Promise<R> {
    const result = this.tail.then(task);
    this.tail = result.catch(() => undefined);
    return result;
  }
}

/** The product's store on one SQLite file, its collections and schemas from the registry. */
export function openSqliteStore(file: string, options: SqliteStoreOptions = {}): SqliteStore {
  return openSqliteStoreOf(collections, file, options);
}

/** A store on one SQLite file for the collections of `registry` (the contract suite brings its own). */
export function openSqliteStoreOf<R extends Registry>(
  registry: R,
  file: string,
  options: SqliteStoreOptions = {},
): SqliteStore<R> {
  const memory = file === ':memory:' || file === '';
  if (!memory) mkdirSync(dirname(file), { recursive: true });
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('busy_timeout = 5000');
  // 64 MB of page cache and checkpoints every ~40 MB of WAL: bulk imports of millions of grades
  // stay well under a minute, and fsyncs happen ten times less often than by default.
  db.pragma('cache_size = -65536');
  db.pragma('wal_autocheckpoint = 10000');

  const check = documentCheck(registry, options);
  type Name = keyof R & string;
  const ready = new Set<string>();
  const statements = new Map<string, Database.Statement>();
  const gate = new Gate();
  const inTransaction = new AsyncLocalStorage<true>();
  let closed = false;

  function statement(sql: string): Database.Statement {
    let prepared = statements.get(sql);
    if (!prepared) {
      if (statements.size > 500) statements.clear();
      prepared = db.prepare(sql);
      statements.set(sql, prepared);
    }
    return prepared;
  }

  /** Tables come into being on first use, with their declared indexes. */
  function ensure(collection: string): string {
    const name = table(collection);
    if (!ready.has(collection)) {
      const { indexes } = specOf(registry, collection);
      db.exec(`CREATE TABLE IF NOT EXISTS ${name} (id TEXT PRIMARY KEY, version INTEGER NOT NULL, doc TEXT NOT NULL)`);
      for (const index of indexes) db.exec(indexSql(collection, index));
      ready.add(collection);
    }
    return name;
  }

  function readRow(collection: string, id: string): Row | null {
    const row: unknown = statement(`SELECT id, version, doc FROM ${ensure(collection)} WHERE id = ?`).get(id);
    if (row === undefined) return null;
    if (!isRow(row)) throw new Error(`corrupt row in ${collection}`);
    return row;
  }

  function audit(ctx: WriteContext, created?: { createdBy: unknown; createdAt: unknown }) {
    return {
      createdBy: created ? created.createdBy : ctx.by,
      createdAt: created ? created.createdAt : ctx.at,
      updatedBy: ctx.by,
      updatedAt: ctx.at,
    };
  }

  function selectSql(collection: string, query: Query, params: unknown[]): string {
    const { skip, limit } = pageOf(query);
    const sql = `SELECT id, version, doc FROM ${ensure(collection)}${whereSql(query.where, params)}${orderSql(query)} LIMIT ? OFFSET ?`;
    params.push(limit, skip);
    return sql;
  }

  // Single-document work, shared by the store and the transaction handle.
  const ops = {
    get<C extends Name>(collection: C, id: string): Stored<DocOf<C, R>> | null {
      const row = readRow(collection, id);
      return row ? check.one(collection, docOf(row)) : null;
    },
    add<C extends Name>(collection: C, doc: NewDoc, ctx: WriteContext): Stored<DocOf<C, R>> {
      assertJsonDocument(doc, collection);
      assertWriteContext(ctx);
      const id = doc._id ?? newId();
      assertId(id, collection);
      const body = JSON.stringify({ ...withoutMeta(doc), ...audit(ctx) });
      const stored = check.write(collection, docOf({ id, version: 1, doc: body }));
      try {
        statement(`INSERT INTO ${ensure(collection)} (id, version, doc) VALUES (?, 1, ?)`).run(id, body);
      } catch (error) {
        if (isDuplicate(error)) throw new DuplicateIdError(collection, id);
        throw error;
      }
      return stored;
    },
    update<C extends Name>(
      collection: C,
      id: string,
      patch: Record<string, unknown>,
      expectedVersion: number,
      ctx: WriteContext,
    ): Stored<DocOf<C, R>> {
      assertJsonDocument(patch, `${collection}/${id}`);
      assertWriteContext(ctx);
      if (!Number.isInteger(expectedVersion)) throw new InvalidDocumentError('expectedVersion must be a whole number');
      const row = readRow(collection, id);
      if (!row) throw new NotFoundError(collection, id);
      if (row.version !== expectedVersion) throw new VersionConflictError(collection, id);
      const before = bodyOf(row);
      const body = JSON.stringify({
        ...before,
        ...withoutMeta(patch),
        ...audit(ctx, { createdBy: before.createdBy, createdAt: before.createdAt }),
      });
      const stored = check.write(collection, docOf({ id, version: expectedVersion + 1, doc: body }));
      const result = statement(
        `UPDATE ${ensure(collection)} SET version = version + 1, doc = ? WHERE id = ? AND version = ?`,
      ).run(body, id, expectedVersion);
      if (result.changes !== 1) throw new VersionConflictError(collection, id);
      return stored;
    },
    remove(collection: Name, id: string): void {
      statement(`DELETE FROM ${ensure(collection)} WHERE id = ?`).run(id);
    },
  };

  /** Every call from outside a transaction waits its turn, so none lands inside an open one. */
  function outside<R>(what: string, task: () => R): Promise<R> {
    if (inTransaction.getStore()) {
      return Promise.reject(
        new Error(`store.${what}() called inside store.transaction(): use the tx handle passed to the callback`),
      );
    }
    return gate.run(() => {
      if (closed) throw new Error('store is closed');
      return task();
    });
  }

  function txHandle(): { handle: TxStore<R>; end(): void } {
    let open = true;
    const live = <R>(task: () => R): Promise<R> =>
      open ? Promise.resolve().then(task) : Promise.reject(new Error('transaction already finished'));
    return {
      handle: {
        get: (collection, id) => live(() => ops.get(collection, id)),
        add: (collection, doc, ctx) => live(() => ops.add(collection, doc, ctx)),
        update: (collection, id, patch, expectedVersion, ctx) =>
          live(() => ops.update(collection, id, patch, expectedVersion, ctx)),
        remove: (collection, id) => live(() => ops.remove(collection, id)),
      },
      end: () => {
        open = false;
      },
    };
  }

  return {
    get: (collection, id) => outside('get', () => ops.get(collection, id)),
    add: (collection, doc, ctx) => outside('add', () => ops.add(collection, doc, ctx)),
    update: (collection, id, patch, expectedVersion, ctx) =>
      outside('update', () => ops.update(collection, id, patch, expectedVersion, ctx)),
    remove: (collection, id) => outside('remove', () => ops.remove(collection, id)),

    query<C extends Name>(collection: C, query: Query = {}) {
      return outside('query', () => {
        const params: unknown[] = [];
        const rows = statement(selectSql(collection, query, params)).all(...params);
        const docs = rows.map((row) => {
          if (!isRow(row)) throw new Error(`corrupt row in ${collection}`);
          return docOf(row);
        });
        return check.many(collection, docs);
      });
    },

    count: (collection, where) =>
      outside('count', () => {
        const params: unknown[] = [];
        const row: unknown = statement(`SELECT COUNT(*) AS n FROM ${ensure(collection)}${whereSql(where, params)}`).get(
          ...params,
        );
        if (typeof row !== 'object' || row === null || !('n' in row) || typeof row.n !== 'number')
          throw new Error('count failed');
        return row.n;
      }),

    addMany: (collection, docs, ctx) =>
      outside('addMany', () => {
        assertWriteContext(ctx);
        const name = ensure(collection);
        // Audit JSON is the same for every row: splice it in rather than rebuild each object.
        const auditJson = JSON.stringify(audit(ctx)).slice(1, -1);
        const stamp = audit(ctx);
        const rows = docs.map((doc: NewDoc) => {
          assertJsonDocument(doc, collection);
          const id = doc._id ?? newId();
          assertId(id, collection);
          const fields = withoutMeta(doc);
          check.write(collection, { _id: id, ...fields, ...stamp, _version: 1 });
          const json = JSON.stringify(fields);
          return [id, json.length > 2 ? `${json.slice(0, -1)},${auditJson}}` : `{${auditJson}}`] as const;
        });
        const insert = statement(`INSERT OR IGNORE INTO ${name} (id, version, doc) VALUES (?, 1, ?)`);
        return db.transaction(() =>
          rows.reduce((inserted, [id, body]) => inserted + insert.run(id, body).changes, 0),
        )();
      }),

    transaction<T>(fn: (tx: TxStore<R>) => Promise<T>): Promise<T> {
      if (inTransaction.getStore()) {
        return Promise.reject(
          new Error('store.transaction() called inside a transaction: pass the tx handle on instead'),
        );
      }
      return gate.run(async () => {
        if (closed) throw new Error('store is closed');
        const tx = txHandle();
        statement('BEGIN IMMEDIATE').run();
        try {
          const result = await inTransaction.run(true, () => fn(tx.handle));
          statement('COMMIT').run();
          return result;
        } catch (error) {
          if (db.inTransaction) statement('ROLLBACK').run();
          // Tables created inside the transaction are gone again.
          ready.clear();
          throw error;
        } finally {
          tx.end();
        }
      });
    },

    explain: (collection, query = {}) => {
      const params: unknown[] = [];
      const rows = db.prepare(`EXPLAIN QUERY PLAN ${selectSql(collection, query, params)}`).all(...params);
      return rows.map((row) => (typeof row === 'object' && row !== null && 'detail' in row ? String(row.detail) : ''));
    },

    close: () => {
      if (inTransaction.getStore()) return Promise.reject(new Error('store.close() called inside a transaction'));
      return gate.run(() => {
        if (closed) return;
        closed = true;
        statements.clear();
        db.close();
      });
    },
  };
}
