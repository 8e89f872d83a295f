import { isParentOnly } from '../core/access/family';
import { meetingReminders, reminderKey, rescheduleRequest } from '../core/support/meeting-reminders';
import type { Meeting, MeetingResponse } from '../../types/support';
import { enqueue } from '../platform/messenger/outbox';
import { queryAll, type Store, type TxStore, type WriteContext } from '../platform/store/store';
import type { Person } from './participants';

/** The messages a meeting's steps send: reminders of its start time, the request to move it. */

export type Participant = Person & { name?: string };

/** The organizer and the invitees as WeChat users (a parent's reminder opens the parent's page). */
export async function participantsOf(store: Store, m: Pick<Meeting, 'inviteeIds' | 'actorId'>): Promise<Participant[]> {
  const users = await queryAll(store, 'users', { where: { _id: { in: [m.actorId, ...m.inviteeIds] } } });
  return users.map((u) => ({ userId: u._id, openid: u.openid, name: u.name, parent: isParentOnly(u.grants) }));
}

/** Remove reminders of a start time that have not gone out yet (a moved or cancelled meeting). */
export async function withdrawReminders(tx: TxStore, m: Meeting): Promise<void> {
  for (const userId of [m.actorId, ...m.inviteeIds]) {
    const id = `msg:${reminderKey(m._id, userId, m.at)}`;
    const row = await tx.get('outbox', id);
    if (row && row.status === 'pending') await tx.remove('outbox', id);
  }
}

export async function sendReminders(
  tx: TxStore,
  m: Meeting,
  people: readonly Participant[],
  now: string,
  write: WriteContext,
): Promise<void> {
  for (const r of meetingReminders(m, people, now)) {
    await enqueue(
      tx,
      {
        key: r.key,
        kind: 'meetingScheduled',
        toUserId: r.toUserId,
        toOpenid: r.toOpenid,
        page: r.page,
        data: r.data,
        subjectId: m._id,
        sendAfter: r.sendAfter,
      },
      write,
    );
  }
}

export async function askOrganizer(
  tx: TxStore,
  m: Meeting,
  response: MeetingResponse,
  organizerOpenid: string,
  write: WriteContext,
): Promise<void> {
  const r = rescheduleRequest(m, response, organizerOpenid);
  await enqueue(
    tx,
    {
      key: r.key,
      kind: 'meetingScheduled',
      toUserId: r.toUserId,
      toOpenid: r.toOpenid,
      page: r.page,
      data: r.data,
      subjectId: m._id,
    },
    write,
  );
}
