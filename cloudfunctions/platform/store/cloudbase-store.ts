import { init, SYMBOL_CURRENT_ENV } from '@cloudbase/node-sdk';
import type { Database } from '@cloudbase/node-sdk/types/db';
import { AsyncLocalStorage } from 'node:async_hooks';
import { z } from 'zod';
import { assertFieldPath, collections, specOf, type DocOf, type Registry } from './collections';
import { documentCheck, type DocumentCheckOptions } from './document-check';
import {
  DuplicateIdError,
  InvalidDocumentError,
  MAX_PAGE,
  NotFoundError,
  VersionConflictError,
  assertJsonDocument,
  assertWriteContext,
  newId,
  pageOf,
  testsOf,
  withoutMeta,
  type NewDoc,
  type Store,
  type Stored,
  type FieldTest,
  type TxStore,
  type Where,
  type WriteContext,
} from './store';

/**
 * The store on the CloudBase document database (@cloudbase/node-sdk 3.x). In a cloud function
 * it uses the function's own environment; from outside the cloud pass an env id and an API key.
 */
export type CloudbaseStoreOptions = { env?: string; secretId?: string; secretKey?: string } & DocumentCheckOptions;

type Db = ReturnType<ReturnType<typeof init>['database']>;
type Command = Db['command'];
type CloudQuery = ReturnType<ReturnType<Db['collection']>['where']>;
/** db.runTransaction as documented; the SDK's Db type leaves it untyped. */
type RunTransaction = (
  callback: (transaction: Database.Transaction) => Promise<void>,
  times?: number,
) => Promise<unknown>;

// What the SDK resolves with, checked rather than trusted (its types say `any`).
const record = z.record(z.unknown());
const listResult = z.object({ data: z.array(record) });
const txGetResult = z.object({ data: z.union([record, z.array(record), z.null()]) });
const countResult = z.object({ total: z.number() });
const updateResult = z.object({ updated: z.number() });
const batchAddResult = z.object({ ids: z.array(z.string()) });
const sdkError = z.object({ code: z.union([z.string(), z.number()]), message: z.string().optional() });

/** Documents per insert call and ids per existence check in addMany (well under the request cap). */
const BATCH = 500;

const codeOf = (error: unknown): string => {
  const parsed = sdkError.safeParse(error);
  return parsed.success ? String(parsed.data.code) : '';
};
const isDuplicate = (error: unknown): boolean =>
  codeOf(error) === 'DATABASE_DUPLICATE_WRITE' || (error instanceof Error && error.message.includes('E11000'));
const isMissingCollection = (error: unknown): boolean => codeOf(error) === 'DATABASE_COLLECTION_NOT_EXIST';

function command(_: Command, test: FieldTest) {
  switch (test.op) {
    case 'eq':
      return _.eq(test.value);
    case 'neq':
      return _.neq(test.value);
    case 'gt':
      return _.gt(test.value);
    case 'gte':
      return _.gte(test.value);
    case 'lt':
      return _.lt(test.value);
    case 'lte':
      return _.lte(test.value);
    case 'in':
      return _.in(test.values);
    case 'nin':
      return _.nin(test.values);
  }
}

/** Where → a CloudBase condition; several tests on one field are joined with `_.and`. */
function conditionOf(_: Command, where: Where): Record<string, unknown> {
  const condition: Record<string, unknown> = {};
  for (const [path, value] of Object.entries(where)) {
    if (value === undefined) continue;
    assertFieldPath(path);
    const tests = testsOf(path, value).map((test) => command(_, test));
    condition[path] = tests.length === 1 ? tests[0] : _.and(...tests);
  }
  return condition;
}

/** Update data: objects and arrays go through `_.set`, else CloudBase would merge them field by field. */
function updateOf(_: Command, fields: Record<string, unknown>): Record<string, unknown> {
  const data: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(fields))
    data[key] = typeof value === 'object' && value !== null ? _.set(value) : value;
  return data;
}

