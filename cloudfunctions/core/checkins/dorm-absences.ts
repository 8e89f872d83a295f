import type { ResidentStatus } from '../../../types/checkin';
import { DomainError } from '../errors';

/**
 * The residents list of a dorm check must name each resident of the dorm exactly once; those
 * absent without leave are returned (each raises a follow-up for the counselor).
 */
export function absencesWithoutLeave(
  residentIds: readonly string[],
  reported: readonly { studentId: string; status: ResidentStatus }[],
): string[] {
  const expected = new Set(residentIds);
  const seen = new Set<string>();
  for (const r of reported) {
    if (!expected.has(r.studentId))
      throw new DomainError('CHECKIN.NOT_RESIDENT', `学生 ${r.studentId} 不住在该寝室`, 'residents');
    if (seen.has(r.studentId))
      throw new DomainError('CHECKIN.RESIDENT_TWICE', `学生 ${r.studentId} 重复登记`, 'residents');
    seen.add(r.studentId);
  }
  const missing = residentIds.filter((id) => !seen.has(id));
  if (missing.length > 0)
    throw new DomainError(
      'CHECKIN.RESIDENT_MISSING',
      `请登记每位住宿学生的在位情况（缺 ${missing.length} 人）`,
      'residents',
    );
  return reported.filter((r) => r.status === 'absent').map((r) => r.studentId);
}
