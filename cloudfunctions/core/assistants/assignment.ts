import type { Assignment, Call } from '../../../types/assistant';
import { DomainError } from '../errors';

export type AssignmentRequest = { classId: string; className: string; classCollegeId: string; applicationId: string };
export type AssignmentCheck = { kind: 'new' } | { kind: 'same'; assignment: Assignment };

/**
 * Whether a confirmed assistant may take a class (rules: 000-5.1): only from a confirmed list
 * (duties start from confirmation), one assistant per class, at most `maxClasses` classes each.
 * Refusals say why, naming the classes already held. The same assignment again is a no-op.
 */
export function checkAssignment(
  call: Call,
  request: AssignmentRequest,
  yearAssignments: readonly Assignment[],
  maxClasses: number,
  nameOf: (applicationId: string) => string,
): AssignmentCheck {
  if (call.stage !== 'confirmed')
    throw new DomainError('ASSISTANT.NOT_CONFIRMED', '名单经学校公示确认后才能配备到班（000-6.1.4）');
  if (request.classCollegeId !== call.collegeId)
    throw new DomainError('ASSISTANT.OTHER_COLLEGE', '只能为本学院的班级配备学业助理', 'classId');
  if (!call.selected.includes(request.applicationId))
    throw new DomainError('ASSISTANT.NOT_CONFIRMED', '该申请人不在确认名单中', 'applicationId');
  const current = yearAssignments.find((a) => a.classId === request.classId);
  if (current) {
    if (current.applicationId === request.applicationId) return { kind: 'same', assignment: current };
    throw new DomainError(
      'ASSISTANT.CLASS_TAKEN',
      `${request.className}已配备学业助理${current.assistantName}（每个班级配备 1 名，000-5.1）；中途更换请走人员变动申请`,
      'classId',
    );
  }
  const held = yearAssignments.filter((a) => a.applicationId === request.applicationId);
  if (held.length >= maxClasses) {
    throw new DomainError(
      'ASSISTANT.TOO_MANY_CLASSES',
      `每名学业助理带班不超过 ${maxClasses} 个（000-5.1），${nameOf(request.applicationId)}已带${held.map((a) => a.className).join('、')}`,
      'classId',
    );
  }
  return { kind: 'new' };
}

/** Checked again inside the write: a class another tap assigned meanwhile is refused, not assigned twice. */
export function checkClassFree(taken: boolean, className: string): void {
  if (taken)
    throw new DomainError(
      'ASSISTANT.CLASS_TAKEN',
      `${className}已配备学业助理（每个班级配备 1 名，000-5.1）`,
      'classId',
    );
}
