import type { DutyRecord } from '../../../types/duty';
import type { Meeting, TalkRecord } from '../../../types/support';

/**
 * Casework records in the shape the duty evaluator counts. A talk counts once for its talker; a
 * held class meeting for its class; a held collective talk as a group talk with each student
 * present; a held parent meeting as a parent contact.
 */
export function talkDutyRecord(t: Pick<TalkRecord, '_id' | 'actorId' | 'at' | 'studentId' | 'classId' | 'minutes' | 'mode' | 'topics'>): DutyRecord {
  return { _id: t._id, kind: 'talk', actorId: t.actorId, at: t.at, studentId: t.studentId, classId: t.classId, minutes: t.minutes, mode: t.mode, topics: [...t.topics] };
}

export function meetingDutyRecords(m: Meeting): DutyRecord[] {
  if (m.record === null || m.status === 'cancelled') return [];
  const base = { actorId: m.actorId, at: m.at, classId: m.classId, minutes: m.record.minutes, topics: [...m.topics], documented: m.record.summary.trim() !== '' };
  switch (m.kind) {
    case 'classMeeting':
      return [{ ...base, _id: m._id, kind: 'classMeeting' }];
    case 'collectiveTalk': {
      const present = m.record.presentIds.length > 0 ? m.record.presentIds : m.studentIds;
      return present.map((studentId) => ({ ...base, _id: `${m._id}:${studentId}`, kind: 'talk', studentId, mode: 'group' }));
    }
    case 'talk':
      // A scheduled talk counts through the talk record written for it, not twice.
      return [];
    case 'parentMeeting':
      return m.studentIds.map((studentId) => ({ ...base, _id: `${m._id}:${studentId}`, kind: 'parentContact', studentId, mode: 'faceToFace' }));
  }
}
