import { z } from 'zod';
import type { Registry } from '../../cloudfunctions/platform/store/collections';
import type { BadDocument, DocumentCheckOptions } from '../../cloudfunctions/platform/store/document-check';
import {
  BadDocumentError,
  DuplicateIdError,
  InvalidDocumentError,
  MAX_PAGE,
  NotFoundError,
  RejectedDocumentError,
  VersionConflictError,
  queryAll,
  type NewDocOf,
  type Query,
  type Store,
  type Stored,
  type Where,
} from '../../cloudfunctions/platform/store/store';

const Person = z.object({
  _id: z.string(),
  name: z.string(),
  age: z.number(),
  score: z.number().optional(),
  active: z.boolean(),
  tag: z.union([z.string(), z.number(), z.boolean()]),
  home: z.object({ city: z.string(), floor: z.number().optional() }).optional(),
  note: z.string().nullable().optional(),
});
type Person = z.infer<typeof Person>;

/** Free-form documents for the tests of the store's own rules (JSON, ids, versions): other fields pass through. */
const Item = z
  .object({
    _id: z.string(),
    title: z.string().optional(),
    a: z.number().optional(),
    b: z.object({ x: z.number().optional(), y: z.number().optional() }).optional(),
    status: z.string().optional(),
    n: z.number().optional(),
    balance: z.number().optional(),
    v: z.number().optional(),
  })
  .passthrough();

/** The suite's own registry: the store is typed by it exactly as the product's store is by collections.ts. */
export const contractCollections = {
  contract_people: { schema: Person, indexes: [] },
  contract_pages: { schema: z.object({ _id: z.string(), n: z.number(), bucket: z.number() }), indexes: [] },
  contract_items: { schema: Item, indexes: [] },
} satisfies Registry;
export type ContractCollections = typeof contractCollections;
export type ContractStore = Store<ContractCollections>;

/** The same collections with schemas that take anything: how an older version or a hand edit writes. */
const anything = z.record(z.unknown());
export const asIsCollections = {
  contract_people: { schema: anything, indexes: [] },
  contract_pages: { schema: anything, indexes: [] },
  contract_items: { schema: anything, indexes: [] },
} satisfies Registry;
export type AsIsStore = Store<typeof asIsCollections>;

/** A fresh, empty store for one test, ways to open the same data again, and to write past the schemas. */
export type StoreUnderTest = {
  store: ContractStore;
  reopen(options?: DocumentCheckOptions): Promise<ContractStore>;
  reopenAsIs(): Promise<AsIsStore>;
};
export type ContractOptions = { timeoutMs?: number };

/** The collections the suite writes; a shared backend must empty them in `makeStore`. */
export const CONTRACT_COLLECTIONS = ['contract_people', 'contract_pages', 'contract_items'] as const;
const [PEOPLE, PAGES, ITEMS] = CONTRACT_COLLECTIONS;

const people: (Person & { _id: string })[] = [
  { _id: 'p1', name: 'amy', age: 18, score: 91.5, active: true, tag: 'a', home: { city: 'xa', floor: 3 }, note: null },
  { _id: 'p2', name: 'bob', age: 20, score: 59, active: false, tag: 'b', home: { city: 'bj', floor: 1 } },
  { _id: 'p3', name: 'cat', age: 22, score: 75, active: true, tag: '1', home: { city: 'xa' }, note: 'x' },
  { _id: 'p4', name: 'dan', age: 20, score: 40, active: true, tag: 1 },
  { _id: 'p5', name: 'eve', age: 19, active: false, tag: true, home: { city: 'sh', floor: 5 }, note: null },
];

const alice = { by: 'user-alice', at: '2026-03-02T08:00:00.000+08:00' };
const bob = { by: 'user-bob', at: '2026-03-03T09:30:00.000+08:00' };

const idsOf = (docs: { _id: string }[]): string[] => docs.map((d) => d._id);
const sorted = (values: string[]): string[] => [...values].sort();

