import type { ClassInfo, User } from '../../types/domain';
import { NOTICES, type Notice } from '../../types/notice';
import { deadlineMessages } from '../core/notices/message-intents';
import { parentContactOf } from '../core/notices/parent-contact';
import type { Clock } from '../core/time/clock';
import { toIso } from '../core/time/shanghai';
import { enqueue } from '../platform/messenger/outbox';
import { usersByIds } from '../platform/directory/directory';
import { queryAll, type Store } from '../platform/store/store';
import { parentsOf } from '../notices/parents';

export type DeadlinePassResult = { notices: number; queued: number };

/**
 * Checks every open notice (issued, parent not yet informed) against its deadline and queues what
 * is owed: the receipt request to bound parents, and after the week the overdue notes to parents
 * and the class counselor. Keys dedup, so running it every minute queues each message once.
 */
export async function queueDeadlineMessages(store: Store, clock: Clock): Promise<DeadlinePassResult> {
  const nowIso = toIso(clock.now());
  const open = (await queryAll<Notice>(store, NOTICES, { where: { status: 'issued', receipt: null } })).filter((n) => parentContactOf(n) === 'none');
  if (open.length === 0) return { notices: 0, queued: 0 };
  const parents = await parentsOf(store, [...new Set(open.map((n) => n.studentId))]);
  const classes = new Map((await queryAll<ClassInfo>(store, 'classes', { where: { _id: { in: [...new Set(open.map((n) => n.classId))] } } })).map((c) => [c._id, c]));
  const counselors = await usersByIds(store, [...classes.values()].map((c) => c.counselorId));
  let queued = 0;
  for (const notice of open) {
    const cls = classes.get(notice.classId);
    const counselor: User | undefined = cls ? counselors.get(cls.counselorId) : undefined;
    const intents = deadlineMessages(notice, {
      parents: parents.get(notice.studentId) ?? [],
      counselor: counselor ? { userId: counselor._id, openid: counselor.openid } : null,
      className: cls?.name ?? notice.classId,
      nowIso,
    });
    for (const intent of intents) {
      if (await store.get('outbox', `msg:${intent.key}`)) continue;
      if (await store.transaction((tx) => enqueue(tx, intent, { by: 'scheduler', at: nowIso }))) queued += 1;
    }
  }
  return { notices: open.length, queued };
}
