import type { IndexSpec } from '../../cloudfunctions/platform/store/collections';

/** The part of @cloudbase/manager-node that setting up the database needs (a fake stands in for tests). */
export interface CollectionAdmin {
  createCollectionIfNotExists(name: string): Promise<unknown>;
  indexNames(name: string): Promise<string[]>;
  createIndexes(name: string, indexes: { name: string; fields: string[] }[]): Promise<unknown>;
  /** 仅云函数可读写: every read and write goes through the functions, which check access. */
  setAdminOnly(name: string): Promise<unknown>;
}

export type SetupReport = { collection: string; indexesCreated: string[] }[];

/** CloudBase index names allow letters, digits and underscores. */
export function indexName(index: IndexSpec): string {
  const fields = typeof index === 'string' ? [index] : [...index];
  return `idx_${fields.map((f) => f.replace(/\./g, '_')).join('__')}`;
}

/**
 * Creates every collection of the registry with its indexes and the admin-only permission.
 * Idempotent: existing collections and indexes are kept, so it can run on every deploy.
 */
export async function setupCollections(
  admin: CollectionAdmin,
  registry: Record<string, { indexes: readonly IndexSpec[] }>,
): Promise<SetupReport> {
  const report: SetupReport = [];
  for (const [collection, spec] of Object.entries(registry)) {
    await admin.createCollectionIfNotExists(collection);
    const existing = new Set(await admin.indexNames(collection));
    const wanted = spec.indexes.map((index) => ({
      name: indexName(index),
      fields: typeof index === 'string' ? [index] : [...index],
    }));
    const missing = wanted.filter((index) => !existing.has(index.name));
    if (missing.length > 0) await admin.createIndexes(collection, missing);
    await admin.setAdminOnly(collection);
    report.push({ collection, indexesCreated: missing.map((index) => index.name) });
  }
  return report;
}