// where → the ids that must match (CloudBase/MongoDB semantics).
const filterCases: [string, Where, string[]][] = [
  ['bare value is equality', { name: 'amy' }, ['p1']],
  ['eq number', { age: { eq: 20 } }, ['p2', 'p4']],
  ['neq number', { age: { neq: 20 } }, ['p1', 'p3', 'p5']],
  ['gt', { age: { gt: 19 } }, ['p2', 'p3', 'p4']],
  ['gte', { age: { gte: 20 } }, ['p2', 'p3', 'p4']],
  ['lt', { age: { lt: 19 } }, ['p1']],
  ['lte', { age: { lte: 19 } }, ['p1', 'p5']],
  ['two bounds on one field', { age: { gt: 18, lt: 22 } }, ['p2', 'p4', 'p5']],
  ['fractional numbers', { score: { gte: 59.5 } }, ['p1', 'p3']],
  ['range skips a missing field', { score: { lt: 100 } }, ['p1', 'p2', 'p3', 'p4']],
  ['string range', { name: { gte: 'bob', lt: 'dan' } }, ['p2', 'p3']],
  ['in', { name: { in: ['amy', 'eve', 'zed'] } }, ['p1', 'p5']],
  ['nin', { age: { nin: [18, 20] } }, ['p3', 'p5']],
  ['in nothing', { name: { in: [] } }, []],
  ['nin nothing', { name: { nin: [] } }, ['p1', 'p2', 'p3', 'p4', 'p5']],
  ['boolean', { active: true }, ['p1', 'p3', 'p4']],
  ['neq boolean', { active: { neq: true } }, ['p2', 'p5']],
  ["string '1' is not number 1", { tag: '1' }, ['p3']],
  ["number 1 is not '1' or true", { tag: 1 }, ['p4']],
  ['true is not 1', { tag: true }, ['p5']],
  ['in with mixed types', { tag: { in: ['a', 1] } }, ['p1', 'p4']],
  ['dotted path', { 'home.city': 'xa' }, ['p1', 'p3']],
  ['dotted range', { 'home.floor': { gte: 3 } }, ['p1', 'p5']],
  ['dotted neq matches missing', { 'home.floor': { neq: 1 } }, ['p1', 'p3', 'p4', 'p5']],
  ['null matches null and missing', { note: null }, ['p1', 'p2', 'p4', 'p5']],
  ['eq null', { note: { eq: null } }, ['p1', 'p2', 'p4', 'p5']],
  ['neq null means present', { note: { neq: null } }, ['p3']],
  ['dotted null', { 'home.floor': null }, ['p3', 'p4']],
  ['in with null', { note: { in: [null, 'x'] } }, ['p1', 'p2', 'p3', 'p4', 'p5']],
  ['nin null', { note: { nin: [null] } }, ['p3']],
  ['all conditions hold', { active: true, age: { gte: 20 } }, ['p3', 'p4']],
  ['_id in', { _id: { in: ['p2', 'p4', 'zz'] } }, ['p2', 'p4']],
  ['_id range', { _id: { gt: 'p3' } }, ['p4', 'p5']],
  ['a value that looks like SQL is data', { name: "amy' OR 1=1 --" }, []],
];

const orderCases: [string, Query['orderBy'], string[]][] = [
  ['one field asc, ties by _id', [{ field: 'age', direction: 'asc' }], ['p1', 'p5', 'p2', 'p4', 'p3']],
  ['one field desc, ties by _id', [{ field: 'age', direction: 'desc' }], ['p3', 'p2', 'p4', 'p5', 'p1']],
  ['string desc', [{ field: 'name', direction: 'desc' }], ['p5', 'p4', 'p3', 'p2', 'p1']],
  [
    'two fields asc then desc',
    [
      { field: 'age', direction: 'asc' },
      { field: 'name', direction: 'desc' },
    ],
    ['p1', 'p5', 'p4', 'p2', 'p3'],
  ],
  [
    'two fields desc then asc',
    [
      { field: 'age', direction: 'desc' },
      { field: 'score', direction: 'asc' },
    ],
    ['p3', 'p4', 'p2', 'p5', 'p1'],
  ],
  ['missing sorts first', [{ field: 'score', direction: 'asc' }], ['p5', 'p4', 'p2', 'p3', 'p1']],
  ['dotted path', [{ field: 'home.floor', direction: 'asc' }], ['p3', 'p4', 'p2', 'p1', 'p5']],
  ['_id desc', [{ field: '_id', direction: 'desc' }], ['p5', 'p4', 'p3', 'p2', 'p1']],
];

