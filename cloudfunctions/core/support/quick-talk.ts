import type { CheckinFlag } from '../../../types/checkin';
import type { TalkMode, TalkRecord, TalkerRole } from '../../../types/support';

export type QuickTalk = {
  /** The check-in id (rec_<actor>_<clientId>): a resend, or a migrated old record, is the same talk. */
  _id: string;
  actorId: string;
  actorName: string;
  talkerRole: TalkerRole;
  at: string;
  receivedAt: string;
  student: { _id: string; name: string; classId: string; collegeId: string };
  mode: TalkMode;
  minutes: number;
  content: string;
  clientId: string;
  flags: readonly CheckinFlag[];
  /** 第 n 次 with this talker at `at`. */
  nth: number;
};

/**
 * The talk record the quick form (签到与记录 → 面对面谈话) writes: the same record as the full
 * 谈心谈话登记表, with the fields the quick form does not ask left empty, so both feed one history
 * (case, timeline, caseload count, n-th number, duties) and count once.
 */
export function quickTalkRecord(q: QuickTalk): TalkRecord & { receivedAt: string } {
  return {
    _id: q._id,
    kind: 'talk',
    actorId: q.actorId,
    actorName: q.actorName,
    talkerRole: q.talkerRole,
    at: q.at,
    studentId: q.student._id,
    studentName: q.student.name,
    classId: q.student.classId,
    collegeId: q.student.collegeId,
    initiatedBy: 'teacher',
    nth: q.nth,
    mode: q.mode,
    topics: [],
    otherTopic: '',
    place: '',
    minutes: q.minutes,
    firstImpression: '',
    content: q.content,
    measures: '',
    confirmedAt: q.receivedAt,
    receivedAt: q.receivedAt,
    form: 'quick',
    clientId: q.clientId,
    flags: [...q.flags],
  };
}

/** The caller's talker role in the class, the class's own role first (counselor, head teacher, assistant). */
export function quickTalkerRole(roles: readonly TalkerRole[], asked?: TalkerRole): TalkerRole | null {
  if (asked !== undefined) return roles.includes(asked) ? asked : null;
  return (['counselor', 'headTeacher', 'assistant'] as const).find((r) => roles.includes(r)) ?? null;
}
