import type { Grant, Role } from '../../../types/domain';

/** The students the caller is (their student grants). */
export function ownStudentIds(grants: ReadonlyArray<Grant>): string[] {
  return grants.flatMap((g) => (g.role === 'student' ? [g.studentId] : []));
}

/** The children the caller is bound to as a parent. */
export function childIdsOf(grants: ReadonlyArray<Grant>): string[] {
  return grants.flatMap((g) => (g.role === 'parent' ? g.childIds : []));
}

/** Whether the grants still make the user this student's parent (a revoked grant stops the messages). */
export function isParentOf(grants: ReadonlyArray<Grant>, studentId: string): boolean {
  return grants.some((g) => g.role === 'parent' && g.childIds.includes(studentId));
}

/** The grants with the student added as a child: to the parent grant, or as a new one. */
export function withChild(grants: Grant[], studentId: string): Grant[] {
  if (!grants.some((g) => g.role === 'parent')) return [...grants, { role: 'parent', childIds: [studentId] }];
  return grants.map((g) =>
    g.role === 'parent' && !g.childIds.includes(studentId) ? { ...g, childIds: [...g.childIds, studentId] } : g,
  );
}

/** The caller's department in a college, when they head one there. */
export function headedDepartmentIn(grants: ReadonlyArray<Grant>, collegeId: string): string | undefined {
  for (const g of grants) if (g.role === 'departmentHead' && g.collegeId === collegeId) return g.departmentId;
  return undefined;
}

/** The class-staff roles (counselor, head teacher) the caller holds, per class. */
export function classStaffRoles(grants: ReadonlyArray<Grant>): Map<string, Set<Role>> {
  const out = new Map<string, Set<Role>>();
  for (const g of grants) {
    if (g.role !== 'counselor' && g.role !== 'headTeacher') continue;
    for (const id of g.classIds) out.set(id, (out.get(id) ?? new Set<Role>()).add(g.role));
  }
  return out;
}

/**
 * The role by which a person reaches the student's class, for "辅导员张伟" in a notice: counselor
 * or head teacher of that class, else their clerk, counselor or head teacher grant anywhere.
 */
export function staffRoleFor(grants: ReadonlyArray<Grant>, classId: string): Role | null {
  const grant =
    grants.find((g) => (g.role === 'counselor' || g.role === 'headTeacher') && g.classIds.includes(classId)) ??
    grants.find((g) => g.role === 'clerk' || g.role === 'counselor' || g.role === 'headTeacher');
  return grant ? grant.role : null;
}
