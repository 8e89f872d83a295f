import { AccessDeniedError } from '../errors';

/**
 * Where a teacher may raise a concern: the student, and the teacher's own section of the course
 * that holds the student's class. A student outside the teacher's sections is denied, not
 * reported missing.
 */
export function concernReach<
  St extends { classId: string },
  S extends { courseCode: string; classIds: readonly string[] },
>(student: St | null, sections: readonly S[], courseCode: string): { student: St; section: S } {
  const section = student
    ? sections.find((s) => s.courseCode === courseCode && s.classIds.includes(student.classId))
    : undefined;
  if (!student || !section) throw new AccessDeniedError('只能反映你所授课程的学生');
  return { student, section };
}
