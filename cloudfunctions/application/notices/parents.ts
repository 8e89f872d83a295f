import type { User } from '../../../types/domain';
import { isParentOf } from '../../core/access/own-grants';
import type { Recipient } from '../../core/notices/message-intents';
import type { Store } from '../../platform/store/store';
import { bindingsOf } from '../repositories/notices';
import { usersByIds } from '../../platform/directory/directory';
import { seededParentUserId } from './settings';

/**
 * The WeChat users bound as each student's parent: bindings made with a code (parentBindings)
 * and parents bound at enrollment (`p-<学号>`), each checked against the user's parent grant so a
 * revoked grant stops the messages.
 */
export async function parentsOf(store: Store, studentIds: string[]): Promise<Map<string, Recipient[]>> {
  const out = new Map<string, Recipient[]>(studentIds.map((id) => [id, []]));
  if (studentIds.length === 0) return out;
  const bindings = await bindingsOf(store, studentIds);
  const candidates = [
    ...bindings.map((b) => ({ studentId: b.studentId, userId: b.userId })),
    ...studentIds.map((id) => ({ studentId: id, userId: seededParentUserId(id) })),
  ];
  const users: Map<string, User> = await usersByIds(
    store,
    candidates.map((c) => c.userId),
  );
  for (const { studentId, userId } of candidates) {
    const user = users.get(userId);
    const list = out.get(studentId);
    if (!user || !list || list.some((r) => r.userId === userId)) continue;
    if (isParentOf(user.grants, studentId)) list.push({ userId, openid: user.openid });
  }
  return out;
}
