import type { Meeting } from '../../../types/support';
import { toIso } from '../time/shanghai';

/** Default lead time of a meeting reminder: a day before (configurable per meeting and by env). */
export const DEFAULT_REMIND_BEFORE_MINUTES = 24 * 60;

/** When the reminder goes out: `remindBefore` minutes before the start, but never before now. */
export function remindAt(startAt: string, remindBeforeMinutes: number, now: string): string {
  const at = Date.parse(startAt) - remindBeforeMinutes * 60_000;
  return toIso(new Date(Math.max(at, Date.parse(now))));
}

export type Participant = { userId: string; openid: string };

/** One reminder per person per start time: rescheduling makes new keys, a retry repeats none. */
export type MeetingReminder = {
  key: string;
  toUserId: string;
  toOpenid: string;
  sendAfter: string;
  page: string;
  data: Record<string, string>;
};

/** Pages the reminder opens: the invitee's answer page, the organizer's meeting page. */
export function meetingPage(meetingId: string, forOrganizer: boolean, parent: boolean): string {
  const root = forOrganizer
    ? 'packages/staff/meeting/index'
    : parent
      ? 'packages/parent/meeting/index'
      : 'packages/student/case/index';
  return `${root}?meetingId=${encodeURIComponent(meetingId)}`;
}

export function reminderKey(meetingId: string, userId: string, startAt: string): string {
  return `meeting:${meetingId}:${userId}:${startAt}`;
}

/**
 * The `meetingScheduled` reminders of a meeting: the organizer and every invitee (both sides),
 * each due `remindBeforeMinutes` before the start. People without a WeChat binding are skipped.
 */
export function meetingReminders(
  meeting: Pick<Meeting, '_id' | 'actorId' | 'at' | 'title' | 'place' | 'remindBeforeMinutes'>,
  participants: readonly (Participant & { parent: boolean })[],
  now: string,
): MeetingReminder[] {
  const sendAfter = remindAt(meeting.at, meeting.remindBeforeMinutes, now);
  const seen = new Set<string>();
  return participants.flatMap((p) => {
    if (p.openid === '' || seen.has(p.userId)) return [];
    seen.add(p.userId);
    return [
      {
        key: reminderKey(meeting._id, p.userId, meeting.at),
        toUserId: p.userId,
        toOpenid: p.openid,
        sendAfter,
        page: meetingPage(meeting._id, p.userId === meeting.actorId, p.parent),
        // Whole texts: the sender fits every field to WeChat's limits (core/messages/wechat-data.ts).
        data: { thing1: meeting.title, time2: toIso(meeting.at), thing3: meeting.place },
      },
    ];
  });
}

/** An invitee's request to move the meeting, sent to its organizer at once (same template: 事项 / 时间 / 地点). */
export function rescheduleRequest(
  meeting: Pick<Meeting, '_id' | 'actorId' | 'at' | 'place'>,
  response: { userId: string; name: string; proposedAt: string | null; at: string },
  organizerOpenid: string,
): Omit<MeetingReminder, 'sendAfter'> {
  return {
    key: `meeting:${meeting._id}:reschedule:${response.userId}:${response.at}`,
    toUserId: meeting.actorId,
    toOpenid: organizerOpenid,
    page: meetingPage(meeting._id, true, false),
    // Whole texts: the sender fits every field to WeChat's limits (core/messages/wechat-data.ts).
    data: { thing1: `${response.name}申请改期`, time2: response.proposedAt ?? meeting.at, thing3: meeting.place },
  };
}
