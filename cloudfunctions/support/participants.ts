import { isStudentUser } from '../core/access/family';
import type { User } from '../../types/domain';
import { usersByIds } from '../platform/directory/directory';
import type { Store } from '../platform/store/store';
import { parentsOf } from '../application/notices/parents';
import { studentUserId } from '../application/notices/settings';

export type Person = { userId: string; openid: string; parent: boolean };

/**
 * The WeChat users of some students and of their bound parents, found the way the notices
 * function finds them (student users are `s-<学号>`; parents from parentBindings and the
 * enrollment import), each checked against the user's grant.
 */
export async function peopleOf(
  store: Store,
  studentIds: readonly string[],
  withParents: boolean,
): Promise<{ students: Person[]; parents: Person[] }> {
  const wanted = [...new Set(studentIds)];
  const users: Map<string, User> = await usersByIds(store, wanted.map(studentUserId));
  const students = wanted.flatMap((id) => {
    const u = users.get(studentUserId(id));
    return u && isStudentUser(u.grants, id) ? [{ userId: u._id, openid: u.openid, parent: false }] : [];
  });
  if (!withParents) return { students, parents: [] };
  const byStudent = await parentsOf(store, wanted);
  const parents = new Map<string, Person>();
  for (const list of byStudent.values())
    for (const r of list) parents.set(r.userId, { userId: r.userId, openid: r.openid, parent: true });
  return { students, parents: [...parents.values()] };
}
