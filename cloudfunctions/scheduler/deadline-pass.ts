import type { ClassInfo, User } from '../../types/domain';
import type { OutboxMessage } from '../../types/message';
import { NOTICES, type Notice } from '../../types/notice';
import { deadlineMessages } from '../core/notices/message-intents';
import { parentContactOf } from '../core/notices/parent-contact';
import type { Clock } from '../core/time/clock';
import { toIso } from '../core/time/shanghai';
import { enqueue, OUTBOX } from '../platform/messenger/outbox';
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
  const queuedBefore = await outboxIdsFor(store, open.map((n) => n._id));
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
      if (queuedBefore.has(`msg:${intent.key}`)) continue;
      if (await store.transaction((tx) => enqueue(tx, intent, { by: 'scheduler', at: nowIso }))) queued += 1;
    }
  }
  return { notices: open.length, queued };
}

/** Ids per `in` query: well under the store's page and CloudBase's request limits. */
const SUBJECT_CHUNK = 500;

/**
 * The ids of every message already queued about these notices, in one query per 500 notices
 * instead of one read per owed message (the pass runs every minute over every open notice).
 * `enqueue` still checks the key inside its transaction, so a message queued meanwhile stays one.
 */
async function outboxIdsFor(store: Store, noticeIds: string[]): Promise<Set<string>> {
  const ids = new Set<string>();
  for (let i = 0; i < noticeIds.length; i += SUBJECT_CHUNK) {
    const rows = await queryAll<OutboxMessage>(store, OUTBOX, { where: { subjectId: { in: noticeIds.slice(i, i + SUBJECT_CHUNK) } } });
    for (const row of rows) ids.add(row._id);
  }
  return ids;
}
