import type { Assignment, Change } from '../../../types/assistant';
import { DomainError } from '../errors';

/** The class's assignment this school year: a change replaces someone, so there must be one. */
export function assignmentToChange<A extends Pick<Assignment, 'classId'>>(
  assignments: readonly A[],
  classId: string,
): A {
  const assignment = assignments.find((a) => a.classId === classId);
  if (!assignment) throw new DomainError('ASSISTANT.NOT_ASSIGNED', '该班级本学年尚未配备学业助理，无需变动', 'classId');
  return assignment;
}

/** A filing this month for the class already exists: the same person again is a repeat (true), another is refused. */
export function isRepeatFiling(existing: Pick<Change, 'incomingUserId'> | undefined, incomingUserId: string): boolean {
  if (!existing) return false;
  if (existing.incomingUserId === incomingUserId) return true;
  throw new DomainError('ASSISTANT.CHANGE_EXISTS', '该班级本月已有变动申请', 'classId');
}

/** Who hands the class over: the latest confirmed change's incoming person, else the one assigned. */
export function outgoingOf(
  changes: readonly Pick<Change, 'classId' | 'stage' | 'effectiveMonth' | 'incomingUserId' | 'incomingName'>[],
  assignment: Pick<Assignment, 'classId' | 'assistantUserId' | 'assistantName'>,
): { id: string; name: string } {
  const confirmed = changes
    .filter((c) => c.classId === assignment.classId && c.stage === 'confirmed')
    .sort((a, b) => (a.effectiveMonth < b.effectiveMonth ? 1 : -1))[0];
  return confirmed
    ? { id: confirmed.incomingUserId, name: confirmed.incomingName }
    : { id: assignment.assistantUserId, name: assignment.assistantName };
}

/** The incoming person is a graduate in study of the call's college (000-7.2). */
export function requireIncoming<G extends { graduate: { collegeId: string } }>(
  incoming: G | null,
  collegeId: string,
): G {
  if (!incoming || incoming.graduate.collegeId !== collegeId)
    throw new DomainError('ASSISTANT.NOT_GRADUATE', '接替人员应为本学院在读研究生', 'incomingUserId');
  return incoming;
}
