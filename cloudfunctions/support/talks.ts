import { isAllowed } from '../core/access/authorize';
import { AccessDeniedError, DomainError, NotFoundError } from '../core/errors';
import { audienceOf } from './audience';
import { nthAt, numberTalks } from '../core/support/talk-numbering';
import { talkForReader } from '../core/support/redaction';
import type { SupportApi, TalkView } from '../../types/api/support';
import type { Actor } from '../../types/domain';
import { difficultyLabel, type DifficultyRecord, type Meeting, type TalkRecord, type TalkerRole } from '../../types/support';
import { loadClass, loadStudent, studentResource } from '../platform/directory/directory';
import type { Context, Handlers } from '../platform/runtime/define-function';
import { queryAll, type Stored } from '../platform/store/store';
import { DIFFICULTIES, MEETINGS, TALKS } from './collections';
import { caseWarning } from './load';
import { mayChangeMeeting } from './meetings';
import { toIso } from '../core/time/shanghai';
import { noteDutySource } from '../application/digests/duty-digests';

/** The talker roles the caller holds for a class (a tutor role does not exist yet). */
export function talkerRolesFor(actor: Actor, classId: string): TalkerRole[] {
  const roles = new Set<TalkerRole>();
  for (const g of actor.grants) {
    if ((g.role === 'counselor' || g.role === 'headTeacher' || g.role === 'assistant') && g.classIds.includes(classId)) roles.add(g.role);
  }
  return [...roles];
}

export async function talksOf(ctx: Context, studentId: string): Promise<Stored<TalkRecord>[]> {
  return queryAll<TalkRecord>(ctx.store, TALKS, { where: { studentId }, orderBy: [{ field: 'at', direction: 'asc' }] });
}

/** Talks with n-th numbers recomputed from the whole list, notes only for those allowed. */
export function talkViews(talks: readonly Stored<TalkRecord>[], canReadNotes: boolean): TalkView[] {
  const numbers = numberTalks(talks);
  return talks.map((t) => talkForReader({ ...plainTalk(t), nth: numbers.get(t._id) ?? t.nth }, canReadNotes));
}

function plainTalk(t: Stored<TalkRecord>): TalkRecord {
  const { _version: _v, createdBy: _cb, createdAt: _ca, updatedBy: _ub, updatedAt: _ua, ...talk } = t;
  // receivedAt (when stored) stays server-side, like the audit fields.
  if ('receivedAt' in talk) {
    const { receivedAt: _r, ...rest } = talk;
    return rest;
  }
  return talk;
}

export async function latestDifficulty(ctx: Context, studentId: string): Promise<Stored<DifficultyRecord> | null> {
  const [row] = await ctx.store.query<DifficultyRecord>(DIFFICULTIES, { where: { studentId }, orderBy: [{ field: 'at', direction: 'desc' }], limit: 1 });
  return row ?? null;
}

const FUTURE_SLACK_MS = 10 * 60_000;
/** Talks count toward duties at their own time: a record may be filed late, but not months late. */
export const MAX_TALK_AGE_DAYS = 30;

/** As stored: the talk plus when the server received it (`at` is what the talker says). */
type StoredTalk = TalkRecord & { receivedAt: string };

async function talkResource(ctx: Context, talkId: string) {
  const t = await ctx.store.get<TalkRecord>(TALKS, talkId);
  // An unknown talk is checked against nothing anyone owns: denied like one outside reach.
  return t ? { studentId: t.studentId, classId: t.classId, collegeId: t.collegeId } : { studentId: `missing:${talkId}` };
}

