import type { DutyRecord } from '../../../types/duty';
import type { Notice } from '../../../types/notice';
import type { Meeting, StudyPlan, TalkRecord } from '../../../types/support';

/**
 * Casework records in the shape the duty evaluator counts. A talk counts once for its talker; a
 * held class meeting for its class; a held collective talk as a group talk with each student
 * present; a held parent meeting as a parent contact.
 */
export function talkDutyRecord(
  t: Pick<TalkRecord, '_id' | 'actorId' | 'at' | 'studentId' | 'classId' | 'minutes' | 'mode' | 'topics'>,
): DutyRecord {
  return {
    _id: t._id,
    kind: 'talk',
    actorId: t.actorId,
    at: t.at,
    studentId: t.studentId,
    classId: t.classId,
    minutes: t.minutes,
    mode: t.mode,
    topics: [...t.topics],
  };
}

export function meetingDutyRecords(m: Meeting): DutyRecord[] {
  if (m.record === null || m.status === 'cancelled') return [];
  const base = {
    actorId: m.actorId,
    at: m.at,
    classId: m.classId,
    minutes: m.record.minutes,
    topics: [...m.topics],
    documented: m.record.summary.trim() !== '',
  };
  switch (m.kind) {
    case 'classMeeting':
      return [{ ...base, _id: m._id, kind: 'classMeeting' }];
    case 'collectiveTalk': {
      const present = m.record.presentIds.length > 0 ? m.record.presentIds : m.studentIds;
      return present.map((studentId) => ({
        ...base,
        _id: `${m._id}:${studentId}`,
        kind: 'talk',
        studentId,
        mode: 'group',
      }));
    }
    case 'talk':
      // A scheduled talk counts through the talk record written for it, not twice.
      return [];
    case 'parentMeeting':
      return m.studentIds.map((studentId) => ({
        ...base,
        _id: `${m._id}:${studentId}`,
        kind: 'parentContact',
        studentId,
        mode: 'faceToFace',
      }));
  }
}

/** What a notice contributes to parent-contact duties (the staff's calls and the parent's receipt). */
export type NoticeEvidence = Pick<Notice, '_id' | 'studentId' | 'classId'> & {
  receipt: { at: string } | null;
  phoneContacts: readonly { at: string; by: string }[];
};

/**
 * Parent contacts recorded on a notice: each staff phone call counts for its caller; the parent's
 * returned receipt is the written contact that rule 004-4.3 lets counselor and head teacher archive,
 * so it counts for each of them (`keepersOf` gives the class's counselor and head teacher).
 */
export function noticeDutyRecords(
  notices: readonly NoticeEvidence[],
  keepersOf: (classId: string) => readonly string[],
): DutyRecord[] {
  return notices.flatMap((n) => [
    ...n.phoneContacts.map((c, i): DutyRecord => ({
      _id: `${n._id}:phone:${i}`,
      kind: 'parentContact',
      actorId: c.by,
      at: c.at,
      studentId: n.studentId,
      classId: n.classId,
      mode: 'phone',
    })),
    ...(n.receipt
      ? keepersOf(n.classId).map((personId): DutyRecord => ({
          _id: `${n._id}:receipt:${personId}`,
          kind: 'parentContact',
          actorId: personId,
          at: n.receipt?.at ?? '',
          studentId: n.studentId,
          classId: n.classId,
          mode: 'receipt',
        }))
      : []),
  ]);
}

/**
 * A study plan counts toward the plan duty of whoever approved it, at the approval: the duty is
 * the reviewer's (head teacher, or jointly with the counselor for gxu-ee 试读), so a plan approved
 * by someone else does not meet it, and approving it after the deadline is 逾期完成.
 */
export function planDutyRecords(plan: Pick<StudyPlan, '_id' | 'studentId' | 'classId' | 'history'>): DutyRecord[] {
  const approvals = new Map<string, string>();
  // Each reviewer's own approval (a joint review's first approval leaves the plan submitted).
  for (const e of plan.history)
    if ((e.status === 'approved' || e.approvedAs !== undefined) && !approvals.has(e.by)) approvals.set(e.by, e.at);
  return [...approvals].map(([by, at]) => ({
    _id: `${plan._id}:approved:${by}`,
    kind: 'studyPlan',
    actorId: by,
    at,
    studentId: plan.studentId,
    classId: plan.classId,
    documented: true,
  }));
}
