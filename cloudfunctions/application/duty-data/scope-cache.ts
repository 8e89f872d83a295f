import type { Store } from '../../platform/store/store';

/**
 * Duty rows a warm instance keeps, in all of one cache's scopes together: ≈ 32 MB per 100k rows
 * measured (bench/duties-university.ts), so a 512 MB function keeps a few colleges warm while an
 * hourly pass over thirty colleges does not hold all thirty.
 */
export const DUTY_ROWS_KEPT = 300_000;

/**
 * Per store (one instance) and scope: what a warm call reuses. Used last is kept longest; once
 * the entries' sizes pass `budget` the least recently used go (never the one just kept).
 */
export function scopeCache<E>(sizeOf: (entry: E) => number, budget: number = DUTY_ROWS_KEPT) {
  const byStore = new WeakMap<Store, Map<string, E>>();
  const scopesOf = (store: Store) => {
    let scopes = byStore.get(store);
    if (!scopes) {
      scopes = new Map();
      byStore.set(store, scopes);
    }
    return scopes;
  };
  return {
    get(store: Store, scope: string): E | undefined {
      const scopes = scopesOf(store);
      const entry = scopes.get(scope);
      if (entry !== undefined) {
        scopes.delete(scope);
        scopes.set(scope, entry);
      }
      return entry;
    },
    /** Keeps (or keeps again, after it grew) the scope's entry, then drops the oldest over the budget. */
    set(store: Store, scope: string, entry: E): void {
      const scopes = scopesOf(store);
      scopes.delete(scope);
      scopes.set(scope, entry);
      let total = 0;
      for (const e of scopes.values()) total += sizeOf(e);
      for (const [key, e] of scopes) {
        if (total <= budget || key === scope) break;
        scopes.delete(key);
        total -= sizeOf(e);
      }
    },
  };
}
