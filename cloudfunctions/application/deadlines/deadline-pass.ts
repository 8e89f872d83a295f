import type { ClassInfo, User } from '../../../types/domain';
import type { OutboxMessage } from '../../../types/message';
import { type Notice } from '../../../types/notice';
import { deadlineMessages, type MessageIntent } from '../../core/notices/message-intents';
import { digestSubject, overdueDigest, type OverdueNotice } from '../../core/notices/overdue-digest';
import { isParentContactOverdue, parentContactOf } from '../../core/notices/parent-contact';
import type { Clock } from '../../core/time/clock';
import { toIso } from '../../core/time/shanghai';
import { enqueue } from '../../platform/messenger/outbox';
import { usersByIds } from '../../platform/directory/directory';
import { mapSurviving } from '../../platform/runtime/skip-bad-records';
import { queryAll, type Store, type Stored } from '../../platform/store/store';
import { parentsOf } from '../notices/parents';
import { messagesAbout } from '../repositories/notices';

export type DeadlinePassResult = { notices: number; queued: number };

/**
 * Checks every open notice (issued, parent not yet informed) against its deadline and queues what
 * is owed: the receipt request to bound parents, after the week the overdue note to each parent,
 * and to each class counselor one digest a day of their overdue notices. Keys dedup, so running
 * it every minute queues each message once.
 */
export async function queueDeadlineMessages(store: Store, clock: Clock): Promise<DeadlinePassResult> {
  const nowIso = toIso(clock.now());
  const issued = await queryAll(store, 'notices', { where: { status: 'issued', receipt: null } });
  // One unreadable notice is reported and skipped: the pass serves every college every minute.
  const open = mapSurviving('notices', issued, idOf, (n) =>
    parentContactOf(n) === 'none' && readableForDeadlines(n) ? n : null,
  ).filter((n) => n !== null);
  if (open.length === 0) return { notices: 0, queued: 0 };
  const parents = await parentsOf(store, [...new Set(open.map((n) => n.studentId))]);
  const classes = new Map(
    (await queryAll(store, 'classes', { where: { _id: { in: [...new Set(open.map((n) => n.classId))] } } })).map(
      (c) => [c._id, c],
    ),
  );
  const counselors = await usersByIds(store, [...new Set([...classes.values()].map((c) => c.counselorId))]);
  const queued = await queuedAbout(store, [...open.map((n) => n._id), ...[...counselors.keys()].map(digestSubject)]);

  const intents: MessageIntent[] = mapSurviving('notices', open, idOf, (notice) =>
    deadlineMessages(notice, { parents: parents.get(notice.studentId) ?? [], nowIso }),
  ).flat();
  for (const [counselorId, overdue] of overdueByCounselor(open, classes, queued, nowIso)) {
    const counselor: User | undefined = counselors.get(counselorId);
    if (!counselor) continue;
    const digest = overdueDigest(
      { userId: counselor._id, openid: counselor.openid },
      overdue,
      lastDigestAt(queued, counselor._id),
      nowIso,
    );
    if (digest) intents.push(digest);
  }
  const queuedIds = new Set(queued.map((row) => row._id));
  let count = 0;
  for (const intent of intents) {
    if (queuedIds.has(`msg:${intent.key}`)) continue;
    if (await store.transaction((tx) => enqueue(tx, intent, { by: 'scheduler', at: nowIso }))) count += 1;
  }
  return { notices: open.length, queued: count };
}

const idOf = (n: Stored<Notice>) => n._id;

/** The fields the deadline messages print and compare; a notice missing one cannot be reminded about. */
function readableForDeadlines(n: Notice): boolean {
  for (const field of ['studentId', 'studentName', 'classId', 'parentDeadline', 'issuedAt'] as const) {
    if (typeof n[field] !== 'string' || n[field] === '') throw new Error(`${field} 缺失`);
  }
  return true;
}

/**
 * Overdue notices per class counselor. A notice whose counselor note went out one by one before
 * digests existed (key `parentContactOverdue:<notice id>`) counts as reported.
 */
function overdueByCounselor(
  open: Stored<Notice>[],
  classes: Map<string, ClassInfo>,
  queued: OutboxMessage[],
  nowIso: string,
): Map<string, OverdueNotice[]> {
  const reportedOneByOne = new Set(queued.filter((m) => m.kind === 'parentContactOverdue').map((m) => m.subjectId));
  const out = new Map<string, OverdueNotice[]>();
  for (const n of open) {
    const cls = classes.get(n.classId);
    if (!cls || !isParentContactOverdue(n, nowIso) || reportedOneByOne.has(n._id)) continue;
    const list = out.get(cls.counselorId) ?? [];
    list.push({
      noticeId: n._id,
      classId: n.classId,
      className: cls.name,
      parentDeadline: n.parentDeadline,
      storedAt: n.createdAt,
    });
    out.set(cls.counselorId, list);
  }
  return out;
}

function lastDigestAt(queued: OutboxMessage[], counselorId: string): string | null {
  const subject = digestSubject(counselorId);
  let last: string | null = null;
  for (const m of queued)
    if (m.subjectId === subject && (last === null || Date.parse(m.sendAfter) > Date.parse(last))) last = m.sendAfter;
  return last;
}

/** Ids per `in` query: well under the store's page and CloudBase's request limits. */
const SUBJECT_CHUNK = 500;

/**
 * Every message already queued about these notices and counselors' digests, in one query per
 * 500 subjects instead of one read per owed message (the pass runs every minute over every open
 * notice). `enqueue` still checks the key inside its transaction, so a message queued meanwhile
 * stays one.
 */
function queuedAbout(store: Store, subjectIds: string[]): Promise<OutboxMessage[]> {
  return messagesAbout(store, subjectIds, SUBJECT_CHUNK);
}
