import fc from 'fast-check';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { z } from 'zod';
import type { Registry } from '../../cloudfunctions/platform/store/collections';
import { openStore, readStoreEnv } from '../../cloudfunctions/platform/store/open-store';
import { openSqliteStore, openSqliteStoreOf } from '../../cloudfunctions/platform/store/sqlite-store';
import type { Condition, Scalar, Where } from '../../cloudfunctions/platform/store/store';
import { asIsCollections, contractCollections, describeStoreContract } from './store.contract';

const dirs: string[] = [];
const freshDir = (): string => {
  const dir = mkdtempSync(join(tmpdir(), 'xueye-store-'));
  dirs.push(dir);
  return dir;
};
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

// A real file in a folder that does not exist yet: the store must create it.
describeStoreContract('sqlite file', async () => {
  const file = join(freshDir(), 'data', 'nested', 'xueye.sqlite');
  return {
    store: openSqliteStoreOf(contractCollections, file),
    reopen: async (options) => openSqliteStoreOf(contractCollections, file, options),
    reopenAsIs: async () => openSqliteStoreOf(asIsCollections, file, { strictFields: false }),
  };
});

const ctx = { by: 'tester', at: '2026-03-02T08:00:00.000+08:00' };

/** Collections for the SQLite specifics: any fields, and one with a declared compound index. */
const loose = z.object({ _id: z.string() }).passthrough();
const specifics = {
  items: { schema: loose, indexes: [] },
  fresh: { schema: loose, indexes: [] },
  custom: { schema: loose, indexes: [] },
} satisfies Registry;
const openSpecifics = (file: string) => openSqliteStoreOf(specifics, file);

describe('sqlite store specifics', () => {
  it('creates the data folder and file', async () => {
    const file = join(freshDir(), 'a', 'b', 'store.sqlite');
    const store = openSpecifics(file);
    await store.add('items', { _id: 'x' }, ctx);
    await store.close();
    expect(existsSync(file)).toBe(true);
  });

  it('a call from outside waits until an open transaction has finished', async () => {
    const store = openSpecifics(':memory:');
    const events: string[] = [];
    let release = () => {};
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    const tx = store.transaction(async (t) => {
      await t.add('items', { _id: 'a' }, ctx);
      await gate;
      events.push('transaction done');
    });
    const read = store.get('items', 'a').then((doc) => {
      events.push('read');
      return doc;
    });
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(events).toEqual([]);
    release();
    await tx;
    expect(await read).toMatchObject({ _id: 'a' });
    expect(events).toEqual(['transaction done', 'read']);
    await store.close();
  });

  it('a write queued during a transaction is not swept into its rollback', async () => {
    const store = openSpecifics(':memory:');
    let release = () => {};
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    const tx = store.transaction(async (t) => {
      await t.add('items', { _id: 'inside' }, ctx);
      await gate;
      throw new Error('abort');
    });
    const outside = store.add('items', { _id: 'outside' }, ctx);
    release();
    await expect(tx).rejects.toThrow('abort');
    await outside;
    expect(await store.get('items', 'inside')).toBeNull();
    expect(await store.get('items', 'outside')).not.toBeNull();
    await store.close();
  });

  it('a collection first created inside a rolled-back transaction still works afterwards', async () => {
    const store = openSpecifics(':memory:');
    await expect(
      store.transaction(async (t) => {
        await t.add('fresh', { _id: 'a' }, ctx);
        throw new Error('abort');
      }),
    ).rejects.toThrow('abort');
    expect(await store.count('fresh')).toBe(0);
    await store.add('fresh', { _id: 'b' }, ctx);
    expect(await store.count('fresh')).toBe(1);
    await store.close();
  });

  it('the tx handle is dead once the transaction has finished', async () => {
    const store = openSpecifics(':memory:');
    let leaked: Parameters<Parameters<typeof store.transaction>[0]>[0] | undefined;
    await store.transaction(async (t) => {
      leaked = t;
    });
    await expect(leaked?.get('items', 'a')).rejects.toThrow('transaction already finished');
    await store.close();
  });

  it('declared indexes are created with the table and used by queries', async () => {
    const app = openSqliteStore(':memory:');
    const grade = {
      _id: 'g1',
      studentId: 's1',
      classId: 'c1',
      semester: '2025-2026-1',
      courseCode: 'MA101',
      courseName: '高等数学',
      credits: 4,
      score: '58',
      attempt: 'regular' as const,
    };
    await app.addMany('grades', [grade], ctx);
    const plan = app.explain('grades', { where: { studentId: 's1' } }).join('\n');
    expect(plan).toContain('grades__studentId');
    await app.close();

    const store = openSpecifics(':memory:');
    const custom = store.explain('custom', { where: { 'meta.kind': 'x' } }).join('\n');
    expect(custom).toContain('SCAN custom');
    expect(custom).not.toContain('custom__');
    await store.close();

    const indexed = openSqliteStoreOf(
      { ...specifics, custom: { schema: loose, indexes: [['meta.kind', 'at']] } },
      ':memory:',
    );
    expect(
      indexed
        .explain('custom', { where: { 'meta.kind': 'x' }, orderBy: [{ field: 'at', direction: 'asc' }] })
        .join('\n'),
    ).toContain('custom__meta.kind+at');
    await indexed.close();
  });

  it('rejects use after close', async () => {
    const store = openSpecifics(':memory:');
    await store.close();
    await store.close();
    await expect(store.get('items', 'a')).rejects.toThrow('closed');
  });
});

