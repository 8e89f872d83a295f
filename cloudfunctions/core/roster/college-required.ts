import { DomainError } from '../errors';

/** The college a call acts on; a school-wide caller (学工部) must name it — never an empty id. */
export function requireCollege(collegeId: string | null): string {
  if (!collegeId) throw new DomainError('ROSTER.COLLEGE_REQUIRED', '请选择学院', 'collegeId');
  return collegeId;
}
