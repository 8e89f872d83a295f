import { shanghai } from '../time/shanghai';
import { pages, type MessageIntent, type Recipient } from './message-intents';

/** One notice whose parent was not informed within the week, as the counselor's digest counts it. */
export type OverdueNotice = {
  noticeId: string;
  classId: string;
  className: string;
  parentDeadline: string;
  /** When the notice was stored: a notice issued after its deadline (a correction) is overdue from then. */
  storedAt: string;
};

/** The subject of a counselor's digests, so the next pass finds the last one. */
export function digestSubject(counselorUserId: string): string {
  return `parentContactOverdue:${counselorUserId}`;
}

function later(a: string, b: string): number {
  return Math.max(Date.parse(a), Date.parse(b));
}

function classesText(overdue: readonly OverdueNotice[]): string {
  const names = [...new Set(overdue.map((n) => n.className))];
  return names.length === 1 ? (names[0] ?? '') : `${names[0] ?? ''}等${names.length}个班`;
}

/**
 * 家长告知已逾期 for one counselor, as one message a day instead of one per student (issue 9: 25+
 * at once). Sent only when a notice became overdue since the last digest (so an unchanged list
 * does not ring every day), and counts every notice still overdue. Keyed by counselor and
 * Shanghai day: the pass runs every minute and still sends at most one a day.
 */
export function overdueDigest(
  counselor: Recipient,
  overdue: readonly OverdueNotice[],
  lastDigestAt: string | null,
  nowIso: string,
): MessageIntent | null {
  if (overdue.length === 0) return null;
  const since = lastDigestAt === null ? -Infinity : Date.parse(lastDigestAt);
  const fresh = overdue.filter((n) => later(n.parentDeadline, n.storedAt) > since);
  if (fresh.length === 0) return null;
  const day = shanghai(nowIso).format('YYYY-MM-DD');
  const classIds = [...new Set(overdue.map((n) => n.classId))];
  const earliest = [...overdue].sort((a, b) => Date.parse(a.parentDeadline) - Date.parse(b.parentDeadline))[0];
  return {
    key: `${digestSubject(counselor.userId)}:${day}`,
    kind: 'parentContactOverdue',
    toUserId: counselor.userId,
    toOpenid: counselor.openid,
    page: classIds.length === 1 && classIds[0] !== undefined ? pages.classNotices(classIds[0]) : pages.noticeClasses(),
    data: {
      count: String(overdue.length),
      className: classesText(overdue),
      deadline: earliest?.parentDeadline ?? nowIso,
      note: `新增${fresh.length}人，请尽快联系家长并记录`,
    },
    subjectId: digestSubject(counselor.userId),
  };
}
