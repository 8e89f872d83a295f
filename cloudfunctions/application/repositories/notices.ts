import { NOTICES, type Notice } from '../../types/notice';
import type { Resource } from '../core/access/authorize';
import { DomainError, NotFoundError } from '../core/errors';
import { transition, type NoticeEvent } from '../core/notices/workflow';
import type { Store, Stored, TxStore, WriteContext } from '../platform/store/store';

export async function loadNotice(store: Store | TxStore, noticeId: string): Promise<Stored<Notice>> {
  const notice = await store.get<Notice>(NOTICES, noticeId);
  if (!notice) throw new NotFoundError('该通知');
  return notice;
}

/** Whose notice it is, for `authorize`; an unknown id reaches no one (denied before "not found"). */
export async function noticeResource(store: Store, noticeId: string): Promise<Resource> {
  const notice = await store.get<Notice>(NOTICES, noticeId);
  return notice ? { studentId: notice.studentId, classId: notice.classId, collegeId: notice.collegeId } : {};
}

/**
 * Runs one workflow event inside a transaction: reads the notice fresh, applies the pure
 * transition, writes only the state fields (never the copies) with a version check.
 */
export async function applyEvent(tx: TxStore, noticeId: string, event: NoticeEvent, ctx: WriteContext): Promise<{ notice: Stored<Notice>; changed: boolean }> {
  const notice = await tx.get<Notice>(NOTICES, noticeId);
  if (!notice) throw new NotFoundError('该通知');
  const { patch, changed } = transition(notice, event);
  if (!changed) return { notice, changed };
  const updated = await tx.update<Notice>(NOTICES, noticeId, patch, notice._version, ctx);
  return { notice: updated, changed };
}

export function assertNotice(condition: boolean, code: string, message: string, field?: string): asserts condition {
  if (!condition) throw new DomainError(code, message, field);
}
