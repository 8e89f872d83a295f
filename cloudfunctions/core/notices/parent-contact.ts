import type { Notice } from '../../../types/notice';

/** How the parent was informed: their receipt, a counselor's phone call (marked as such), or not yet. */
export type ParentContact = 'receipt' | 'phone' | 'none';

export function parentContactOf(notice: Pick<Notice, 'receipt' | 'phoneContacts'>): ParentContact {
  if (notice.receipt) return 'receipt';
  if (notice.phoneContacts.length > 0) return 'phone';
  return 'none';
}

/** Parents are informed within 1 week of the college document (rules: 001-2.5); after that it is overdue. */
export function isParentContactOverdue(
  notice: Pick<Notice, 'status' | 'receipt' | 'phoneContacts' | 'parentDeadline'>,
  nowIso: string,
): boolean {
  return (
    notice.status === 'issued' &&
    parentContactOf(notice) === 'none' &&
    Date.parse(nowIso) > Date.parse(notice.parentDeadline)
  );
}
