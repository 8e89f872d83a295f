import type { CollectionName, DocOf } from '../../platform/store/collections';
import { MAX_PAGE, type Store, type Stored, type Where } from '../../platform/store/store';

/**
 * All documents matching `where` whose `field` (an ISO time) is ≥ `from`, in pages of MAX_PAGE
 * walked by that field (keyset paging): each page starts where the last ended, so reading 100k
 * records costs 100 page reads of the same size instead of ever-growing skips. Rows sharing the
 * last page's time are stepped over with a skip counted among those rows only.
 */
export async function readFrom<C extends CollectionName>(
  store: Store,
  collection: C,
  where: Where,
  field: string,
  from: string,
): Promise<Stored<DocOf<C>>[]> {
  const out: Stored<DocOf<C>>[] = [];
  let cursor = from;
  let skipAtCursor = 0;
  for (;;) {
    const page = await store.query(collection, {
      where: { ...where, [field]: { gte: cursor } },
      orderBy: [{ field, direction: 'asc' }],
      skip: skipAtCursor,
      limit: MAX_PAGE,
    });
    out.push(...page);
    if (page.length < MAX_PAGE) return out;
    const lastDoc = page[page.length - 1];
    const last: unknown = lastDoc ? Reflect.get(lastDoc, field) : undefined;
    if (typeof last !== 'string') throw new Error(`${collection}.${field} is not a time`);
    const sameAsLast = page.filter((doc) => Reflect.get(doc, field) === last).length;
    skipAtCursor = last === cursor ? skipAtCursor + sameAsLast : sameAsLast;
    cursor = last;
  }
}
