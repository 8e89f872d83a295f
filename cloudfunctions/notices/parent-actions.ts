import type { NoticesApi } from '../../types/api/notices';
import { assertOwnSignature } from '../core/notices/answer-checks';
import { type NoticeSignature } from '../../types/notice';
import { isAllowed } from '../core/access/authorize';
import type { ActionSpec } from '../platform/runtime/define-function';
import { applyEvent, loadNotice, noticeResource } from '../application/repositories/notices';
import { noticeSettings } from '../application/notices/settings';
import { parentView } from '../application/notices/views';

type Api = NoticesApi;

/** The parent copy (家长联) of their own child's notice only; a parent's first opening is recorded. */
export const parentCopy: ActionSpec<Api['parentCopy']> = {
  permission: 'notice.readParentCopy',
  resource: (ctx, input) => noticeResource(ctx.store, input.noticeId),
  async run(ctx, { noticeId }) {
    const notice = await loadNotice(ctx.store, noticeId);
    const isParent = isAllowed(ctx.actor, 'notice.returnReceipt', {
      studentId: notice.studentId,
      classId: notice.classId,
      collegeId: notice.collegeId,
    });
    if (!isParent || notice.parentReadAt) return parentView(notice);
    const { notice: read } = await ctx.store.transaction((tx) =>
      applyEvent(tx, noticeId, { type: 'parentRead', at: ctx.nowIso() }, ctx.write()),
    );
    return parentView(read);
  },
};

/**
 * 家长回执: confirmation, optional message to the counselor, signature. The first receipt stands.
 * One sent from the device that signed as the student moments before is flagged (fake parent).
 */
export const returnReceipt: ActionSpec<Api['returnReceipt']> = {
  permission: 'notice.returnReceipt',
  resource: (ctx, input) => noticeResource(ctx.store, input.noticeId),
  async run(ctx, { noticeId, message, signature, deviceId }) {
    assertOwnSignature(signature, noticeId, 'parent');
    const at = ctx.nowIso();
    const notice = await ctx.store.transaction(async (tx) => {
      const { notice: next, changed } = await applyEvent(
        tx,
        noticeId,
        {
          type: 'receipt',
          at,
          parentUserId: ctx.actor.userId,
          parentName: ctx.actor.name,
          message,
          deviceId,
          quickSeconds: noticeSettings.receiptAfterAckSeconds,
        },
        ctx.write(),
      );
      const sigId = `${noticeId}:parent`;
      if (changed && !(await tx.get('noticeSignatures', sigId))) {
        const doc: NoticeSignature & { _id: string } = {
          _id: sigId,
          noticeId,
          who: 'parent',
          userId: ctx.actor.userId,
          image: signature,
          at,
        };
        await tx.add('noticeSignatures', doc, ctx.write());
      }
      return next;
    });
    return parentView(notice);
  },
};
