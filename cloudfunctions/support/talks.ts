import { isAllowed } from '../core/access/authorize';
import { refuseParentAudience } from '../core/access/audience';
import { talkerRolesFor } from '../core/access/casework-roles';
import { recordResource } from '../core/access/record-resource';
import { checkTalkMeeting, heldByTalk } from '../core/support/meeting-workflow';
import { talkForReader } from '../core/support/redaction';
import { checkTalk, difficultyFromTalk, fullTalkRecord } from '../core/support/talk-rules';
import { nthAt } from '../core/support/talk-numbering';
import type { SupportApi } from '../../types/api/support';
import { difficultyLabel, type DifficultyRecord } from '../../types/support';
import { caseWarning } from '../application/casework/case-warning';
import { findMeeting, updateMeeting } from '../application/repositories/meetings';
import {
  addDifficulty,
  addTalk,
  findTalk,
  latestDifficulty,
  loadTalk,
  talksOfStudent,
} from '../application/repositories/talks';
import { loadClass, loadStudent, studentResource } from '../platform/directory/directory';
import type { Context, Handlers } from '../platform/runtime/define-function';
import { plainTalk, talkView } from './talk-views';

async function talkResource(ctx: Context, talkId: string) {
  const t = await findTalk(ctx.store, talkId);
  // An unknown talk is checked against nothing anyone owns: denied like one outside reach.
  return t ? recordResource(t) : { studentId: `missing:${talkId}` };
}

export const talkHandlers: Handlers<Pick<SupportApi, 'talkDefaults' | 'recordTalk' | 'setDifficulty' | 'talk'>> = {
  talk: {
    permission: 'case.read',
    resource: (ctx, input) => talkResource(ctx, input.talkId),
    async run(ctx, { talkId }) {
      const t = await loadTalk(ctx.store, talkId);
      const resource = recordResource(t);
      // Talks are between the student and staff: a parent sees none (as in the case view).
      refuseParentAudience(ctx.actor, resource);
      return talkView(
        t,
        await talksOfStudent(ctx.store, t.studentId),
        isAllowed(ctx.actor, 'talk.readNotes', resource),
      );
    },
  },

  talkDefaults: {
    permission: 'talk.write',
    resource: (ctx, input) => studentResource(ctx.store, input.studentId),
    async run(ctx, { studentId }) {
      const student = await loadStudent(ctx.store, studentId);
      const cls = await loadClass(ctx.store, student.classId);
      const talks = await talksOfStudent(ctx.store, studentId);
      // Defaults come from the last full-form talk (a quick one has no place or topics to carry over).
      const full = talks.filter((t) => t.form !== 'quick');
      const mine = full.filter((t) => t.actorId === ctx.actor.userId);
      const last = mine[mine.length - 1] ?? full[full.length - 1];
      const difficulty = await latestDifficulty(ctx.store, studentId);
      const warning = await caseWarning(ctx.store, studentId);
      return {
        student: { studentId, name: student.name, gender: student.gender, classId: cls._id, className: cls.name },
        talkerRoles: talkerRolesFor(ctx.actor, student.classId),
        nextNth: nthAt(talks, studentId, ctx.actor.userId, ctx.nowIso()),
        last: last
          ? {
              at: last.at,
              mode: last.mode,
              place: last.place,
              minutes: last.minutes,
              topics: last.topics,
              initiatedBy: last.initiatedBy,
            }
          : null,
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
      const resource = { studentId: student._id, classId: student.classId, collegeId: student.collegeId };
      const now = ctx.nowIso();
      checkTalk(
        input,
        {
          heldRoles: talkerRolesFor(ctx.actor, student.classId),
          maySetDifficulty: isAllowed(ctx.actor, 'difficulty.write', resource),
        },
        now,
      );
      const meeting = input.meetingId ? await findMeeting(ctx.store, input.meetingId) : null;
      if (input.meetingId) checkTalkMeeting(meeting, student._id, ctx.actor.userId);
      const doc = fullTalkRecord(input, {
        student,
        talker: { userId: ctx.actor.userId, name: ctx.actor.name },
        talks: await talksOfStudent(ctx.store, student._id),
        now,
      });
      const saved = await ctx.store.transaction(async (tx) => {
        const talk = await addTalk(tx, doc, ctx.write());
        if (input.difficulty) await addDifficulty(tx, difficultyFromTalk(talk, input.difficulty, now), ctx.write());
        if (meeting)
          await updateMeeting(
            tx,
            meeting,
            heldByTalk({ _id: talk._id, minutes: input.minutes, studentId: student._id }, now),
            ctx.write(),
          );
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
        kind: 'difficulty',
        actorId: ctx.actor.userId,
        actorName: ctx.actor.name,
        at: ctx.nowIso(),
        studentId: student._id,
        classId: student.classId,
        collegeId: student.collegeId,
        type: input.type,
        note: input.note,
      };
      const saved = await addDifficulty(ctx.store, row, ctx.write());
      return {
        type: saved.type,
        label: difficultyLabel[saved.type],
        note: saved.note,
        at: saved.at,
        byName: saved.actorName,
      };
    },
  },
};
