import { classIdsFor, collegeIdsFor } from '../core/access/authorize';
import { isParent, studentOfCaller } from '../core/access/family';
import { assertMayReadMeeting } from '../core/access/meeting-reach';
import { orNobody } from '../core/access/record-resource';
import { DEFAULT_REMIND_BEFORE_MINUTES } from '../core/support/meeting-reminders';
import {
  decideMeeting,
  invitesParents,
  invitesWholeClass,
  scheduleMeeting,
  type MeetingCommand,
} from '../core/support/meeting-workflow';
import type { MeetingView, SupportApi } from '../../types/api/support';
import { meetingView } from '../application/casework/meeting-view';
import { myMeetings } from '../application/casework/my-casework';
import {
  addMeeting,
  loadMeeting,
  meetingsOfClasses,
  meetingsOfColleges,
  meetingsOrganizedBy,
  updateMeeting,
} from '../application/repositories/meetings';
import { classResource, loadClass } from '../platform/directory/directory';
import type { Context, Handlers } from '../platform/runtime/define-function';
import { queryAll } from '../platform/store/store';
import { askOrganizer, participantsOf, sendReminders, withdrawReminders } from './meeting-messages';
import { peopleOf } from './participants';

/** Lead time of reminders when a meeting does not set one: env `REMIND_BEFORE_MINUTES`, else a day. */
export function defaultRemindBefore(env: Readonly<Record<string, string | undefined>> = process.env): number {
  const n = Number(env.REMIND_BEFORE_MINUTES);
  return Number.isInteger(n) && n >= 0 ? n : DEFAULT_REMIND_BEFORE_MINUTES;
}

/** Staff reach a meeting by its class; an invitee (student, parent) by their own or child's id. */
const meetingResource = (ctx: Context, meetingId: string) =>
  orNobody(
    () => loadMeeting(ctx.store, meetingId),
    (m) => {
      const studentId = studentOfCaller(ctx.actor, m.studentIds);
      return studentId
        ? { studentId, classId: m.classId, collegeId: m.collegeId }
        : { classId: m.classId, collegeId: m.collegeId };
    },
  );

/** Load → decide (core) → save with the reminders and requests it calls for, in one transaction. */
async function step(ctx: Context, meetingId: string, command: MeetingCommand): Promise<MeetingView> {
  const m = await loadMeeting(ctx.store, meetingId);
  const now = ctx.nowIso();
  const { change, events } = decideMeeting(
    m,
    command,
    { userId: ctx.actor.userId, name: ctx.actor.name, parent: isParent(ctx.actor.grants) },
    now,
  );
  if (change === null) return meetingView(ctx.actor, m);
  const people = events.some((e) => e.type === 'remindersScheduled') ? await participantsOf(ctx.store, m) : [];
  const organizer = events.some((e) => e.type === 'rescheduleAsked') ? await ctx.store.get('users', m.actorId) : null;
  const saved = await ctx.store.transaction(async (tx) => {
    if (events.some((e) => e.type === 'remindersWithdrawn')) await withdrawReminders(tx, m);
    const next = await updateMeeting(tx, m, change, ctx.write());
    for (const e of events) {
      if (e.type === 'remindersScheduled') await sendReminders(tx, next, people, now, ctx.write());
      if (e.type === 'rescheduleAsked' && organizer)
        await askOrganizer(tx, m, e.response, organizer.openid, ctx.write());
    }
    return next;
  });
  return meetingView(ctx.actor, saved);
}

export const meetingHandlers: Handlers<
  Pick<
    SupportApi,
    | 'scheduleMeeting'
    | 'rescheduleMeeting'
    | 'cancelMeeting'
    | 'recordMeeting'
    | 'respondMeeting'
    | 'confirmParentMeeting'
    | 'meeting'
    | 'meetings'
    | 'myMeetings'
  >
