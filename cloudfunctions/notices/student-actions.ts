import type { NoticesApi } from '../../types/api/notices';
import { signatureBelongsTo } from '../../types/signature';
import { DomainError } from '../core/errors';
import type { User } from '../../types/domain';
import { NOTICE_SIGNATURES, NOTICES, type Notice, type NoticeSignature } from '../../types/notice';
import { isAllowed } from '../core/access/authorize';
import { objectionRaised } from '../core/notices/message-intents';
import { enqueue } from '../platform/messenger/outbox';
import type { ActionSpec } from '../platform/runtime/define-function';
import { queryAll } from '../platform/store/store';
import { applyEvent, loadNotice, noticeResource } from './notice-access';
import { studentView, summaryOf } from './views';

type Api = NoticesApi;

/** The caller's own notices (a student), newest first. */
export const studentNotices: ActionSpec<Api['studentNotices']> = {
  permission: 'notice.readStudentCopy',
  resource: 'list',
  async run(ctx) {
    const own = ctx.actor.grants.flatMap((g) => (g.role === 'student' ? [g.studentId] : []));
    if (own.length === 0) return [];
    const rows = await queryAll<Notice>(ctx.store, NOTICES, { where: { studentId: { in: own } }, orderBy: [{ field: 'issuedAt', direction: 'desc' }] });
    return rows.map(summaryOf);
  },
};

/** The student copy; the student's first opening is recorded as "read" (staff reading it is not). */
export const studentCopy: ActionSpec<Api['studentCopy']> = {
  permission: 'notice.readStudentCopy',
  resource: (ctx, input) => noticeResource(ctx.store, input.noticeId),
  async run(ctx, { noticeId }) {
    const notice = await loadNotice(ctx.store, noticeId);
    const isStudent = isAllowed(ctx.actor, 'notice.acknowledge', { studentId: notice.studentId, classId: notice.classId, collegeId: notice.collegeId });
    if (!isStudent || notice.readAt) return studentView(notice);
    const { notice: read } = await ctx.store.transaction((tx) => applyEvent(tx, noticeId, { type: 'read', at: ctx.nowIso() }, ctx.write()));
    return studentView(read);
  },
};

/** Sign: the canvas signature is stored once; signing again keeps the first signature and time. */
export const acknowledge: ActionSpec<Api['acknowledge']> = {
  permission: 'notice.acknowledge',
  resource: (ctx, input) => noticeResource(ctx.store, input.noticeId),
  async run(ctx, { noticeId, signature, deviceId }) {
    // An uploaded image must be the one the app put under this notice's folder (types/signature.ts).
    if (!signatureBelongsTo(signature, noticeId, 'student')) throw new DomainError('INPUT.INVALID', '签名文件与该通知不符，请重新签名', 'signature');
    const at = ctx.nowIso();
    const notice = await ctx.store.transaction(async (tx) => {
      const { notice: next, changed } = await applyEvent(tx, noticeId, { type: 'acknowledge', at, deviceId }, ctx.write());
      const sigId = `${noticeId}:student`;
      if (changed && !(await tx.get(NOTICE_SIGNATURES, sigId))) {
        const doc: NoticeSignature & { _id: string } = { _id: sigId, noticeId, who: 'student', userId: ctx.actor.userId, image: signature, at };
        await tx.add(NOTICE_SIGNATURES, doc, ctx.write());
      }
      return next;
    });
    return studentView(notice);
  },
};

/** Object instead of signing: the clerk who published the warning is told, and answers. */
export const object: ActionSpec<Api['object']> = {
  permission: 'notice.acknowledge',
  resource: (ctx, input) => noticeResource(ctx.store, input.noticeId),
  async run(ctx, { noticeId, reason }) {
    const at = ctx.nowIso();
    const notice = await ctx.store.transaction(async (tx) => {
      const { notice: next, changed } = await applyEvent(tx, noticeId, { type: 'object', at, reason }, ctx.write());
      if (changed) {
        const clerk = await tx.get<User>('users', next.issuedBy);
        if (clerk) await enqueue(tx, objectionRaised(next, { userId: clerk._id, openid: clerk.openid }, reason, at), ctx.write());
      }
      return next;
    });
    return studentView(notice);
  },
};