export const talkHandlers: Handlers<Pick<SupportApi, 'talkDefaults' | 'recordTalk' | 'setDifficulty' | 'talk'>> = {
  talk: {
    permission: 'case.read',
    resource: (ctx, input) => talkResource(ctx, input.talkId),
    async run(ctx, { talkId }) {
      const t = await ctx.store.get<TalkRecord>(TALKS, talkId);
      if (!t) throw new NotFoundError('该谈话记录');
      const resource = { studentId: t.studentId, classId: t.classId, collegeId: t.collegeId };
      // Talks are between the student and staff: a parent sees none (as in the case view).
      if (audienceOf(ctx.actor, resource) === 'parent') throw new AccessDeniedError();
      const [view] = talkViews([t, ...(await talksOf(ctx, t.studentId)).filter((o) => o._id !== t._id)], isAllowed(ctx.actor, 'talk.readNotes', resource));
      if (!view) throw new NotFoundError('该谈话记录');
      return view;
    },
  },

  talkDefaults: {
    permission: 'talk.write',
    resource: (ctx, input) => studentResource(ctx.store, input.studentId),
    async run(ctx, { studentId }) {
      const student = await loadStudent(ctx.store, studentId);
      const cls = await loadClass(ctx.store, student.classId);
      const talks = await talksOf(ctx, studentId);
      // Defaults come from the last full-form talk (a quick one has no place or topics to carry over).
      const full = talks.filter((t) => t.form !== 'quick');
      const mine = full.filter((t) => t.actorId === ctx.actor.userId);
      const last = mine[mine.length - 1] ?? full[full.length - 1];
      const difficulty = await latestDifficulty(ctx, studentId);
      const warning = await caseWarning(ctx.store, studentId);
      return {
        student: { studentId, name: student.name, gender: student.gender, classId: cls._id, className: cls.name },
        talkerRoles: talkerRolesFor(ctx.actor, student.classId),
        nextNth: nthAt(talks, studentId, ctx.actor.userId, ctx.nowIso()),
        last: last ? { at: last.at, mode: last.mode, place: last.place, minutes: last.minutes, topics: last.topics, initiatedBy: last.initiatedBy } : null,
        difficulty: difficulty?.type ?? null,
        warningLevel: warning?.status === 'active' ? warning.levelName : null,
      };
    },
  },

  recordTalk: {
    permission: 'talk.write',
    resource: (ctx, input) => studentResource(ctx.store, input.studentId),
    async run(ctx, input) {
      const student = await loadStudent(ctx.store, input.studentId);
      if (!talkerRolesFor(ctx.actor, student.classId).includes(input.talkerRole)) {
        throw new DomainError('TALK.TALKER_ROLE', input.talkerRole === 'tutor' ? '系统中尚无导师身份，请以你在该班的身份登记' : '你在该班没有所选的谈话人身份', 'talkerRole');
      }
      const resource = { studentId: student._id, classId: student.classId, collegeId: student.collegeId };
      if (input.difficulty && !isAllowed(ctx.actor, 'difficulty.write', resource)) throw new AccessDeniedError('学习困难类型由辅导员或班主任认定');
      const now = ctx.nowIso();
      if (Date.parse(input.at) > Date.parse(now) + FUTURE_SLACK_MS) throw new DomainError('TALK.IN_FUTURE', '谈话时间不能晚于现在（未来的谈话请用“安排约谈”）', 'at');
      if (Date.parse(input.at) < Date.parse(now) - MAX_TALK_AGE_DAYS * 86_400_000) {
        throw new DomainError('TALK.TOO_OLD', `只能登记 ${MAX_TALK_AGE_DAYS} 天内的谈话`, 'at');
      }
      const meeting = input.meetingId ? await ctx.store.get<Meeting>(MEETINGS, input.meetingId) : null;
      if (input.meetingId && (!meeting || meeting.kind !== 'talk' || !meeting.studentIds.includes(student._id) || meeting.status !== 'scheduled')) {
        throw new DomainError('TALK.MEETING_MISMATCH', '所选约谈不存在、已记录或不是与该生的约谈', 'meetingId');
      }
      if (meeting && !mayChangeMeeting(ctx.actor, meeting)) throw new DomainError('ACCESS.DENIED', '这次约谈由他人安排，只有安排人可以登记并结束它', 'meetingId');
      const talks = await talksOf(ctx, student._id);
      // Stored instants are all +08:00 ISO, so string order is time order.
      const at = toIso(input.at);
      const doc: Omit<StoredTalk, '_id'> = {
        kind: 'talk',
        actorId: ctx.actor.userId,
        actorName: ctx.actor.name,
        talkerRole: input.talkerRole,
        at,
        studentId: student._id,
        studentName: student.name,
        classId: student.classId,
        collegeId: student.collegeId,
        initiatedBy: input.initiatedBy,
        nth: nthAt(talks, student._id, ctx.actor.userId, at),
        mode: input.mode,
        topics: input.topics,
        otherTopic: input.topics.includes('other') ? input.otherTopic : '',
        place: input.place,
        minutes: input.minutes,
        firstImpression: input.firstImpression,
        content: input.content,
        measures: input.measures,
        confirmedAt: now,
        receivedAt: now,
        ...(input.meetingId ? { meetingId: input.meetingId } : {}),
      };
      const saved = await ctx.store.transaction(async (tx) => {
        const talk = await tx.add(TALKS, doc, ctx.write());
        await noteDutySource(tx, 'talks', null, talk, ctx.write());
        if (input.difficulty) {
          const row: Omit<DifficultyRecord, '_id'> = {
            kind: 'difficulty', actorId: ctx.actor.userId, actorName: ctx.actor.name, at: now, studentId: student._id, classId: student.classId,
            collegeId: student.collegeId, type: input.difficulty, note: `谈话中认定（第 ${doc.nth} 次谈话）`, talkId: talk._id,
          };
          await tx.add(DIFFICULTIES, row, ctx.write());
        }
        if (meeting) {
          await tx.update<Meeting>(MEETINGS, meeting._id, { status: 'held', record: { summary: `见谈话记录（${talk._id}）`, minutes: input.minutes, presentIds: [student._id], at: now } }, meeting._version, ctx.write());
        }
        return talk;
      });
      return talkForReader({ ...plainTalk(saved) }, isAllowed(ctx.actor, 'talk.readNotes', resource));
    },
  },

  setDifficulty: {
    permission: 'difficulty.write',
    resource: (ctx, input) => studentResource(ctx.store, input.studentId),
    async run(ctx, input) {
      const student = await loadStudent(ctx.store, input.studentId);
      const row: Omit<DifficultyRecord, '_id'> = {
        kind: 'difficulty', actorId: ctx.actor.userId, actorName: ctx.actor.name, at: ctx.nowIso(), studentId: student._id, classId: student.classId,
        collegeId: student.collegeId, type: input.type, note: input.note,
      };
      const saved = await ctx.store.add(DIFFICULTIES, row, ctx.write());
      return { type: saved.type, label: difficultyLabel[saved.type], note: saved.note, at: saved.at, byName: saved.actorName };
    },
  },
};