const audit = (ctx: WriteContext) => ({ createdBy: ctx.by, createdAt: ctx.at, updatedBy: ctx.by, updatedAt: ctx.at });

/** The product's store on CloudBase, its collections and schemas from the registry. */
export function openCloudbaseStore(options: CloudbaseStoreOptions = {}): Store {
  return openCloudbaseStoreOf(collections, options);
}

/** A CloudBase store for the collections of `registry` (the contract suite brings its own). */
export function openCloudbaseStoreOf<R extends Registry>(registry: R, options: CloudbaseStoreOptions = {}): Store<R> {
  const app = init(
    options.env
      ? { env: options.env, secretId: options.secretId, secretKey: options.secretKey }
      : { env: SYMBOL_CURRENT_ENV },
  );
  const db: Db = app.database();
  const _ = db.command;
  const runTransaction: RunTransaction = async (callback, times) => {
    const run: unknown = Reflect.get(db, 'runTransaction');
    if (typeof run !== 'function') throw new Error('this CloudBase SDK has no runTransaction');
    const result: unknown = await Reflect.apply(run, db, [callback, times]);
    return result;
  };
  const inTransaction = new AsyncLocalStorage<true>();
  const created = new Set<string>();
  const check = documentCheck(registry, options);
  type Name = keyof R & string;

  const collection = (name: string) => {
    specOf(registry, name);
    return db.collection(name);
  };

  /** Creates a collection once per process; another instance may have won the race, which is fine. */
  async function createCollection(name: string): Promise<boolean> {
    if (created.has(name)) return false;
    created.add(name);
    await Promise.resolve(db.createCollection(name)).catch(() => undefined);
    return true;
  }

  /** Writes to a collection nobody created yet create it, then retry. */
  async function creatingCollection<R>(name: string, write: () => Promise<R>): Promise<R> {
    try {
      return await write();
    } catch (error) {
      if (!isMissingCollection(error) || !(await createCollection(name))) throw error;
      return write();
    }
  }

  /** Reads of a collection that does not exist yet see it empty. */
  async function orEmpty<R>(read: () => Promise<R>, empty: R): Promise<R> {
    try {
      return await read();
    } catch (error) {
      if (isMissingCollection(error)) return empty;
      throw error;
    }
  }

  function outside<R>(what: string, task: () => Promise<R>): Promise<R> {
    if (inTransaction.getStore()) {
      return Promise.reject(
        new Error(`store.${what}() called inside store.transaction(): use the tx handle passed to the callback`),
      );
    }
    return task();
  }

  function newDocument(name: string, doc: NewDoc, ctx: WriteContext): Record<string, unknown> & { _id: string } {
    assertJsonDocument(doc, name);
    const id = doc._id ?? newId();
    if (typeof id !== 'string' || id === '') throw new InvalidDocumentError(`${name}: _id must be a non-empty string`);
    return { ...withoutMeta(doc), ...audit(ctx), _version: 1, _id: id };
  }

  function patchOf(
    name: string,
    id: string,
    patch: unknown,
    expectedVersion: number,
    ctx: WriteContext,
  ): Record<string, unknown> {
    assertJsonDocument(patch, `${name}/${id}`);
    assertWriteContext(ctx);
    if (!Number.isInteger(expectedVersion)) throw new InvalidDocumentError('expectedVersion must be a whole number');
    return { ...withoutMeta(patch), _version: expectedVersion + 1, updatedBy: ctx.by, updatedAt: ctx.at };
  }

  async function get<C extends Name>(name: C, id: string): Promise<Stored<DocOf<C, R>> | null> {
    const result = await orEmpty(async () => listResult.parse(await collection(name).doc(id).get()), { data: [] });
    const doc = result.data[0];
    return doc ? check.one(name, doc) : null;
  }

  async function add<C extends Name>(name: C, doc: NewDoc, ctx: WriteContext): Promise<Stored<DocOf<C, R>>> {
    assertWriteContext(ctx);
    const body = newDocument(name, doc, ctx);
    const stored = check.write(name, body);
    try {
      await creatingCollection(name, () => collection(name).add(body));
    } catch (error) {
      if (isDuplicate(error)) throw new DuplicateIdError(name, body._id);
      throw error;
    }
    return stored;
  }

  async function update<C extends Name>(
    name: C,
    id: string,
    patch: Record<string, unknown>,
    expectedVersion: number,
    ctx: WriteContext,
  ): Promise<Stored<DocOf<C, R>>> {
    const data = patchOf(name, id, patch, expectedVersion, ctx);
    const before = await get(name, id);
    if (!before) throw new NotFoundError(name, id);
    if (before._version !== expectedVersion) throw new VersionConflictError(name, id);
    const after = check.write(name, { ...before, ...data });
    // The version in the condition makes check-and-write one step on the server.
    const result = updateResult.parse(
      await collection(name).where({ _id: id, _version: expectedVersion }).update(updateOf(_, data)),
    );
    if (result.updated !== 1) throw new VersionConflictError(name, id);
    return after;
  }

  async function existingIds(name: string, ids: string[]): Promise<Set<string>> {
    const result = await orEmpty(
      async () =>
        listResult.parse(
          await collection(name)
            .where({ _id: _.in(ids) })
            .field({ _id: true })
            .limit(ids.length)
            .get(),
        ),
      { data: [] },
    );
    return new Set(result.data.map((doc) => String(doc._id)));
  }

  /** Inserts what is not there yet; a racing writer's duplicates fall back to one-by-one inserts. */
  async function insertFresh(name: string, docs: (Record<string, unknown> & { _id: string })[]): Promise<number> {
    const existing = await existingIds(
      name,
      docs.map((d) => d._id),
    );
    const fresh = docs.filter((d) => !existing.has(d._id));
    if (fresh.length === 0) return 0;
    try {
      const result = batchAddResult.parse(await creatingCollection(name, () => collection(name).add(fresh)));
      return result.ids.length;
    } catch (error) {
      if (!isDuplicate(error)) throw error;
      let inserted = 0;
      for (const doc of fresh) {
        try {
          await collection(name).add(doc);
          inserted += 1;
        } catch (single) {
          if (!isDuplicate(single)) throw single;
        }
      }
      return inserted;
    }
  }

  /** `onMissing` learns which collection did not exist, so the transaction can create it and run again. */
  function txHandle(
    transaction: Database.Transaction,
    onMissing: (name: string) => void,
  ): { handle: TxStore<R>; end(): void } {
    let open = true;
    const live = <R>(name: string, task: () => Promise<R>): Promise<R> => {
      if (!open) return Promise.reject(new Error('transaction already finished'));
      return task().catch((error: unknown) => {
        if (isMissingCollection(error)) onMissing(name);
        throw error;
      });
    };
    const txDoc = (name: string, id: string) => {
      specOf(registry, name);
      return transaction.collection(name).doc(id);
    };
    const txGet = async <C extends Name>(name: C, id: string): Promise<Stored<DocOf<C, R>> | null> => {
      const { data } = txGetResult.parse(await txDoc(name, id).get());
      const doc = Array.isArray(data) ? data[0] : data;
      return doc ? check.one(name, doc) : null;
    };
    return {
      handle: {
        get: (name, id) => live(name, () => txGet(name, id)),
        add: (name, doc, ctx) =>
          live(name, async () => {
            assertWriteContext(ctx);
            const body = newDocument(name, doc, ctx);
            const stored = check.write(name, body);
            specOf(registry, name);
            try {
              await transaction.collection(name).add(body);
            } catch (error) {
              if (isDuplicate(error)) throw new DuplicateIdError(name, body._id);
              throw error;
            }
            return stored;
          }),
        update: (name, id, patch, expectedVersion, ctx) =>
          live(name, async () => {
            const data = patchOf(name, id, patch, expectedVersion, ctx);
            // Inside a transaction the read and the write are isolated together: get, check, write.
            const before = await txGet(name, id);
            if (!before) throw new NotFoundError(name, id);
            if (before._version !== expectedVersion) throw new VersionConflictError(name, id);
            const after = check.write(name, { ...before, ...data });
            await txDoc(name, id).update(updateOf(_, data));
            return after;
          }),
        remove: (name, id) =>
          live(name, async () => {
            await txDoc(name, id).remove();
          }),
      },
      end: () => {
        open = false;
      },
    };
  }

  return {
    get: (name, id) => outside('get', () => get(name, id)),
    add: (name, doc, ctx) => outside('add', () => add(name, doc, ctx)),
    update: (name, id, patch, expectedVersion, ctx) =>
      outside('update', () => update(name, id, patch, expectedVersion, ctx)),
    remove: (name, id) =>
      outside('remove', async () => {
        await orEmpty(async () => {
          await collection(name).doc(id).remove();
        }, undefined);
      }),

    query: (name, query = {}) =>
      outside('query', async () => {
        const { skip, limit } = pageOf(query);
        let q: CloudQuery = collection(name).where(conditionOf(_, query.where ?? {}));
        const orders = query.orderBy ?? [];
        for (const { field, direction } of orders) {
          assertFieldPath(field);
          if (direction !== 'asc' && direction !== 'desc')
            throw new InvalidDocumentError(`order direction must be asc or desc, got ${String(direction)}`);
          q = q.orderBy(field, direction);
        }
        // Ties broken by _id, so skip/limit pages neither repeat nor miss documents.
        if (!orders.some((o) => o.field === '_id')) q = q.orderBy('_id', 'asc');
        const result = await orEmpty(async () => listResult.parse(await q.skip(skip).limit(limit).get()), { data: [] });
        return check.many(name, result.data);
      }),

    count: (name, where) =>
      outside('count', async () => {
        const condition = conditionOf(_, where ?? {});
        const result = await orEmpty(async () => countResult.parse(await collection(name).where(condition).count()), {
          total: 0,
        });
        return result.total;
      }),

    addMany: (name, docs, ctx) =>
      outside('addMany', async () => {
        assertWriteContext(ctx);
        // Validate everything first, and keep the first of repeated ids as SQLite's INSERT OR IGNORE does.
        const unique = new Map<string, Record<string, unknown> & { _id: string }>();
        for (const doc of docs) {
          const body = newDocument(name, doc, ctx);
          check.write(name, body);
          if (!unique.has(body._id)) unique.set(body._id, body);
        }
        const all = [...unique.values()];
        let inserted = 0;
        for (let i = 0; i < all.length; i += Math.min(BATCH, MAX_PAGE))
          inserted += await insertFresh(name, all.slice(i, i + BATCH));
        return inserted;
      }),

    async transaction<T>(fn: (tx: TxStore<R>) => Promise<T>): Promise<T> {
      if (inTransaction.getStore())
        throw new Error('store.transaction() called inside a transaction: pass the tx handle on instead');
      for (;;) {
        let missing: string | undefined;
        let outcome: { value: T } | undefined;
        try {
          // CloudBase retries the callback on a write conflict, so fn may run more than once.
          await runTransaction(async (transaction) => {
            const tx = txHandle(transaction, (name) => {
              missing = name;
            });
            try {
              outcome = { value: await inTransaction.run(true, () => fn(tx.handle)) };
            } finally {
              tx.end();
            }
          });
        } catch (error) {
          // Collections cannot be created inside a transaction: create it, then run the whole thing again.
          if (missing !== undefined && isMissingCollection(error) && (await createCollection(missing))) continue;
          throw error;
        }
        if (!outcome) throw new Error('transaction finished without a result');
        return outcome.value;
      }
    },

    close: async () => {
      // The SDK holds no connection to close: requests are independent HTTPS calls.
    },
  };
}
