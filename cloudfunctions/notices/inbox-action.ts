import type { NoticesApi } from '../../types/api/notices';
import type { ActionSpec } from '../platform/runtime/define-function';

/** The local inbox: messages the local sender delivered to the caller, newest first. */
export const inbox: ActionSpec<NoticesApi['inbox']> = {
  permission: 'inbox.read',
  async run(ctx) {
    const rows = await ctx.store.query('inbox', {
      where: { toUserId: ctx.actor.userId },
      orderBy: [{ field: 'deliveredAt', direction: 'desc' }],
      limit: 100,
    });
    return rows.map(({ _id, toUserId, kind, title, lines, page, deliveredAt }) => ({
      _id,
      toUserId,
      kind,
      title,
      lines,
      page,
      deliveredAt,
    }));
  },
};
