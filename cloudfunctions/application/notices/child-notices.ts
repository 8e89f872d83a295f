import type { NoticesApi } from '../../../types/api/notices';
import { childIdsOf } from '../../core/access/own-grants';
import type { ActionSpec } from '../../platform/runtime/define-function';
import { noticesOfStudents } from '../repositories/notices';
import { summaryOf } from './views';

/** The notices of the caller's bound children (a parent), newest first. */
export const childNotices: ActionSpec<NoticesApi['childNotices']> = {
  permission: 'notice.readParentCopy',
  resource: 'list',
  async run(ctx) {
    const children = [...new Set(childIdsOf(ctx.actor.grants))];
    if (children.length === 0) return [];
    const rows = await noticesOfStudents(ctx.store, children);
    return rows.map(summaryOf);
  },
};
