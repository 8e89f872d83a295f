import type { Warning } from '../../../types/warning';
import type { Store, Stored } from '../../platform/store/store';

/** A student's warning for the case: the newest active one, else the newest of any status not yet archived (a semester archive keeps lifted ones). */
export async function caseWarning(store: Store, studentId: string): Promise<Stored<Warning> | null> {
  const rows = await store.query('warnings', {
    where: { studentId },
    orderBy: [{ field: 'publishedAt', direction: 'desc' }],
    limit: 20,
  });
  return rows.find((w) => w.status === 'active') ?? rows.find((w) => w.archivedIn === undefined) ?? null;
}
