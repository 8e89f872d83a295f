import type { Query, Store } from '../../cloudfunctions/platform/store/store';

/** Round trips a store served, by operation (a page of a query is one trip). */
export type Trips = { get: number; query: number; count: number; rows: number; byCollection: Map<string, number> };

/** The same store, counting every call that would be a network round trip to CloudBase. */
export function countingStore(inner: Store): { store: Store; trips: Trips; reset(): void } {
  const trips: Trips = { get: 0, query: 0, count: 0, rows: 0, byCollection: new Map() };
  const note = (collection: string) =>
    trips.byCollection.set(collection, (trips.byCollection.get(collection) ?? 0) + 1);
  const store: Store = {
    ...inner,
    get: (collection, id) => {
      trips.get += 1;
      note(collection);
      return inner.get(collection, id);
    },
    async query(collection, query?: Query) {
      trips.query += 1;
      note(collection);
      const rows = await inner.query(collection, query);
      trips.rows += rows.length;
      return rows;
    },
    count: (collection, where) => {
      trips.count += 1;
      note(collection);
      return inner.count(collection, where);
    },
    add: (c, d, ctx) => inner.add(c, d, ctx),
    update: (c, id, p, v, ctx) => inner.update(c, id, p, v, ctx),
    remove: (c, id) => inner.remove(c, id),
    addMany: (c, d, ctx) => inner.addMany(c, d, ctx),
    transaction: (fn) => inner.transaction(fn),
    close: () => inner.close(),
  };
  return {
    store,
    trips,
    reset() {
      trips.get = 0;
      trips.query = 0;
      trips.count = 0;
      trips.rows = 0;
      trips.byCollection.clear();
    },
  };
}