> = {
  scheduleMeeting: {
    permission: 'meeting.schedule',
    resource: (ctx, input) => classResource(ctx.store, input.classId),
    async run(ctx, input) {
      const cls = await loadClass(ctx.store, input.classId);
      const now = ctx.nowIso();
      const studentIds = invitesWholeClass(input)
        ? (await queryAll(ctx.store, 'students', { where: { classId: cls._id } })).map((s) => s._id)
        : [...new Set(input.studentIds)];
      const students = studentIds.length
        ? await queryAll(ctx.store, 'students', { where: { _id: { in: studentIds } } })
        : [];
      const people = await peopleOf(ctx.store, studentIds, invitesParents(input.kind));
      const meeting = scheduleMeeting(input, {
        cls,
        studentIds,
        students,
        people,
        organizer: { userId: ctx.actor.userId, name: ctx.actor.name },
        remindBeforeMinutes: defaultRemindBefore(),
        now,
      });
      const invitees = invitesParents(input.kind) ? people.parents : people.students;
      const organizer = { userId: ctx.actor.userId, openid: ctx.actor.openid, name: ctx.actor.name, parent: false };
      const saved = await ctx.store.transaction(async (tx) => {
        const m = await addMeeting(tx, meeting, ctx.write());
        await sendReminders(tx, m, [organizer, ...invitees], now, ctx.write());
        return m;
      });
      return meetingView(ctx.actor, saved);
    },
  },

  rescheduleMeeting: {
    permission: 'meeting.schedule',
    resource: (ctx, input) => meetingResource(ctx, input.meetingId),
    run: (ctx, input) => step(ctx, input.meetingId, { type: 'reschedule', startAt: input.startAt }),
  },

  cancelMeeting: {
    permission: 'meeting.schedule',
    resource: (ctx, input) => meetingResource(ctx, input.meetingId),
    run: (ctx, input) => step(ctx, input.meetingId, { type: 'cancel' }),
  },

  recordMeeting: {
    permission: 'meeting.schedule',
    resource: (ctx, input) => meetingResource(ctx, input.meetingId),
    run: (ctx, input) =>
      step(ctx, input.meetingId, {
        type: 'record',
        summary: input.summary,
        minutes: input.minutes,
        presentIds: input.presentIds,
      }),
  },

  respondMeeting: {
    permission: 'meeting.respond',
    resource: (ctx, input) => meetingResource(ctx, input.meetingId),
    run: (ctx, input) =>
      step(ctx, input.meetingId, {
        type: 'respond',
        answer: input.answer,
        note: input.note,
        proposedAt: input.proposedAt,
      }),
  },

  confirmParentMeeting: {
    permission: 'meeting.respond',
    resource: (ctx, input) => meetingResource(ctx, input.meetingId),
    run: (ctx, input) => step(ctx, input.meetingId, { type: 'confirm' }),
  },

  meeting: {
    permission: 'case.read',
    resource: (ctx, input) => meetingResource(ctx, input.meetingId),
    async run(ctx, input) {
      const m = await loadMeeting(ctx.store, input.meetingId);
      assertMayReadMeeting(ctx.actor, m);
      return meetingView(ctx.actor, m);
    },
  },

  meetings: {
    permission: 'meeting.schedule',
    resource: 'list',
    async run(ctx) {
      const rows = [
        ...(await meetingsOfClasses(ctx.store, classIdsFor(ctx.actor, 'meeting.schedule'))),
        ...(await meetingsOfColleges(ctx.store, collegeIdsFor(ctx.actor, 'meeting.schedule'))),
        ...(await meetingsOrganizedBy(ctx.store, ctx.actor.userId)),
      ];
      const unique = new Map(rows.map((m) => [m._id, m]));
      return [...unique.values()].sort((a, b) => b.at.localeCompare(a.at)).map((m) => meetingView(ctx.actor, m));
    },
  },

  myMeetings: {
    permission: 'meeting.respond',
    resource: 'list',
    run: (ctx) => myMeetings(ctx),
  },
};
