import type { NoticesApi } from '../../types/api/notices';
import { assertOwnSignature } from '../core/notices/answer-checks';
import { type NoticeSignature } from '../../types/notice';
import { isAllowed } from '../core/access/authorize';
import { objectionRaised } from '../core/notices/message-intents';
import { enqueue } from '../platform/messenger/outbox';
import type { ActionSpec } from '../platform/runtime/define-function';
import { applyEvent, loadNotice, noticeResource } from '../application/repositories/notices';
import { studentView } from '../application/notices/views';

type Api = NoticesApi;

/** The student copy; the student's first opening is recorded as "read" (staff reading it is not). */
export const studentCopy: ActionSpec<Api['studentCopy']> = {
  permission: 'notice.readStudentCopy',
  resource: (ctx, input) => noticeResource(ctx.store, input.noticeId),
  async run(ctx, { noticeId }) {
    const notice = await loadNotice(ctx.store, noticeId);
    const isStudent = isAllowed(ctx.actor, 'notice.acknowledge', {
      studentId: notice.studentId,
      classId: notice.classId,
      collegeId: notice.collegeId,
    });
    if (!isStudent || notice.readAt) return studentView(notice);
    const { notice: read } = await ctx.store.transaction((tx) =>
      applyEvent(tx, noticeId, { type: 'read', at: ctx.nowIso() }, ctx.write()),
    );
    return studentView(read);
  },
};

/** Sign: the canvas signature is stored once; signing again keeps the first signature and time. */
export const acknowledge: ActionSpec<Api['acknowledge']> = {
  permission: 'notice.acknowledge',
  resource: (ctx, input) => noticeResource(ctx.store, input.noticeId),
  async run(ctx, { noticeId, signature, deviceId }) {
    assertOwnSignature(signature, noticeId, 'student');
    const at = ctx.nowIso();
    const notice = await ctx.store.transaction(async (tx) => {
      const { notice: next, changed } = await applyEvent(
        tx,
        noticeId,
        { type: 'acknowledge', at, deviceId },
        ctx.write(),
      );
      const sigId = `${noticeId}:student`;
      if (changed && !(await tx.get('noticeSignatures', sigId))) {
        const doc: NoticeSignature & { _id: string } = {
          _id: sigId,
          noticeId,
          who: 'student',
          userId: ctx.actor.userId,
          image: signature,
          at,
        };
        await tx.add('noticeSignatures', doc, ctx.write());
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
        const clerk = await tx.get('users', next.issuedBy);
        if (clerk)
          await enqueue(
            tx,
            objectionRaised(next, { userId: clerk._id, openid: clerk.openid }, reason, at),
            ctx.write(),
          );
      }
      return next;
    });
    return studentView(notice);
  },
};
