import type { Actor, Grant } from '../../../types/domain';

/** The students a caller acts for: themself (a student) and their bound children (a parent). */
export function studentsActedFor(actor: Pick<Actor, 'grants'>): string[] {
  return actor.grants.flatMap((g) => (g.role === 'student' ? [g.studentId] : g.role === 'parent' ? g.childIds : []));
}

/** The student a caller acts for on a record about several students (a meeting): their own or a child. */
export function studentOfCaller(actor: Pick<Actor, 'grants'>, studentIds: readonly string[]): string | undefined {
  for (const g of actor.grants) {
    if (g.role === 'student' && studentIds.includes(g.studentId)) return g.studentId;
    if (g.role === 'parent') {
      const child = g.childIds.find((c) => studentIds.includes(c));
      if (child) return child;
    }
  }
  return undefined;
}

/** The caller's own student id; one no record has when they are not a student (reaches nothing). */
export function ownStudentId(actor: Pick<Actor, 'grants'>): string {
  for (const g of actor.grants) if (g.role === 'student') return g.studentId;
  return '\u0000';
}

export function isParent(grants: readonly Grant[]): boolean {
  return grants.some((g) => g.role === 'parent');
}

/** A parent who is not also a student (a reminder to them opens the parent's pages). */
export function isParentOnly(grants: readonly Grant[]): boolean {
  return isParent(grants) && !grants.some((g) => g.role === 'student');
}

/** Whether the user is the student `studentId` (a student user checked against their grant). */
export function isStudentUser(grants: readonly Grant[], studentId: string): boolean {
  return grants.some((g) => g.role === 'student' && g.studentId === studentId);
}
