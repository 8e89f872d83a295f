import { type Warning } from '../../../types/warning';
import { NotFoundError } from '../../core/errors';
import { queryAll, type Store, type Stored, type TxStore } from '../../platform/store/store';

/** The warning, or not found (`what` names it for the person asking). */
export async function loadWarning(
  store: Store | TxStore,
  warningId: string,
  what = '该警示记录',
): Promise<Stored<Warning>> {
  const warning = await store.get('warnings', warningId);
  if (!warning) throw new NotFoundError(what);
  return warning;
}

/** Ids per `in` query. */
const CHUNK = 100;

export async function activeWarnings(store: Store, collegeId: string): Promise<Stored<Warning>[]> {
  return queryAll(store, 'warnings', {
    where: { collegeId, status: 'active' },
    orderBy: [{ field: '_id', direction: 'asc' }],
  });
}

/** Active warnings of these classes, a hundred classes per query. */
export async function activeWarningsOfClasses(
  store: Store,
  classIds: ReadonlyArray<string>,
): Promise<Stored<Warning>[]> {
  const found: Stored<Warning>[] = [];
  for (let i = 0; i < classIds.length; i += CHUNK) {
    found.push(
      ...(await queryAll(store, 'warnings', {
        where: { classId: { in: classIds.slice(i, i + CHUNK) }, status: 'active' },
      })),
    );
  }
  return found;
}

export async function activeWarningsOfStudents(store: Store, studentIds: string[]): Promise<Stored<Warning>[]> {
  return queryAll(store, 'warnings', { where: { studentId: { in: studentIds }, status: 'active' } });
}

/** Every warning of the student, in any state. */
export async function warningsOfStudent(store: Store, studentId: string): Promise<Stored<Warning>[]> {
  return queryAll(store, 'warnings', { where: { studentId } });
}

/** The warnings a run wrote (an interrupted publish resumes after them). */
export async function warningsOfRun(store: Store, runId: string): Promise<Stored<Warning>[]> {
  return queryAll(store, 'warnings', { where: { runId } });
}
