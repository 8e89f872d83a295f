import type { Grant, User } from '../../types/domain';
import { queryAll, type Store } from '../platform/store/store';

export type Person = { userId: string; openid: string; name: string; parent: boolean };

/**
 * The WeChat users of some students and of their bound parents. Grants are a nested list the
 * store cannot index, so this reads the user list once per call (see the report: a `studentIds`
 * field on users would make it one indexed query).
 */
export async function peopleOf(store: Store, studentIds: readonly string[], withParents: boolean): Promise<{ students: Person[]; parents: Person[] }> {
  const wanted = new Set(studentIds);
  const users = await queryAll<User>(store, 'users');
  const holds = (grants: Grant[], test: (g: Grant) => boolean) => grants.some(test);
  const students: Person[] = [];
  const parents: Person[] = [];
  for (const u of users) {
    if (holds(u.grants, (g) => g.role === 'student' && wanted.has(g.studentId))) students.push({ userId: u._id, openid: u.openid, name: u.name, parent: false });
    if (withParents && holds(u.grants, (g) => g.role === 'parent' && g.childIds.some((c) => wanted.has(c)))) parents.push({ userId: u._id, openid: u.openid, name: u.name, parent: true });
  }
  return { students, parents };
}
