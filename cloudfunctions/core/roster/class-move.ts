import { DomainError } from '../errors';

/** A student moves only into a class of their own college; into the class they are in, nothing happens. */
export function classMove(
  student: { classId: string; collegeId: string },
  target: { _id: string; collegeId: string },
): 'same' | 'move' {
  if (target.collegeId !== student.collegeId)
    throw new DomainError('ROSTER.OTHER_COLLEGE', '只能转入本学院的班级', 'classId');
  return student.classId === target._id ? 'same' : 'move';
}

/** The student and the class as read inside the move's transaction: both must still be there. */
export function requireMoveRecords<S, C>(student: S | null, into: C | null): { student: S; into: C } {
  if (!student || !into) throw new DomainError('ROSTER.NOT_FOUND', '学生或班级不存在', 'studentId');
  return { student, into };
}
