import { type Notice } from '../../../types/notice';
import type { Warning } from '../../../types/warning';
import { warningIssued } from '../../core/notices/message-intents';
import { renderNotice, type Correction, type NoticeNames } from '../../core/notices/render';
import { templateFor } from '../../core/notices/templates';
import { shanghai, toIso } from '../../core/time/shanghai';
import type { Store, TxStore, WriteContext } from '../../platform/store/store';
import { loadNoticeNames } from './notice-names';
import { noticeSettings } from './settings';
import { tellStudentInTx } from './tell-student';

export type { NoticeNames } from '../../core/notices/render';

export type IssuedNotice = { notice: Notice; created: boolean; messageQueued: boolean };

export function noticeIdOf(warningId: string, version = 1): string {
  return version === 1 ? `notice-${warningId}` : `notice-${warningId}-v${version}`;
}

// Names (who added a student by hand, the class's counselor and head teacher) live in notice-names.ts.
export { loadNoticeNames };

/**
 * Publishing a warning → its notice (college stub, student copy, parent copy, rendered from the
 * level's template and stored as issued) and the `warningIssued` message to the student when the
 * student has a WeChat user — both inside the caller's transaction. Idempotent: a second call for
 * the same warning (and version) writes nothing and returns the stored notice.
 */
export async function issueNoticesInTx(
  tx: TxStore,
  warning: Warning,
  ctx: WriteContext,
  names: NoticeNames,
  /** `announce: false` when the caller sends its own message (a correction answers the objection instead). */
  options: { version?: number; correction?: Correction & { replaces: string }; announce?: boolean } = {},
): Promise<IssuedNotice> {
  const version = options.version ?? 1;
  const id = noticeIdOf(warning._id, version);
  const existing = await tx.get('notices', id);
  if (existing) return { notice: existing, created: false, messageQueued: false };
  const correction = options.correction ?? null;
  const issuedAt = version === 1 ? warning.publishedAt : ctx.at;
  const notice: Notice = {
    _id: id,
    warningId: warning._id,
    version,
    correction: correction ? { replaces: correction.replaces, reason: correction.reason } : null,
    status: 'issued',
    studentId: warning.studentId,
    studentName: warning.studentName,
    classId: warning.classId,
    collegeId: warning.collegeId,
    semester: warning.semester,
    level: warning.level,
    levelName: warning.levelName,
    levelRank: warning.levelRank,
    copies: renderNotice(warning, names, templateFor(warning.policyId, warning.level), correction),
    issuedAt,
    issuedBy: warning.publishedBy,
    parentDeadline: toIso(shanghai(warning.publishedAt).add(noticeSettings.parentContactDays, 'day')),
    readAt: null,
    ack: null,
    objection: null,
    parentReadAt: null,
    receipt: null,
    phoneContacts: [],
    flags: [],
  };
  await tx.add('notices', notice, ctx);
  const messageQueued =
    options.announce === false
      ? false
      : await tellStudentInTx(
          tx,
          warning.studentId,
          (to) => warningIssued(notice, to, warning.change === 'escalated'),
          ctx,
        );
  return { notice, created: true, messageQueued };
}

/** For callers without a transaction of their own: one transaction per warning. */
export async function issueNotices(store: Store, warnings: Warning[], ctx: WriteContext): Promise<IssuedNotice[]> {
  const names = await loadNoticeNames(store, warnings);
  const out: IssuedNotice[] = [];
  for (const warning of warnings) {
    const n = names.get(warning.studentId) ?? {
      collegeName: warning.collegeId,
      className: warning.classId,
      parentName: '家长',
    };
    out.push(await store.transaction((tx) => issueNoticesInTx(tx, warning, ctx, n)));
  }
  return out;
}