const PAGE_ROWS = 2500;
const pageDocs = Array.from({ length: PAGE_ROWS }, (_, n) => ({
  _id: `d${String(n).padStart(5, '0')}`,
  n,
  bucket: n % 7,
}));

const delay = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export function describeStoreContract(
  name: string,
  makeStore: () => Promise<StoreUnderTest>,
  options: ContractOptions = {},
): void {
  const timeout = options.timeoutMs ?? 30_000;

  describe(`store contract: ${name}`, () => {
    let store: ContractStore;
    let reopen: (options?: DocumentCheckOptions) => Promise<ContractStore>;
    let reopenAsIs: () => Promise<AsIsStore>;
    const opened: { close(): Promise<void> }[] = [];

    beforeEach(async () => {
      const subject = await makeStore();
      store = subject.store;
      opened.push(store);
      reopen = async (options) => {
        const again = await subject.reopen(options);
        opened.push(again);
        return again;
      };
      reopenAsIs = async () => {
        const asIs = await subject.reopenAsIs();
        opened.push(asIs);
        return asIs;
      };
    }, timeout);

    afterEach(async () => {
      for (const s of opened.splice(0)) await s.close();
    }, timeout);

    const seedPeople = () => store.addMany(PEOPLE, people, alice);

    describe('documents', () => {
      it(
        'get of a missing id is null',
        async () => {
          expect(await store.get(ITEMS, 'nope')).toBeNull();
        },
        timeout,
      );

      it(
        'add stores the document with version 1 and audit fields, ignoring forged ones',
        async () => {
          const added = await store.add(
            ITEMS,
            { _id: 'i1', title: '补考通知', nested: { a: [1, 'two', null] }, createdBy: 'forged', _version: 7 },
            alice,
          );
          const expected = {
            _id: 'i1',
            _version: 1,
            title: '补考通知',
            nested: { a: [1, 'two', null] },
            createdBy: alice.by,
            createdAt: alice.at,
            updatedBy: alice.by,
            updatedAt: alice.at,
          };
          expect(added).toEqual(expected);
          expect(await store.get(ITEMS, 'i1')).toEqual(expected);
        },
        timeout,
      );

      it(
        'add without an id generates distinct ids that sort by creation time',
        async () => {
          const first = await store.add(ITEMS, { title: 'a' }, alice);
          await delay(5);
          const second = await store.add(ITEMS, { title: 'b' }, alice);
          expect(typeof first._id).toBe('string');
          expect(second._id > first._id).toBe(true);
          expect(await store.get(ITEMS, second._id)).toMatchObject({ title: 'b' });
        },
        timeout,
      );

      it(
        'add of an existing id fails with DuplicateIdError and keeps the original',
        async () => {
          await store.add(ITEMS, { _id: 'i1', title: 'first' }, alice);
          await expect(store.add(ITEMS, { _id: 'i1', title: 'second' }, bob)).rejects.toBeInstanceOf(DuplicateIdError);
          expect(await store.get(ITEMS, 'i1')).toMatchObject({ title: 'first', createdBy: alice.by });
        },
        timeout,
      );

      it(
        'remove deletes the document; removing a missing id is fine',
        async () => {
          await store.add(ITEMS, { _id: 'i1', title: 'x' }, alice);
          await store.add(ITEMS, { _id: 'i2', title: 'y' }, alice);
          await store.remove(ITEMS, 'i1');
          await store.remove(ITEMS, 'never-was');
          expect(await store.get(ITEMS, 'i1')).toBeNull();
          expect(idsOf(await store.query(ITEMS))).toEqual(['i2']);
        },
        timeout,
      );

      it(
        'data persists after close and reopen',
        async () => {
          await store.add(ITEMS, { _id: 'kept', title: '保留' }, alice);
          await store.close();
          const again = await reopen();
          expect(await again.get(ITEMS, 'kept')).toMatchObject({ _id: 'kept', title: '保留', _version: 1 });
        },
        timeout,
      );

      it.each([
        ['a Date', { when: new Date('2026-01-01') }],
        ['NaN', { score: Number.NaN }],
        ['undefined in an array', { list: [1, undefined] }],
        ['a key with a dot', { 'a.b': 1 }],
        ['a key starting with $', { $set: 1 }],
      ])(
        'add rejects %s and writes nothing',
        async (_label, doc) => {
          await expect(store.add(ITEMS, { _id: 'bad', ...doc }, alice)).rejects.toBeInstanceOf(InvalidDocumentError);
          expect(await store.get(ITEMS, 'bad')).toBeNull();
        },
        timeout,
      );

      it(
        'rejects unsafe and unknown collection names and field paths',
        async () => {
          // Runtime data, as a caller might pass it on unchecked: the type no longer lets a literal through.
          // eslint-disable-next-line @typescript-eslint/no-unsafe-assignment -- runtime data on purpose: what a caller might pass on unchecked
          const badName: typeof PEOPLE = JSON.parse('"bad name"');
          // eslint-disable-next-line @typescript-eslint/no-unsafe-assignment -- runtime data on purpose: what a caller might pass on unchecked
          const unknownName: typeof PEOPLE = JSON.parse('"contract_unknown"');
          await expect(store.get(badName, 'x')).rejects.toBeInstanceOf(InvalidDocumentError);
          await expect(store.get(unknownName, 'x')).rejects.toThrow(/unknown collection "contract_unknown"/);
          await expect(store.add(unknownName, { ...people[0]!, _id: 'x' }, alice)).rejects.toThrow(
            /unknown collection/,
          );
          await expect(store.query(ITEMS, { where: { 'a;drop table x': 1 } })).rejects.toBeInstanceOf(
            InvalidDocumentError,
          );
          await expect(store.query(ITEMS, { orderBy: [{ field: "a')--", direction: 'asc' }] })).rejects.toBeInstanceOf(
            InvalidDocumentError,
          );
          await expect(store.query(ITEMS, { limit: 0 })).rejects.toBeInstanceOf(InvalidDocumentError);
        },
        timeout,
      );
    });

    describe('schemas (the collection registry)', () => {
      const wrongPerson = () => ({ _id: 'wrong', name: 'zoe', age: 'twenty', active: true, tag: 'z' });

      it(
        'get and query return the collection’s document type; a caller cannot pick another',
        async () => {
          await seedPeople();
          const one: Stored<Person> | null = await store.get(PEOPLE, 'p1');
          const many: Stored<Person>[] = await store.query(PEOPLE, { where: { active: true } });
          const all: Stored<Person>[] = await queryAll(store, PEOPLE);
          expect(one).toMatchObject({ _id: 'p1', name: 'amy', age: 18, home: { city: 'xa', floor: 3 } });
          expect(many.map((p) => p.name)).toEqual(['amy', 'cat', 'dan']);
          expect(all).toHaveLength(people.length);
          // @ts-expect-error the type argument is the collection's name, never a document type
          await store.get<Person>(PEOPLE, 'p1');
          // @ts-expect-error no free-string collection names
          await expect(store.get('contract_nobody', 'p1')).rejects.toThrow(/unknown collection/);
        },
        timeout,
      );

      it(
        'get of a stored document that does not match its schema fails with BadDocumentError naming collection and id',
        async () => {
          const asIs = await reopenAsIs();
          await asIs.add(PEOPLE, wrongPerson(), alice);
          const failure = await store.get(PEOPLE, 'wrong').then(
            () => null,
            (error: unknown) => error,
          );
          expect(failure).toBeInstanceOf(BadDocumentError);
          expect(failure).toMatchObject({ collection: PEOPLE, id: 'wrong' });
          expect(String(failure)).toMatch(/contract_people\/wrong/);
          expect(String(failure)).toMatch(/age/);
          await expect(store.transaction((tx) => tx.get(PEOPLE, 'wrong'))).rejects.toBeInstanceOf(BadDocumentError);
        },
        timeout,
      );

      it(
        'query and queryAll skip a bad document, report it, and return every other one',
        async () => {
          await seedPeople();
          const asIs = await reopenAsIs();
          await asIs.add(PEOPLE, { ...wrongPerson(), _id: 'p3b' }, alice);
          const reported: BadDocument[] = [];
          const reader = await reopen({ onBadDocument: (bad) => reported.push(bad) });
          expect(idsOf(await reader.query(PEOPLE))).toEqual(['p1', 'p2', 'p3', 'p4', 'p5']);
          expect(idsOf(await queryAll(reader, PEOPLE, { where: { tag: { in: ['a', 'z'] } } }))).toEqual(['p1']);
          expect(reported).toHaveLength(2);
          expect(reported[0]).toMatchObject({ collection: PEOPLE, id: 'p3b' });
          expect(reported[0]?.reason).toMatch(/age/);
          // count counts what is stored, bad or not: it reads no documents.
          expect(await reader.count(PEOPLE)).toBe(6);
        },
        timeout,
      );

      it(
        'by default a skipped document is one structured console.warn line, once',
        async () => {
          const asIs = await reopenAsIs();
          await asIs.add(PEOPLE, wrongPerson(), alice);
          const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
          try {
            expect(await store.query(PEOPLE)).toEqual([]);
            expect(await store.query(PEOPLE)).toEqual([]);
            // Once per document and instance: a job reading every minute does not flood the log.
            expect(warn).toHaveBeenCalledTimes(1);
            const line: unknown = JSON.parse(String(warn.mock.calls[0]?.[0]));
            expect(line).toMatchObject({ event: 'store.badDocument', collection: PEOPLE, id: 'wrong' });
          } finally {
            warn.mockRestore();
          }
        },
        timeout,
      );

      it(
        'add, update and addMany refuse a document that does not match the schema and write nothing',
        async () => {
          await seedPeople();
          // Runtime data, as a handler might pass it on unchecked.
          // eslint-disable-next-line @typescript-eslint/no-unsafe-assignment -- runtime data on purpose: what a caller might pass on unchecked
          const wrong: NewDocOf<typeof PEOPLE, ContractCollections> = JSON.parse(JSON.stringify(wrongPerson()));
          await expect(store.add(PEOPLE, wrong, bob)).rejects.toBeInstanceOf(RejectedDocumentError);
          await expect(store.add(PEOPLE, wrong, bob)).rejects.toThrow(/contract_people\/wrong.*age/);
          expect(await store.get(PEOPLE, 'wrong')).toBeNull();

          // eslint-disable-next-line @typescript-eslint/no-unsafe-assignment -- runtime data on purpose: what a caller might pass on unchecked
          const older: Partial<Person> = JSON.parse('{"age":"old"}');
          await expect(store.update(PEOPLE, 'p1', older, 1, bob)).rejects.toBeInstanceOf(RejectedDocumentError);
          expect(await store.get(PEOPLE, 'p1')).toMatchObject({ age: 18, _version: 1, updatedBy: alice.by });

          const fine = { _id: 'fine', name: 'fay', age: 30, active: true, tag: 'f' };
          await expect(store.addMany(PEOPLE, [fine, wrong], bob)).rejects.toBeInstanceOf(RejectedDocumentError);
          expect(await store.get(PEOPLE, 'fine')).toBeNull();

          await expect(store.transaction((tx) => tx.add(PEOPLE, wrong, bob))).rejects.toBeInstanceOf(
            RejectedDocumentError,
          );
          expect(await store.count(PEOPLE)).toBe(people.length);
        },
        timeout,
      );

      it(
        'a stored field the schema does not describe is never dropped; under strict fields it is an error',
        async () => {
          const asIs = await reopenAsIs();
          await asIs.add(PEOPLE, { ...people[0], _id: 'extra', nickname: 'ames' }, alice);
          const lenient = await reopen({ strictFields: false });
          expect(await lenient.get(PEOPLE, 'extra')).toMatchObject({ name: 'amy', nickname: 'ames' });
          expect(await lenient.query(PEOPLE)).toEqual([expect.objectContaining({ _id: 'extra', nickname: 'ames' })]);

          const strict = await reopen({ strictFields: true });
          await expect(strict.get(PEOPLE, 'extra')).rejects.toThrow(/nickname: stored but not described/);
          await expect(strict.query(PEOPLE)).rejects.toThrow(/nickname/);
          // eslint-disable-next-line @typescript-eslint/no-unsafe-assignment -- runtime data on purpose: what a caller might pass on unchecked
          const undescribed: NewDocOf<typeof PEOPLE, ContractCollections> = JSON.parse(
            '{"_id":"new","name":"ned","age":1,"active":true,"tag":"n","nickname":"n"}',
          );
          await expect(strict.add(PEOPLE, undescribed, bob)).rejects.toBeInstanceOf(RejectedDocumentError);
          await expect(lenient.add(PEOPLE, undescribed, bob)).resolves.toMatchObject({ nickname: 'n' });
        },
        timeout,
      );
    });

    describe('update', () => {
      it(
        'merges top-level fields, bumps the version and keeps who created it',
        async () => {
          await store.add(ITEMS, { _id: 'i1', a: 1, b: { x: 1, y: 2 }, c: 'keep' }, alice);
          const updated = await store.update(
            ITEMS,
            'i1',
            { b: { x: 5 }, d: true, _id: 'other', _version: 99, createdBy: 'forged' },
            1,
            bob,
          );
          const expected = {
            _id: 'i1',
            _version: 2,
            a: 1,
            b: { x: 5 },
            c: 'keep',
            d: true,
            createdBy: alice.by,
            createdAt: alice.at,
            updatedBy: bob.by,
            updatedAt: bob.at,
          };
          expect(updated).toEqual(expected);
          expect(await store.get(ITEMS, 'i1')).toEqual(expected);
          expect(await store.get(ITEMS, 'other')).toBeNull();
        },
        timeout,
      );

      it(
        'a second update with the same expected version fails and changes nothing',
        async () => {
          await store.add(ITEMS, { _id: 'i1', status: 'new' }, alice);
          await store.update(ITEMS, 'i1', { status: 'read' }, 1, alice);
          await expect(store.update(ITEMS, 'i1', { status: 'lost' }, 1, bob)).rejects.toBeInstanceOf(
            VersionConflictError,
          );
          expect(await store.get(ITEMS, 'i1')).toMatchObject({ status: 'read', _version: 2, updatedBy: alice.by });
        },
        timeout,
      );

      it(
        'of two concurrent updates with the same expected version exactly one wins',
        async () => {
          await store.add(ITEMS, { _id: 'i1', n: 0 }, alice);
          const results = await Promise.allSettled([
            store.update(ITEMS, 'i1', { n: 1 }, 1, alice),
            store.update(ITEMS, 'i1', { n: 2 }, 1, bob),
          ]);
          const won = results.filter((r) => r.status === 'fulfilled');
          const lost = results.flatMap((r): unknown[] => (r.status === 'rejected' ? [r.reason] : []));
          expect(won).toHaveLength(1);
          expect(lost).toHaveLength(1);
          expect(lost[0]).toBeInstanceOf(VersionConflictError);
          expect(await store.get(ITEMS, 'i1')).toMatchObject({ _version: 2 });
        },
        timeout,
      );

      it(
        'of a missing id fails with NotFoundError',
        async () => {
          await expect(store.update(ITEMS, 'ghost', { a: 1 }, 1, alice)).rejects.toBeInstanceOf(NotFoundError);
        },
        timeout,
      );
    });

    describe('filters', () => {
      it.each(filterCases)(
        '%s',
        async (_label, where, expected) => {
          await seedPeople();
          expect(sorted(idsOf(await store.query(PEOPLE, { where })))).toEqual(expected);
          expect(await store.count(PEOPLE, where)).toBe(expected.length);
        },
        timeout,
      );

      it(
        'rejects an unknown operator and an empty condition',
        async () => {
          // Runtime data, as a handler might pass it on unchecked.
          // eslint-disable-next-line @typescript-eslint/no-unsafe-assignment -- runtime data on purpose: what a caller might pass on unchecked
          const unknownOperator: Where = JSON.parse('{"age":{"like":"a%"}}');
          await expect(store.query(PEOPLE, { where: unknownOperator })).rejects.toBeInstanceOf(InvalidDocumentError);
          await expect(store.query(PEOPLE, { where: { age: {} } })).rejects.toBeInstanceOf(InvalidDocumentError);
        },
        timeout,
      );
    });

    describe('ordering', () => {
      it.each(orderCases)(
        '%s',
        async (_label, orderBy, expected) => {
          await seedPeople();
          expect(idsOf(await store.query(PEOPLE, { orderBy }))).toEqual(expected);
        },
        timeout,
      );

      it(
        'without orderBy rows come in _id order',
        async () => {
          await store.addMany(PEOPLE, [...people].reverse(), alice);
          expect(idsOf(await store.query(PEOPLE))).toEqual(['p1', 'p2', 'p3', 'p4', 'p5']);
        },
        timeout,
      );
    });

    describe(`pagination past ${MAX_PAGE} rows`, () => {
      const seedPages = async () => {
        let inserted = 0;
        for (let i = 0; i < PAGE_ROWS; i += 1000)
          inserted += await store.addMany(PAGES, pageDocs.slice(i, i + 1000), alice);
        expect(inserted).toBe(PAGE_ROWS);
      };

      it(
        'reads every row once in pages of 1000, caps larger limits and defaults to 100',
        async () => {
          await seedPages();
          const pages: Stored<{ n: number }>[][] = [];
          for (let skip = 0; skip < PAGE_ROWS; skip += MAX_PAGE)
            pages.push(await store.query(PAGES, { skip, limit: MAX_PAGE }));
          expect(pages.map((p) => p.length)).toEqual([1000, 1000, 500]);
          expect(pages.flat().map((d) => d._id)).toEqual(pageDocs.map((d) => d._id));
          expect(await store.query(PAGES, { limit: 5000 })).toHaveLength(MAX_PAGE);
          expect(await store.query(PAGES)).toHaveLength(100);
          expect(await store.query(PAGES, { skip: 2400, limit: 1000 })).toHaveLength(100);
          expect(await store.count(PAGES)).toBe(PAGE_ROWS);
        },
        timeout * 4,
      );

      it(
        'pages ordered by a field with ties neither repeat nor miss a row',
        async () => {
          await seedPages();
          const seen: Stored<{ bucket: number }>[] = [];
          for (let skip = 0; ; skip += 300) {
            const page = await store.query(PAGES, {
              orderBy: [{ field: 'bucket', direction: 'desc' }],
              skip,
              limit: 300,
            });
            seen.push(...page);
            if (page.length < 300) break;
          }
          expect(new Set(idsOf(seen)).size).toBe(PAGE_ROWS);
          const outOfOrder = seen.filter((d, i) => {
            const prev = seen[i - 1];
            return prev !== undefined && (prev.bucket < d.bucket || (prev.bucket === d.bucket && prev._id > d._id));
          });
          expect(outOfOrder).toEqual([]);
        },
        timeout * 4,
      );

      it(
        'counts and queryAll agree on a filtered set larger than one page',
        async () => {
          await seedPages();
          const where: Where = { n: { gte: 100, lt: 2300 }, bucket: { neq: 3 } };
          const expected = pageDocs.filter((d) => d.n >= 100 && d.n < 2300 && d.bucket !== 3).map((d) => d._id);
          expect(await store.count(PAGES, where)).toBe(expected.length);
          expect(idsOf(await queryAll(store, PAGES, { where }))).toEqual(expected);
        },
        timeout * 4,
      );
    });

    describe('addMany', () => {
      it(
        'is idempotent: the same ids twice insert nothing the second time and overwrite nothing',
        async () => {
          const docs: NewDocOf<typeof ITEMS, ContractCollections>[] = [
            { _id: 'm1', v: 1 },
            { _id: 'm2', v: 2 },
            { _id: 'm3', v: 3 },
          ];
          expect(await store.addMany(ITEMS, docs, alice)).toBe(3);
          expect(await store.addMany(ITEMS, docs, bob)).toBe(0);
          expect(
            await store.addMany(
              ITEMS,
              [
                { _id: 'm3', v: 30 },
                { _id: 'm4', v: 4 },
              ],
              bob,
            ),
          ).toBe(1);
          expect(await store.get(ITEMS, 'm3')).toMatchObject({ v: 3, createdBy: alice.by, _version: 1 });
          expect(await store.get(ITEMS, 'm4')).toMatchObject({
            v: 4,
            createdBy: bob.by,
            updatedAt: bob.at,
            _version: 1,
          });
          expect(await store.count(ITEMS)).toBe(4);
        },
        timeout,
      );
    });

    describe('transactions', () => {
      it(
        'commit: every write lands and the result comes back',
        async () => {
          await store.add(ITEMS, { _id: 'b', balance: 10 }, alice);
          const result = await store.transaction(async (tx) => {
            await tx.add(ITEMS, { _id: 'a', balance: 5 }, bob);
            const b = await tx.get(ITEMS, 'b');
            if (!b) throw new Error('b missing');
            await tx.update(ITEMS, 'b', { balance: (b.balance ?? 0) - 5 }, b._version, bob);
            return 'moved';
          });
          expect(result).toBe('moved');
          expect(await store.get(ITEMS, 'a')).toMatchObject({ balance: 5, createdBy: bob.by });
          expect(await store.get(ITEMS, 'b')).toMatchObject({ balance: 5, _version: 2 });
        },
        timeout,
      );

      it(
        'rollback: an error after two writes leaves nothing',
        async () => {
          await store.add(ITEMS, { _id: 'b', balance: 10 }, alice);
          const failing = store.transaction(async (tx) => {
            await tx.add(ITEMS, { _id: 'a', balance: 5 }, bob);
            await tx.update(ITEMS, 'b', { balance: 5 }, 1, bob);
            expect(await tx.get(ITEMS, 'a')).toMatchObject({ balance: 5 });
            throw new Error('boom');
          });
          await expect(failing).rejects.toThrow('boom');
          expect(await store.get(ITEMS, 'a')).toBeNull();
          expect(await store.get(ITEMS, 'b')).toMatchObject({ balance: 10, _version: 1 });
        },
        timeout,
      );

      it(
        'a version conflict inside rolls the whole transaction back',
        async () => {
          await store.add(ITEMS, { _id: 'b', n: 1 }, alice);
          const failing = store.transaction(async (tx) => {
            await tx.remove(ITEMS, 'b');
            await tx.add(ITEMS, { _id: 'c', n: 1 }, bob);
            await tx.update(ITEMS, 'c', { n: 2 }, 5, bob);
          });
          await expect(failing).rejects.toBeInstanceOf(VersionConflictError);
          expect(await store.get(ITEMS, 'b')).toMatchObject({ n: 1 });
          expect(await store.get(ITEMS, 'c')).toBeNull();
        },
        timeout,
      );

      it(
        'a transaction may be the first to write to a collection',
        async () => {
          await store.transaction(async (tx) => {
            await tx.add(ITEMS, { _id: 'first' }, alice);
            await tx.add(PAGES, { _id: 'also-first', n: 0, bucket: 0 }, alice);
          });
          expect(await store.get(ITEMS, 'first')).not.toBeNull();
          expect(await store.get(PAGES, 'also-first')).not.toBeNull();
        },
        timeout,
      );

      it(
        'a duplicate id inside fails with DuplicateIdError',
        async () => {
          await store.add(ITEMS, { _id: 'b' }, alice);
          await expect(store.transaction((tx) => tx.add(ITEMS, { _id: 'b' }, bob))).rejects.toBeInstanceOf(
            DuplicateIdError,
          );
        },
        timeout,
      );

      it(
        'a nested transaction or a store call inside the callback fails clearly',
        async () => {
          await expect(store.transaction(() => store.transaction(async () => 1))).rejects.toThrow(
            /inside a transaction/,
          );
          await expect(store.transaction(() => store.get(ITEMS, 'x'))).rejects.toThrow(/inside store\.transaction/);
          expect(await store.count(ITEMS)).toBe(0);
        },
        timeout,
      );

      it(
        'a concurrent reader sees all of a transaction or none of it',
        async () => {
          let release = () => {};
          const gate = new Promise<void>((resolve) => {
            release = resolve;
          });
          let wrote = () => {};
          const firstWrite = new Promise<void>((resolve) => {
            wrote = resolve;
          });
          const tx = store.transaction(async (t) => {
            await t.add(ITEMS, { _id: 'x1' }, alice);
            wrote();
            await gate;
            await t.add(ITEMS, { _id: 'x2' }, alice);
          });
          await Promise.race([firstWrite, tx]);
          const reader = Promise.all([store.get(ITEMS, 'x1'), store.get(ITEMS, 'x2')]);
          await Promise.race([reader, delay(200)]);
          release();
          await tx;
          const [x1, x2] = await reader;
          expect(x1 === null).toBe(x2 === null);
          expect(await store.count(ITEMS)).toBe(2);
        },
        timeout,
      );
    });
  });
}
