import type { Store } from '../../cloudfunctions/platform/store/store';

/** The store with some methods replaced (e.g. to die mid-way), every other call passed through. */
export function storeWith(store: Store, overrides: Partial<Store>): Store {
  return {
    get: overrides.get ?? ((c, id) => store.get(c, id)),
    add: overrides.add ?? ((c, doc, ctx) => store.add(c, doc, ctx)),
    update: overrides.update ?? ((c, id, patch, version, ctx) => store.update(c, id, patch, version, ctx)),
    remove: overrides.remove ?? ((c, id) => store.remove(c, id)),
    query: overrides.query ?? ((c, q) => store.query(c, q)),
    count: overrides.count ?? ((c, w) => store.count(c, w)),
    addMany: overrides.addMany ?? ((c, docs, ctx) => store.addMany(c, docs, ctx)),
    transaction: overrides.transaction ?? ((fn) => store.transaction(fn)),
    close: overrides.close ?? (() => store.close()),
  };
}
