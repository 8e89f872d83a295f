import type { Actor } from '../../../types/domain';
import type { Meeting } from '../../../types/support';
import { AccessDeniedError } from '../errors';
import { isStaffFor } from './audience';

type Reached = Pick<Meeting, 'classId' | 'collegeId'>;

/** Staff for a meeting: a staff grant that reaches its class or college (not staff somewhere else). */
export function isMeetingStaff(actor: Actor, m: Reached): boolean {
  return isStaffFor(actor, { classId: m.classId, collegeId: m.collegeId });
}

/** The organizer and the meeting's staff see every reply and every invitee; an invitee only their own. */
export function seesWholeMeeting(actor: Actor, m: Reached & Pick<Meeting, 'actorId'>): boolean {
  return m.actorId === actor.userId || isMeetingStaff(actor, m);
}

/** Staff reach a meeting through its class; a student or parent only when it is addressed to them. */
export function assertMayReadMeeting(actor: Actor, m: Reached & Pick<Meeting, 'inviteeIds'>): void {
  if (!isMeetingStaff(actor, m) && !m.inviteeIds.includes(actor.userId))
    throw new AccessDeniedError('这次会谈没有邀请你');
}
