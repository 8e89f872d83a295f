import type { OutboxMessage } from '../../../types/message';
import type { Notice, ParentBinding } from '../../../types/notice';
import type { Resource } from '../../core/access/authorize';
import { NotFoundError } from '../../core/errors';
import { parentContactOf } from '../../core/notices/parent-contact';
import { transition, type NoticeEvent } from '../../core/notices/workflow';
import { queryAll, type Store, type Stored, type TxStore, type WriteContext } from '../../platform/store/store';
import { noteDutySource } from '../digests/duty-digests';

export async function loadNotice(store: Store | TxStore, noticeId: string): Promise<Stored<Notice>> {
  const notice = await store.get('notices', noticeId);
  if (!notice) throw new NotFoundError('该通知');
  return notice;
}

/** Whose notice it is, for `authorize`; an unknown id reaches no one (denied before "not found"). */
export async function noticeResource(store: Store, noticeId: string): Promise<Resource> {
  const notice = await store.get('notices', noticeId);
  return notice ? { studentId: notice.studentId, classId: notice.classId, collegeId: notice.collegeId } : {};
}

/**
 * Runs one workflow event inside a transaction: reads the notice fresh, applies the pure
 * transition, writes only the state fields (never the copies) with a version check.
 */
export async function applyEvent(
  tx: TxStore,
  noticeId: string,
  event: NoticeEvent,
  ctx: WriteContext,
): Promise<{ notice: Stored<Notice>; changed: boolean }> {
  const notice = await tx.get('notices', noticeId);
  if (!notice) throw new NotFoundError('该通知');
  const { patch, changed } = transition(notice, event);
  if (!changed) return { notice, changed };
  const updated = await tx.update('notices', noticeId, patch, notice._version, ctx);
  await noteDutySource(tx, 'notices', notice, updated, ctx);
  return { notice: updated, changed };
}

/** Every notice of these students (their own, or a parent's children), newest first. */
export async function noticesOfStudents(store: Store, studentIds: string[]): Promise<Stored<Notice>[]> {
  return queryAll(store, 'notices', {
    where: { studentId: { in: studentIds } },
    orderBy: [{ field: 'issuedAt', direction: 'desc' }],
  });
}

/** The class's notices in force, by student. */
export async function issuedNoticesOfClass(store: Store, classId: string): Promise<Stored<Notice>[]> {
  return queryAll(store, 'notices', {
    where: { classId, status: 'issued' },
    orderBy: [{ field: 'studentId', direction: 'asc' }],
  });
}

/** The student's notices in force that no parent has answered yet: a newly bound parent is asked for their receipts. */
export async function noticesAwaitingParent(store: Store, studentId: string): Promise<Stored<Notice>[]> {
  return (await queryAll(store, 'notices', { where: { studentId, status: 'issued' } })).filter(
    (n) => parentContactOf(n) === 'none',
  );
}

/** Every message queued about these subjects (notices, digests), `chunk` subjects per `in` query. */
export async function messagesAbout(
  store: Store,
  subjectIds: ReadonlyArray<string>,
  chunk: number,
): Promise<OutboxMessage[]> {
  const rows: OutboxMessage[] = [];
  for (let i = 0; i < subjectIds.length; i += chunk)
    rows.push(...(await queryAll(store, 'outbox', { where: { subjectId: { in: subjectIds.slice(i, i + chunk) } } })));
  return rows;
}

/** Ids per `in` query on the bindings. */
const BINDING_CHUNK = 500;

/** The parent bindings made with a code for these students. */
export async function bindingsOf(store: Store, studentIds: ReadonlyArray<string>): Promise<Stored<ParentBinding>[]> {
  const rows: Stored<ParentBinding>[] = [];
  for (let i = 0; i < studentIds.length; i += BINDING_CHUNK)
    rows.push(
      ...(await queryAll(store, 'parentBindings', {
        where: { studentId: { in: studentIds.slice(i, i + BINDING_CHUNK) } },
      })),
    );
  return rows;
}