describe('store selection from the environment', () => {
  it('defaults to SQLite in DATA_DIR/xueye.sqlite and keeps data across opens', async () => {
    const dataDir = join(freshDir(), 'data');
    const first = await openStore(readStoreEnv({ DATA_DIR: dataDir }));
    await first.add('colleges', { _id: 'x', name: 'kept', departments: [] }, ctx);
    await first.close();
    expect(existsSync(join(dataDir, 'xueye.sqlite'))).toBe(true);
    const second = await openStore(readStoreEnv({ STORE: 'sqlite', DATA_DIR: dataDir }));
    expect(await second.get('colleges', 'x')).toMatchObject({ name: 'kept' });
    await second.close();
  });

  it.each([
    [{ STORE: 'mongo' }, /STORE/],
    [{ DATA_DIR: '' }, /DATA_DIR/],
    [{ STORE: 'cloudbase', CLOUDBASE_ENV_ID: 'env-1' }, /TENCENTCLOUD_SECRETID/],
  ])('rejects %j', (env, message) => {
    expect(() => readStoreEnv(env)).toThrow(message);
  });
});

// A reference for CloudBase (MongoDB) matching on scalars, to check the SQL against.
type Doc = { _id: string } & Record<string, unknown>;

function valueAt(doc: Record<string, unknown>, path: string): unknown {
  let current: unknown = doc;
  for (const key of path.split('.')) {
    if (typeof current !== 'object' || current === null || Array.isArray(current)) return undefined;
    current = Object.getOwnPropertyDescriptor(current, key)?.value;
  }
  return current;
}

function same(value: unknown, target: Scalar): boolean {
  if (target === null) return value === null || value === undefined;
  return typeof value === typeof target && value === target;
}

function compare(value: unknown, target: Scalar, op: 'gt' | 'gte' | 'lt' | 'lte'): boolean {
  if (target === null) return op === 'gte' || op === 'lte' ? same(value, null) : false;
  if (
    typeof value !== typeof target ||
    (typeof value !== 'number' && typeof value !== 'string' && typeof value !== 'boolean')
  )
    return false;
  const [a, b] = typeof value === 'boolean' ? [Number(value), Number(target)] : [value, target];
  if (op === 'gt') return a > b;
  if (op === 'gte') return a >= b;
  if (op === 'lt') return a < b;
  return a <= b;
}

function matches(doc: Doc, where: Where): boolean {
  return Object.entries(where).every(([path, condition]) => {
    const value = valueAt(doc, path);
    if (condition === null || typeof condition !== 'object') return same(value, condition);
    const { eq, neq, gt, gte, lt, lte, in: inList, nin } = condition;
    return (
      (eq === undefined || same(value, eq)) &&
      (neq === undefined || !same(value, neq)) &&
      (gt === undefined || compare(value, gt, 'gt')) &&
      (gte === undefined || compare(value, gte, 'gte')) &&
      (lt === undefined || compare(value, lt, 'lt')) &&
      (lte === undefined || compare(value, lte, 'lte')) &&
      (inList === undefined || inList.some((t) => same(value, t))) &&
      (nin === undefined || !nin.some((t) => same(value, t)))
    );
  });
}

const scalarArb: fc.Arbitrary<Scalar> = fc.oneof(
  fc.integer({ min: -3, max: 3 }),
  fc.constantFrom(0.5, -1.5),
  fc.constantFrom('', 'a', 'b', 'ab', '1', '学'),
  fc.boolean(),
  fc.constant(null),
);
const fieldValue = fc.option(scalarArb, { nil: undefined });
const docArb = fc.record({
  a: fieldValue,
  s: fieldValue,
  b: fc.option(fc.record({ c: fieldValue }), { nil: undefined }),
});
const opArb: fc.Arbitrary<Exclude<Condition, Scalar>> = fc.oneof(
  ...(['eq', 'neq', 'gt', 'gte', 'lt', 'lte'] as const).map((op) => scalarArb.map((value) => ({ [op]: value }))),
  ...(['in', 'nin'] as const).map((op) => fc.array(scalarArb, { maxLength: 3 }).map((values) => ({ [op]: values }))),
);
// One or two operators per field, so conditions are often satisfiable.
const conditionArb: fc.Arbitrary<Condition> = fc.oneof(
  scalarArb,
  opArb,
  fc.tuple(opArb, opArb).map(([x, y]) => ({ ...x, ...y })),
);
const whereArb: fc.Arbitrary<Where> = fc.dictionary(fc.constantFrom('a', 's', 'b.c', 'b', '_id'), conditionArb, {
  minKeys: 1,
  maxKeys: 3,
});

/** Drops undefined fields, as JSON would. */
function dropUndefined(fields: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(fields)) {
    if (value === undefined) continue;
    out[key] = typeof value === 'object' && value !== null ? dropUndefined({ ...value }) : value;
  }
  return out;
}

describe('sqlite filters agree with a CloudBase reference (property)', () => {
  it('query and count return exactly the documents the reference matches', async () => {
    const store = openSqliteStoreOf({ prop: { schema: z.record(z.unknown()), indexes: [] } }, ':memory:');
    const collection = 'prop';
    await fc.assert(
      fc.asyncProperty(fc.array(docArb, { maxLength: 12 }), whereArb, async (raw, where) => {
        for (const old of await store.query(collection, { limit: 100 })) await store.remove(collection, old._id);
        const docs: Doc[] = raw.map((fields, i) => ({ _id: `d${i}`, ...dropUndefined(fields) }));
        await store.addMany(collection, docs, ctx);
        const expected = docs.filter((d) => matches(d, where)).map((d) => d._id);
        const got = (await store.query(collection, { where })).map((d) => d._id);
        expect(got).toEqual(expected);
        expect(await store.count(collection, where)).toBe(expected.length);
      }),
      { numRuns: 300 },
    );
    await store.close();
  });
});
