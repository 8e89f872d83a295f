import { expect } from '@jest/globals';
import { scopeCache } from '../../../cloudfunctions/application/duty-data/scope-cache';
import type { Store } from '../../../cloudfunctions/platform/store/store';
import { openEmptyHarness } from '../../support/harness';

/** What a warm instance keeps of many scopes: bounded by rows, least recently used out first. */
describe('duty scope cache', () => {
  const size = (e: { rows: number }) => e.rows;

  it('drops the least recently used scopes once the rows kept pass the budget, never the one just kept', async () => {
    const h = await openEmptyHarness();
    try {
      const store: Store = h.store;
      const cache = scopeCache(size, 100);
      cache.set(store, 'a', { rows: 40 });
      cache.set(store, 'b', { rows: 40 });
      expect(cache.get(store, 'a')).toEqual({ rows: 40 }); // a is now the most recent
      cache.set(store, 'c', { rows: 40 }); // 120 > 100: b, the least recent, goes
      expect(cache.get(store, 'b')).toBeUndefined();
      expect(cache.get(store, 'a')).toEqual({ rows: 40 });
      expect(cache.get(store, 'c')).toEqual({ rows: 40 });
      // One scope larger than the budget is still kept (its call needs it); the others go.
      cache.set(store, 'huge', { rows: 500 });
      expect(cache.get(store, 'huge')).toEqual({ rows: 500 });
      expect([cache.get(store, 'a'), cache.get(store, 'c')]).toEqual([undefined, undefined]);
    } finally {
      await h.close();
    }
  });

  it('keeps each store’s scopes apart', async () => {
    const [one, two] = await Promise.all([openEmptyHarness(), openEmptyHarness()]);
    try {
      const cache = scopeCache(size, 100);
      cache.set(one.store, 'college', { rows: 90 });
      cache.set(two.store, 'college', { rows: 90 });
      expect(cache.get(one.store, 'college')).toEqual({ rows: 90 });
      expect(cache.get(two.store, 'college')).toEqual({ rows: 90 });
    } finally {
      await Promise.all([one.close(), two.close()]);
    }
  });
});
