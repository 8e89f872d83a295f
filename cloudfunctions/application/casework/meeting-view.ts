import { isParent, studentsActedFor } from '../../core/access/family';
import { seesWholeMeeting } from '../../core/access/meeting-reach';
import type { MeetingView } from '../../../types/api/support';
import type { Actor } from '../../../types/domain';
import type { Meeting } from '../../../types/support';
import type { Stored } from '../../platform/store/store';

/**
 * What an invited student or parent may see of who is invited: themself and the student they
 * act for, never the other invitees (in a 座谈会 that would tell a warned student who else is).
 */
function ownInvitation(actor: Actor, m: Meeting): Pick<Meeting, 'studentIds' | 'inviteeIds' | 'record'> {
  const mine = new Set(studentsActedFor(actor));
  return {
    studentIds: m.studentIds.filter((id) => mine.has(id)),
    inviteeIds: m.inviteeIds.filter((id) => id === actor.userId),
    record: m.record === null ? null : { ...m.record, presentIds: m.record.presentIds.filter((id) => mine.has(id)) },
  };
}

/** A meeting for its reader: the organizer and the meeting's own staff see every answer; an invitee only their own. */
export function meetingView(actor: Actor, m: Stored<Meeting>): MeetingView {
  const { _version: _v, createdBy: _cb, createdAt: _ca, updatedBy: _ub, updatedAt: _ua, ...rest } = m;
  const invited = m.inviteeIds.includes(actor.userId);
  const whole = seesWholeMeeting(actor, m);
  // Classmates' replies are theirs.
  const responses = whole ? m.responses : m.responses.filter((r) => r.userId === actor.userId);
  return {
    ...rest,
    ...(whole ? {} : ownInvitation(actor, m)),
    responses,
    canRespond: invited && m.status === 'scheduled',
    canConfirm: invited && isParent(actor.grants) && m.kind === 'parentMeeting' && m.status === 'held',
    isOrganizer: m.actorId === actor.userId,
  };
}
