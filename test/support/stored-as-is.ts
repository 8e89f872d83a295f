import { z } from 'zod';
import type { CollectionName } from '../../cloudfunctions/platform/store/collections';
import { openSqliteStoreOf } from '../../cloudfunctions/platform/store/sqlite-store';

const anyDocument = z.record(z.unknown());

/**
 * Changes a stored document the way an older version or a hand edit might have left it: past the
 * collection's schema, which the store itself would refuse to write. For tests of readers that
 * must survive a bad record.
 */
export async function storeAsIs(
  file: string,
  collection: CollectionName,
  id: string,
  fields: Record<string, unknown>,
  at = '2026-11-25T10:00:00.000+08:00',
): Promise<void> {
  const raw = openSqliteStoreOf({ [collection]: { schema: anyDocument, indexes: [] } }, file, { strictFields: false });
  try {
    const doc = await raw.get(collection, id);
    if (!doc) throw new Error(`no ${collection}/${id} to change`);
    await raw.update(collection, id, fields, doc._version, { by: 'test:as-is', at });
  } finally {
    await raw.close();
  }
}
