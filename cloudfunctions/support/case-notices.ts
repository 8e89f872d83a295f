import type { CaseAudience } from '../../types/api/support';
import { type Notice } from '../../types/notice';
import type { NoticeEvent } from '../core/support/case-timeline';
import { queryAll, type Store } from '../platform/store/store';

/** The notices of a student (issue 4 owns the collection; this only reads it). */
export async function noticesOf(store: Store, studentId: string): Promise<Notice[]> {
  return queryAll(store, 'notices', { where: { studentId } });
}

/**
 * Notice and receipt events for the case timeline. The parent's receipt message is addressed to
 * the counselor and phone-contact notes are staff notes: the student sees only that they happened.
 */
export function noticeEvents(notices: readonly Notice[], audience: CaseAudience): NoticeEvent[] {
  const staff = audience === 'staff';
  return notices.flatMap((n) => {
    const events: NoticeEvent[] = [
      {
        at: n.issuedAt,
        title: `学业警示通知单已下达${n.version > 1 ? `（更正第 ${n.version} 版）` : ''}`,
        detail: n.levelName,
        refId: n._id,
      },
    ];
    if (n.ack) events.push({ at: n.ack.at, title: '学生已签收通知单', detail: '', refId: n._id });
    if (n.objection)
      events.push({ at: n.objection.at, title: '学生提出异议', detail: staff ? n.objection.reason : '', refId: n._id });
    if (n.receipt)
      events.push({
        at: n.receipt.at,
        title: `家长已回执（${n.receipt.parentName}）`,
        detail: staff ? n.receipt.message : '',
        refId: n._id,
      });
    for (const c of n.phoneContacts)
      events.push({ at: c.at, title: `${c.byName}电话联系家长`, detail: staff ? c.summary : '', refId: n._id });
    return events;
  });
}
