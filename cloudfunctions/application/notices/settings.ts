import { messagesConfig } from '../../core/messages/config';

/** Notice deadlines and anti-"fake parent" thresholds, from config/messages.json. */
export const noticeSettings = messagesConfig.notices;

/**
 * The user id of a student's WeChat account: student users are created as `s-<学号>` (the demo
 * seed and the roster import follow it), so a transaction can find one with a get, not a query.
 */
export function studentUserId(studentId: string): string {
  return `s-${studentId}`;
}

/** Parents bound before this product (the enrollment import) are `p-<学号>`; later ones are in parentBindings. */
export function seededParentUserId(studentId: string): string {
  return `p-${studentId}`;
}
