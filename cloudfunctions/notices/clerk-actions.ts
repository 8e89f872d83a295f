import type { NoticesApi, ObjectionRow } from '../../types/api/notices';
import { NOTICES, type Notice } from '../../types/notice';
import type { Warning } from '../../types/warning';
import { WARNINGS } from '../../types/warning';
import { collegeIdsFor } from '../core/access/authorize';
import { DomainError, NotFoundError } from '../core/errors';
import type { ActionSpec } from '../platform/runtime/define-function';
import { queryAll } from '../platform/store/store';
import { issueNoticesInTx, loadNoticeNames, noticeIdOf } from './issue';
import { applyEvent, loadNotice, noticeResource } from './notice-access';

type Api = NoticesApi;

function reasonsOf(n: Notice): string[] {
  const paragraphs = n.copies.college.paragraphs;
  const start = paragraphs.indexOf('警示原因：');
  const end = paragraphs.indexOf('后续安排：');
  return start >= 0 && end > start ? paragraphs.slice(start + 1, end) : [];
}

/** Objections in the clerk's college: open ones first, then the answered ones. */
export const objections: ActionSpec<Api['objections']> = {
  permission: 'notice.resolveObjection',
  resource: 'list',
  async run(ctx) {
    const colleges = collegeIdsFor(ctx.actor, 'notice.resolveObjection');
    if (colleges.length === 0) return [];
    const rows = await queryAll<Notice>(ctx.store, NOTICES, { where: { collegeId: { in: colleges }, 'objection.state': { in: ['open', 'confirmed', 'corrected'] } } });
    const order = { open: 0, confirmed: 1, corrected: 1 };
    return rows
      .flatMap((n): ObjectionRow[] =>
        n.objection
          ? [{ noticeId: n._id, studentId: n.studentId, studentName: n.studentName, classId: n.classId, levelName: n.levelName, semester: n.semester, reasons: reasonsOf(n), objection: n.objection, status: n.status, supersededBy: n.supersededBy ?? null }]
          : [],
      )
      .sort((a, b) => order[a.objection.state] - order[b.objection.state] || b.objection.at.localeCompare(a.objection.at));
  },
};

/**
 * The clerk answers an objection: confirm (the notice stands; the student may now sign) or
 * correct (the notice is superseded by a new version with the corrected explanation and the
 * reason, sent to the student again). The issued text itself is never edited.
 */
export const resolveObjection: ActionSpec<Api['resolveObjection']> = {
  permission: 'notice.resolveObjection',
  resource: (ctx, input) => noticeResource(ctx.store, input.noticeId),
  async run(ctx, { noticeId, decision, note, explanation }) {
    const current = await loadNotice(ctx.store, noticeId);
    if (decision === 'correct' && explanation.length === 0) throw new DomainError('INPUT.INVALID', '更正时请填写更正后的警示原因', 'explanation');
    const warning = decision === 'correct' ? await ctx.store.get<Warning>(WARNINGS, current.warningId) : null;
    if (decision === 'correct' && !warning) throw new NotFoundError('该通知对应的警示记录');
    const names = warning ? (await loadNoticeNames(ctx.store, [warning])).get(warning.studentId) : undefined;
    const at = ctx.nowIso();
    return ctx.store.transaction(async (tx) => {
      const { notice } = await applyEvent(tx, noticeId, { type: 'resolveObjection', at, by: ctx.actor.userId, byName: ctx.actor.name, decision, note }, ctx.write());
      if (decision === 'confirm' || !warning) return { noticeId, state: 'confirmed' as const, newNoticeId: null };
      const version = notice.version + 1;
      const newId = noticeIdOf(warning._id, version);
      await tx.update<Notice>(NOTICES, noticeId, { supersededBy: newId }, notice._version, ctx.write());
      await issueNoticesInTx(tx, warning, ctx.write(), names ?? { collegeName: warning.collegeId, className: warning.classId, parentName: '家长' }, {
        version,
        correction: { replaces: noticeId, reason: note, explanation },
      });
      return { noticeId, state: 'corrected' as const, newNoticeId: newId };
    });
  },
};
