import { sameGrants, staffGrants } from '../../core/roster/staff-grants';
import { queryAll, type Store, type WriteContext } from '../../platform/store/store';
import { collegeClasses } from '../repositories/classes';
import { collegeStaff } from '../repositories/staff';

/**
 * Re-derives every staff grant of a college from its classes and teaching sections (core:
 * staffGrants) and rewrites only the users whose grants changed: run after any roster change.
 */
export async function refreshStaffGrants(store: Store, collegeId: string, write: WriteContext): Promise<number> {
  const [staff, classes, sections, college] = await Promise.all([
    collegeStaff(store, collegeId),
    collegeClasses(store, collegeId),
    queryAll(store, 'teachingSections', { where: { collegeId } }),
    store.get('colleges', collegeId),
  ]);
  const active = classes.filter((c) => c.active !== false);
  let changed = 0;
  for (const user of staff) {
    const departmentId =
      college?.departments.find((d) => d.name === user.department || d.id === user.department)?.id ?? user.department;
    const codes = sections.filter((s) => s.teacherId === user._id).map((s) => s.courseCode);
    const grants = staffGrants(
      { userId: user._id, roles: user.roles, collegeId, departmentId, active: user.active },
      active,
      codes,
    );
    if (sameGrants(grants, user.grants)) continue;
    await store.update('users', user._id, { grants }, user._version, write);
    changed++;
  }
  return changed;
}
