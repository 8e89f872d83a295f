import type { NoticesApi } from '../../../types/api/notices';
import { ownStudentIds } from '../../core/access/own-grants';
import type { ActionSpec } from '../../platform/runtime/define-function';
import { noticesOfStudents } from '../repositories/notices';
import { summaryOf } from './views';

/** The caller's own notices (a student), newest first. */
export const studentNotices: ActionSpec<NoticesApi['studentNotices']> = {
  permission: 'notice.readStudentCopy',
  resource: 'list',
  async run(ctx) {
    const own = ownStudentIds(ctx.actor.grants);
    if (own.length === 0) return [];
    const rows = await noticesOfStudents(ctx.store, own);
    return rows.map(summaryOf);
  },
};
