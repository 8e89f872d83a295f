import type { CollectionName, DocOf } from '../platform/store/collections';
import { queryAll, type Order, type Store, type Stored, type Where } from '../platform/store/store';

const CHUNK = 200;

/** queryAll with an `in` filter on many values, in chunks (CloudBase caps the size of `in`). */
export async function queryIn<C extends CollectionName>(
  store: Store,
  collection: C,
  field: string,
  values: readonly string[],
  where: Where = {},
  orderBy?: Order[],
): Promise<Stored<DocOf<C>>[]> {
  const unique = [...new Set(values)];
  const out: Stored<DocOf<C>>[] = [];
  for (let i = 0; i < unique.length; i += CHUNK)
    out.push(
      ...(await queryAll(store, collection, {
        where: { ...where, [field]: { in: unique.slice(i, i + CHUNK) } },
        ...(orderBy ? { orderBy } : {}),
      })),
    );
  return out;
}
