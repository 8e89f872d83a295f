import type { ClassDocument } from '../../platform/store/documents/people';
import { queryAll, type Store, type Stored } from '../../platform/store/store';

/** Classes as stored by the roster import: inactive once a classes file no longer lists them. */
export type ClassDoc = ClassDocument;

/** A college's classes, inactive ones included, in id order. */
export async function collegeClasses(store: Store, collegeId: string): Promise<Stored<ClassDoc>[]> {
  return queryAll(store, 'classes', { where: { collegeId }, orderBy: [{ field: '_id', direction: 'asc' }] });
}

/** The classes of a college, or of one department in it. */
export async function classesWithin(
  store: Store,
  scope: { collegeId: string } | { collegeId: string; departmentId: string },
): Promise<Stored<ClassDoc>[]> {
  return queryAll(store, 'classes', { where: scope });
}
