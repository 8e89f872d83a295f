import messages from '../../config/messages.json';
import type { Role } from '../../types/domain';
import type { MessageKind, OutboxMessage } from '../../types/message';
import type { Stored } from '../platform/store/store';

/**
 * The subscription messages each staff role receives (who the functions address them to): a
 * role's workbench asks consent for these on a tap, since WeChat refuses (43101) a one-time
 * message nobody consented to.
 */
export const staffMessageKinds: Partial<Record<Role, MessageKind[]>> = {
  counselor: ['dutyDueSoon', 'meetingScheduled', 'parentContactOverdue', 'bindingPhoneMismatch'],
  headTeacher: ['dutyDueSoon', 'meetingScheduled', 'parentContactOverdue'],
  assistant: ['dutyDueSoon', 'meetingScheduled', 'assistantStep'],
  clerk: ['objectionRaised'],
  courseTeacher: ['concernAnswered'],
};

const titles: Record<string, { title: string }> = messages.templates;

/** A message kind as people know it (its template's title). */
export function messageTitle(kind: string): string {
  return titles[kind]?.title ?? '消息';
}

/** A message the caller sent (wrote) or is its addressee, that WeChat refused or that failed for good. */
export function undeliveredFor(userId: string, rows: readonly Stored<OutboxMessage>[]): Stored<OutboxMessage>[] {
  return rows.filter(
    (m) => (m.status === 'refused' || m.status === 'failed') && (m.createdBy === userId || m.toUserId === userId),
  );
}
