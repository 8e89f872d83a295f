import type { User } from '../../../types/domain';
import { headedDepartments } from '../../core/access/report-reach';
import type { CourseTask } from '../../core/reports/course-tasks';
import { queryAll, type Store, type Stored, type WriteContext } from '../../platform/store/store';

export type TaskOwner = { id: string; name: string };

/** Who answers for a college's course tasks: each department's head, and the leader standing in for none. */
export type CollegeOwners = { heads: Map<string, TaskOwner>; leader: TaskOwner | null };

/**
 * From the users' grants (users carry no college field): the first head of each department and
 * the first leader of the college, by user id, so the choice does not depend on read order.
 */
export function collegeOwners(
  users: readonly Pick<User, '_id' | 'name' | 'grants'>[],
  collegeId: string,
): CollegeOwners {
  const heads = new Map<string, TaskOwner>();
  let leader: TaskOwner | null = null;
  for (const u of [...users].sort((a, b) => (a._id < b._id ? -1 : 1))) {
    for (const d of headedDepartments(u, collegeId)) if (!heads.has(d)) heads.set(d, { id: u._id, name: u.name });
    if (!leader && (u.grants ?? []).some((g) => g.role === 'leader' && g.collegeId === collegeId))
      leader = { id: u._id, name: u.name };
  }
  return { heads, leader };
}

export async function loadCollegeOwners(store: Store, collegeId: string): Promise<CollegeOwners> {
  return collegeOwners(await queryAll(store, 'users'), collegeId);
}

/**
 * The owner of a department's task: its head; with none appointed (or a course of no department),
 * the college leader (院领导) until one is (rules: 003-3 gives the task to the department).
 */
export function ownerFor(owners: CollegeOwners, departmentId: string | null): TaskOwner | null {
  return (departmentId ? owners.heads.get(departmentId) : undefined) ?? owners.leader;
}

/** The owner stands in (代管): they do not head the task's department. */
export function isActingOwner(
  task: Pick<CourseTask, 'collegeId' | 'departmentId'>,
  owner: Pick<User, 'grants'> | undefined,
): boolean {
  if (!owner) return false;
  return task.departmentId === null || !headedDepartments(owner, task.collegeId).includes(task.departmentId);
}

/**
 * Open tasks pass to whom they belong now, in a transaction each (who and when recorded): a task
 * a leader stands in for, to the head appointed since; a task of no owner (opened before owners
 * were given for every department), to its head or else the leader. `ownersOf` gives the tasks'
 * owners as users. Returns the tasks as they are after it.
 */
export async function passTasksToOwners<T extends Stored<CourseTask>>(
  store: Store,
  tasks: readonly T[],
  ownersOf: ReadonlyMap<string, Pick<User, 'grants'>>,
  write: WriteContext,
): Promise<T[]> {
  const moving = tasks.filter(
    (t) =>
      t.doneAt === null &&
      (t.ownerId === null || (t.departmentId !== null && isActingOwner(t, ownersOf.get(t.ownerId)))),
  );
  if (moving.length === 0) return [...tasks];
  const users = await queryAll(store, 'users');
  const byCollege = new Map<string, CollegeOwners>();
  const passed = new Map<string, T>();
  for (const t of moving) {
    const owners = byCollege.get(t.collegeId) ?? collegeOwners(users, t.collegeId);
    byCollege.set(t.collegeId, owners);
    const next =
      t.ownerId === null ? ownerFor(owners, t.departmentId) : (owners.heads.get(t.departmentId ?? '') ?? null);
    if (!next || next.id === t.ownerId) continue;
    const saved = await store.transaction(async (tx) => {
      const current = await tx.get('courseTasks', t._id);
      if (!current || current.doneAt !== null || current.ownerId !== t.ownerId) return null;
      return tx.update('courseTasks', t._id, { ownerId: next.id, ownerName: next.name }, current._version, write);
    });
    if (saved) passed.set(t._id, { ...t, ...saved });
  }
  return tasks.map((t) => passed.get(t._id) ?? t);
}
