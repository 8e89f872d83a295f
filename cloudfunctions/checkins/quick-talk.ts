import type { CheckinReceipt } from '../../types/api/checkins';
import type { TalkRecord, TalkerRole, TalkMode } from '../../types/support';
import { recordIdFor } from '../core/checkins/record-id';
import { nthAt } from '../core/support/talk-numbering';
import { quickTalkRecord, quickTalkerRole } from '../core/support/quick-talk';
import { loadStudent } from '../platform/directory/directory';
import type { Context } from '../platform/runtime/define-function';
import type { Stored } from '../platform/store/store';
import { talkerRolesFor } from '../core/access/casework-roles';
import { talksOf } from '../application/repositories/talks';
import { stampOf, type Sent } from './file-record';
import { checkTalkerRole, clientIdReused } from '../core/checkins/checkin-rules';
import { noteDutySource } from '../application/digests/duty-digests';

function receipt(talk: Pick<TalkRecord, '_id' | 'at' | 'flags'>, duplicate: boolean): CheckinReceipt {
  return {
    recordId: talk._id,
    kind: 'talk',
    at: talk.at,
    flags: talk.flags ?? [],
    distanceMeters: null,
    placeName: null,
    duplicate,
    followUps: 0,
  };
}

/**
 * 签到与记录 → 面对面谈话 (and 我的职责 → 去记录): the quick form writes the one talk record
 * (collection `talks`), idempotently by the phone's client id, so it shows in the case, the
 * timeline and the caseload, takes its n-th number and counts once toward every duty.
 */
export async function recordQuickTalk(
  ctx: Context,
  input: Sent & {
    studentId: string;
    mode: TalkMode;
    minutes: number;
    notes: string;
    talkerRole?: TalkerRole | undefined;
  },
): Promise<CheckinReceipt> {
  const id = recordIdFor(ctx.actor.userId, input.clientId);
  const existing = await ctx.store.get('talks', id);
  if (existing) return receipt(existing, true);
  if (await ctx.store.get('dutyRecords', id)) throw clientIdReused();
  const student = await loadStudent(ctx.store, input.studentId);
  const role = checkTalkerRole(quickTalkerRole(talkerRolesFor(ctx.actor, student.classId), input.talkerRole));
  const { at, flags } = stampOf(ctx, input, null);
  const talks = await talksOf(ctx, student._id);
  const doc = quickTalkRecord({
    _id: id,
    actorId: ctx.actor.userId,
    actorName: ctx.actor.name,
    talkerRole: role,
    at,
    receivedAt: ctx.nowIso(),
    student,
    mode: input.mode,
    minutes: input.minutes,
    content: input.notes,
    clientId: input.clientId.toLowerCase(),
    flags,
    nth: nthAt(talks, student._id, ctx.actor.userId, at),
  });
  return ctx.store.transaction(async (tx) => {
    // A resend racing the first send: the first one in wins, the other reads it.
    const raced = await tx.get('talks', id);
    if (raced) return receipt(raced, true);
    const saved: Stored<TalkRecord> = await tx.add('talks', doc, ctx.write());
    await noteDutySource(tx, 'talks', null, saved, ctx.write());
    return receipt(saved, false);
  });
}
