import type { NoticesApi } from '../../types/api/notices';
import { objectionCorrected, objectionKept } from '../core/notices/answer-intents';
import type { ActionSpec } from '../platform/runtime/define-function';
import { applyCorrectionInTx, planCorrection } from '../application/warnings/objection-correction';
import { issueNoticesInTx, loadNoticeNames, noticeIdOf } from '../application/notices/issue';
import { applyEvent, loadNotice, noticeResource } from '../application/repositories/notices';
import { retireNoticesInTx } from '../application/notices/retire';
import { tellStudentInTx } from '../application/notices/tell-student';

type Api = NoticesApi;

/**
 * The clerk answers an objection, and the student is told either way:
 * - confirm (维持): the notice stands; the student may now sign;
 * - correct (更正): the clerk leaves out or corrects the student's grade rows, with the reason
 *   (stored and audited in 'gradeCorrections', read by every later run). The student is judged
 *   again on the corrected rows: the warning takes the new level and a corrected notice version
 *   replaces this one, or — no level left — the warning is withdrawn. A warning a later list
 *   kept is not judged again without itself: that list decides — it stands with this notice,
 *   is lifted, or that list's new warning replaces it. The issued text itself is never edited.
 */
export const resolveObjection: ActionSpec<Api['resolveObjection']> = {
  permission: 'notice.resolveObjection',
  resource: (ctx, input) => noticeResource(ctx.store, input.noticeId),
  async run(ctx, { noticeId, decision, note, explanation, grades }) {
    const current = await loadNotice(ctx.store, noticeId);
    const at = ctx.nowIso();
    const write = ctx.write();
    const event = {
      type: 'resolveObjection' as const,
      at,
      by: ctx.actor.userId,
      byName: ctx.actor.name,
      decision,
      note,
    };
    if (decision === 'confirm') {
      return ctx.store.transaction(async (tx) => {
        const { notice } = await applyEvent(tx, noticeId, event, write);
        await tellStudentInTx(tx, notice.studentId, (to) => objectionKept(notice, to, { note, at }), write);
        return { noticeId, state: 'confirmed' as const, newNoticeId: null, outcome: 'kept' as const };
      });
    }
    const plan = await planCorrection(ctx, current, grades, note);
    const names = (await loadNoticeNames(ctx.store, [plan.warning])).get(plan.warning.studentId) ?? {
      collegeName: plan.warning.collegeId,
      className: plan.warning.classId,
      parentName: '家长',
    };
    const outcome = plan.outcome;
    return ctx.store.transaction(async (tx) => {
      const { notice } = await applyEvent(tx, noticeId, { ...event, noticeStands: outcome.kind === 'stand' }, write);
      const warning = await applyCorrectionInTx(tx, plan, write);
      const answer = (newNoticeId: string | null, ending?: 'lifted' | 'stands') =>
        tellStudentInTx(
          tx,
          notice.studentId,
          (to) => objectionCorrected(notice, to, { note, at, newNoticeId, ...(ending ? { ending } : {}) }),
          write,
        );
      // A later list still keeps the warning: it and this notice (receipt and all) stand as they were.
      if (outcome.kind === 'stand') {
        await answer(null, 'stands');
        return { noticeId, state: 'corrected' as const, newNoticeId: null, outcome: 'standing' as const };
      }
      if (outcome.kind === 'lift') {
        await tx.update('notices', noticeId, { endedAs: 'lifted' }, notice._version, write);
        await retireNoticesInTx(tx, warning._id, { kind: 'lifted' }, write);
        await answer(null, 'lifted');
        return { noticeId, state: 'corrected' as const, newNoticeId: null, outcome: 'lifted' as const };
      }
      if (outcome.kind === 'replace') {
        const next = outcome.next;
        const nextNotice = noticeIdOf(next._id);
        const endedAs = warning.status === 'withdrawn' ? ('withdrawn' as const) : ('replaced' as const);
        await tx.update('notices', noticeId, { supersededBy: nextNotice, endedAs }, notice._version, write);
        await retireNoticesInTx(tx, warning._id, { kind: 'superseded', byWarningId: next._id }, write);
        await issueNoticesInTx(tx, next, write, names);
        await answer(nextNotice);
        return { noticeId, state: 'corrected' as const, newNoticeId: nextNotice, outcome: 'replaced' as const };
      }
      if (outcome.kind === 'withdraw') {
        await tx.update('notices', noticeId, { endedAs: 'withdrawn' }, notice._version, write);
        await retireNoticesInTx(tx, warning._id, { kind: 'lifted' }, write);
        await answer(null);
        return { noticeId, state: 'corrected' as const, newNoticeId: null, outcome: 'withdrawn' as const };
      }
      const version = notice.version + 1;
      const newId = noticeIdOf(warning._id, version);
      await tx.update('notices', noticeId, { supersededBy: newId, endedAs: 'corrected' }, notice._version, write);
      await issueNoticesInTx(tx, warning, write, names, {
        version,
        correction: {
          replaces: noticeId,
          reason: note,
          explanation: [...warning.triggers.map((t) => t.text), ...plan.lines, ...explanation],
        },
        announce: false,
      });
      await answer(newId);
      return { noticeId, state: 'corrected' as const, newNoticeId: newId, outcome: 'amended' as const };
    });
  },
};
