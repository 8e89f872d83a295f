import type { NoticesApi } from '../../types/api/notices';
import { signatureBelongsTo } from '../../types/signature';
import { DomainError } from '../core/errors';
import { NOTICE_SIGNATURES, NOTICES, type Notice, type NoticeSignature } from '../../types/notice';
import { isAllowed } from '../core/access/authorize';
import type { ActionSpec } from '../platform/runtime/define-function';
import { queryAll } from '../platform/store/store';
import { applyEvent, loadNotice, noticeResource } from './notice-access';
import { noticeSettings } from './settings';
import { parentView, summaryOf } from './views';

type Api = NoticesApi;

/** The notices of the caller's bound children (a parent), newest first. */
export const childNotices: ActionSpec<Api['childNotices']> = {
  permission: 'notice.readParentCopy',
  resource: 'list',
  async run(ctx) {
    const children = [...new Set(ctx.actor.grants.flatMap((g) => (g.role === 'parent' ? g.childIds : [])))];
    if (children.length === 0) return [];
    const rows = await queryAll<Notice>(ctx.store, NOTICES, { where: { studentId: { in: children } }, orderBy: [{ field: 'issuedAt', direction: 'desc' }] });
    return rows.map(summaryOf);
  },
};

/** The parent copy (家长联) of their own child's notice only; a parent's first opening is recorded. */
export const parentCopy: ActionSpec<Api['parentCopy']> = {
  permission: 'notice.readParentCopy',
  resource: (ctx, input) => noticeResource(ctx.store, input.noticeId),
  async run(ctx, { noticeId }) {
    const notice = await loadNotice(ctx.store, noticeId);
    const isParent = isAllowed(ctx.actor, 'notice.returnReceipt', { studentId: notice.studentId, classId: notice.classId, collegeId: notice.collegeId });
    if (!isParent || notice.parentReadAt) return parentView(notice);
    const { notice: read } = await ctx.store.transaction((tx) => applyEvent(tx, noticeId, { type: 'parentRead', at: ctx.nowIso() }, ctx.write()));
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
    // An uploaded image must be the one the app put under this notice's folder (types/signature.ts).
    if (!signatureBelongsTo(signature, noticeId, 'parent')) throw new DomainError('INPUT.INVALID', '签名文件与该通知不符，请重新签名', 'signature');
    const at = ctx.nowIso();
    const notice = await ctx.store.transaction(async (tx) => {
      const { notice: next, changed } = await applyEvent(
        tx,
        noticeId,
        { type: 'receipt', at, parentUserId: ctx.actor.userId, parentName: ctx.actor.name, message, deviceId, quickSeconds: noticeSettings.receiptAfterAckSeconds },
        ctx.write(),
      );
      const sigId = `${noticeId}:parent`;
      if (changed && !(await tx.get(NOTICE_SIGNATURES, sigId))) {
        const doc: NoticeSignature & { _id: string } = { _id: sigId, noticeId, who: 'parent', userId: ctx.actor.userId, image: signature, at };
        await tx.add(NOTICE_SIGNATURES, doc, ctx.write());
      }
      return next;
    });
    return parentView(notice);
  },
};
