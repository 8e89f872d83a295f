import type { Actor } from '../../../types/domain';
import type { ManualEntry, Policy } from '../../../types/policy';
import { AccessDeniedError, NotFoundError } from '../errors';
import { grantsFor } from './authorize';

/** A change to a run's list by hand: add a student, take one off, or undo the change. */
export type ManualChange = 'add' | 'remove' | 'clear';

/** A run lists its own college's students only: another college's student is not there to change. */
export function assertStudentOfRun(student: { collegeId: string }, run: { collegeId: string }): void {
  if (student.collegeId !== run.collegeId) throw new NotFoundError('该学生');
}

/**
 * Head teachers and counselors may add students to the clerk's list (rules: 002-4.2.1); the clerk, who
 * compiles the list, may change it in every way. So only the run's clerk removes a student or
 * undoes a change, and class staff may not overwrite a change someone else made.
 */
export function assertMayChangeManual(
  actor: Actor,
  policy: Policy,
  run: { collegeId: string; manual: ReadonlyArray<ManualEntry> },
  kind: ManualChange,
  resource: { studentId: string; classId: string; collegeId: string },
): void {
  const grants = grantsFor(actor, 'warnings.addManual', resource);
  if (grants.some((g) => g.role === 'clerk' && g.collegeId === run.collegeId)) return;
  if (kind !== 'add') throw new AccessDeniedError('只有教学秘书可以把学生移出名单或撤销人工调整');
  if (!grants.some((g) => policy.manualAdditions.roles.includes(g.role)))
    throw new AccessDeniedError(`“${policy.name}”不允许你的角色人工调整名单`);
  const earlier = run.manual.find((m) => m.studentId === resource.studentId);
  if (earlier && earlier.by !== actor.userId)
    throw new AccessDeniedError('该学生的名单已由他人人工调整，如需改动请联系教学秘书');
}
