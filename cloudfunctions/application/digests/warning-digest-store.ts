import type { Warning } from '../../../types/warning';
import { digestIdOf, withWarning } from '../../core/reports/warning-digest';
import type { WarningFact } from '../../core/reports/facts';
import type { TxStore, WriteContext } from '../../platform/store/store';

/** The facts of a warning the reports read. */
export function warningFactOf(
  w: Pick<
    Warning,
    | '_id'
    | 'studentId'
    | 'studentName'
    | 'classId'
    | 'semester'
    | 'level'
    | 'levelName'
    | 'levelRank'
    | 'status'
    | 'publishedAt'
    | 'failedCourses'
  >,
): WarningFact {
  return {
    warningId: w._id,
    studentId: w.studentId,
    studentName: w.studentName ?? '',
    classId: w.classId,
    semester: w.semester,
    level: w.level,
    levelName: w.levelName ?? w.level,
    levelRank: typeof w.levelRank === 'number' ? w.levelRank : 0,
    status: w.status,
    publishedAt: w.publishedAt,
    failedCourses: (w.failedCourses ?? []).map((c) => ({ code: c.code, name: c.name })),
  };
}

/**
 * Call in the transaction that added or changed a warning, with the warning as it now stands:
 * its semester × class digest follows (one document read, one written).
 */
export async function noteWarningInDigest(tx: TxStore, warning: Warning, write: WriteContext): Promise<void> {
  const id = digestIdOf(warning.semester, warning.classId);
  const old = await tx.get('warningDigests', id);
  const next = withWarning(old, warningFactOf(warning), warning.collegeId);
  if (old) await tx.update('warningDigests', id, { students: next.students }, old._version, write);
  else await tx.add('warningDigests', { _id: id, ...next }, write);
}
