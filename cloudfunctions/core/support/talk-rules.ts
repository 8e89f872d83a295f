import type { DifficultyRecord, TalkInput, TalkRecord, TalkerRole } from '../../../types/support';
import { AccessDeniedError, DomainError } from '../errors';
import { toIso } from '../time/shanghai';
import { nthAt, type Numberable } from './talk-numbering';

const FUTURE_SLACK_MS = 10 * 60_000;
/** Talks count toward duties at their own time: a record may be filed late, but not months late. */
export const MAX_TALK_AGE_DAYS = 30;

export type TalkFacts = {
  /** The talker roles the caller holds for the student's class (core/access talkerRolesFor). */
  heldRoles: readonly TalkerRole[];
  /** Whether the caller may also set the difficulty type (counselor, head teacher). */
  maySetDifficulty: boolean;
};

/**
 * A full-form talk record (谈心谈话登记表) as the talker files it: as a role they hold in the
 * class, the difficulty type only by those who decide it, at a time not ahead of now and not
 * older than MAX_TALK_AGE_DAYS. Throws the first rule it breaks.
 */
export function checkTalk(
  input: { talkerRole: TalkerRole; at: string; difficulty?: unknown },
  f: TalkFacts,
  now: string,
): void {
  if (!f.heldRoles.includes(input.talkerRole)) {
    throw new DomainError(
      'TALK.TALKER_ROLE',
      input.talkerRole === 'tutor' ? '系统中尚无导师身份，请以你在该班的身份登记' : '你在该班没有所选的谈话人身份',
      'talkerRole',
    );
  }
  if (input.difficulty && !f.maySetDifficulty) throw new AccessDeniedError('学习困难类型由辅导员或班主任认定');
  if (Date.parse(input.at) > Date.parse(now) + FUTURE_SLACK_MS)
    throw new DomainError('TALK.IN_FUTURE', '谈话时间不能晚于现在（未来的谈话请用“安排约谈”）', 'at');
  if (Date.parse(input.at) < Date.parse(now) - MAX_TALK_AGE_DAYS * 86_400_000) {
    throw new DomainError('TALK.TOO_OLD', `只能登记 ${MAX_TALK_AGE_DAYS} 天内的谈话`, 'at');
  }
}

export type TalkContext = {
  student: { _id: string; name: string; classId: string; collegeId: string };
  talker: { userId: string; name: string };
  /** The student's talks so far (for 第 n 次). */
  talks: readonly Numberable[];
  now: string;
};

/** The record a full-form talk stores: `at` as the talker says, received and confirmed now. */
export function fullTalkRecord(input: TalkInput, c: TalkContext): Omit<TalkRecord, '_id'> & { receivedAt: string } {
  // Stored instants are all +08:00 ISO, so string order is time order.
  const at = toIso(input.at);
  return {
    kind: 'talk',
    actorId: c.talker.userId,
    actorName: c.talker.name,
    talkerRole: input.talkerRole,
    at,
    studentId: c.student._id,
    studentName: c.student.name,
    classId: c.student.classId,
    collegeId: c.student.collegeId,
    initiatedBy: input.initiatedBy,
    nth: nthAt(c.talks, c.student._id, c.talker.userId, at),
    mode: input.mode,
    topics: input.topics,
    otherTopic: input.topics.includes('other') ? input.otherTopic : '',
    place: input.place,
    minutes: input.minutes,
    firstImpression: input.firstImpression,
    content: input.content,
    measures: input.measures,
    confirmedAt: c.now,
    receivedAt: c.now,
    ...(input.meetingId ? { meetingId: input.meetingId } : {}),
  };
}

/** A difficulty type set in a talk: an assessment pointing to it. */
export function difficultyFromTalk(
  talk: Pick<TalkRecord, '_id' | 'nth' | 'actorId' | 'actorName' | 'studentId' | 'classId' | 'collegeId'>,
  type: DifficultyRecord['type'],
  now: string,
): Omit<DifficultyRecord, '_id'> {
  return {
    kind: 'difficulty',
    actorId: talk.actorId,
    actorName: talk.actorName,
    at: now,
    studentId: talk.studentId,
    classId: talk.classId,
    collegeId: talk.collegeId,
    type,
    note: `谈话中认定（第 ${talk.nth} 次谈话）`,
    talkId: talk._id,
  };
}
