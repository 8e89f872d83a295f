import { classIdsFor, collegeIdsFor } from '../core/access/authorize';
import { AccessDeniedError, DomainError } from '../core/errors';
import { DEFAULT_REMIND_BEFORE_MINUTES, meetingPage, meetingReminders, reminderKey } from '../core/support/meeting-reminders';
import { toIso } from '../core/time/shanghai';
import type { MeetingView, SupportApi } from '../../types/api/support';
import type { Actor, Student } from '../../types/domain';
import type { OutboxMessage } from '../../types/message';
import type { Meeting } from '../../types/support';
import { classResource, loadClass } from '../platform/directory/directory';
import { enqueue, OUTBOX } from '../platform/messenger/outbox';
import type { Context, Handlers } from '../platform/runtime/define-function';
import { queryAll, type Stored, type TxStore, type WriteContext } from '../platform/store/store';
import { MEETINGS } from './collections';
import { loadMeeting, orNobody, studentOfCaller } from './load';
import { peopleOf, type Person } from './participants';
import { notedDutySource } from '../application/digests/duty-digests';

/** Lead time of reminders when a meeting does not set one: env `REMIND_BEFORE_MINUTES`, else a day. */
export function defaultRemindBefore(env: Readonly<Record<string, string | undefined>> = process.env): number {
  const n = Number(env.REMIND_BEFORE_MINUTES);
  return Number.isInteger(n) && n >= 0 ? n : DEFAULT_REMIND_BEFORE_MINUTES;
}

/**
 * What an invited student or parent may see of who is invited: themself and the student they
 * act for, never the other invitees (in a 座谈会 that would tell a warned student who else is).
 */
function ownInvitation(actor: Actor, m: Meeting): Pick<Meeting, 'studentIds' | 'inviteeIds' | 'record'> {
  const mine = new Set(actor.grants.flatMap((g) => (g.role === 'student' ? [g.studentId] : g.role === 'parent' ? g.childIds : [])));
  return {
    studentIds: m.studentIds.filter((id) => mine.has(id)),
    inviteeIds: m.inviteeIds.filter((id) => id === actor.userId),
    record: m.record === null ? null : { ...m.record, presentIds: m.record.presentIds.filter((id) => mine.has(id)) },
  };
}

export function meetingView(actor: Actor, m: Stored<Meeting>): MeetingView {
  const { _version: _v, createdBy: _cb, createdAt: _ca, updatedBy: _ub, updatedAt: _ua, ...rest } = m;
  const invited = m.inviteeIds.includes(actor.userId);
  const parent = actor.grants.some((g) => g.role === 'parent');
  const isOrganizer = m.actorId === actor.userId;
  // Staff see every answer; a student or parent only their own (classmates' replies are theirs).
  const staff = actor.grants.some((g) => g.role !== 'student' && g.role !== 'parent');
  const responses = isOrganizer || staff ? m.responses : m.responses.filter((r) => r.userId === actor.userId);
  return {
    ...rest,
    ...(isOrganizer || staff ? {} : ownInvitation(actor, m)),
    responses,
    canRespond: invited && m.status === 'scheduled',
    canConfirm: invited && parent && m.kind === 'parentMeeting' && m.status === 'held',
    isOrganizer,
  };
}

/** How far ahead times may lie: a meeting is planned within the school year, a new time within a semester. */
export const MEETING_MAX_AHEAD_DAYS = 366;
export const PROPOSED_MAX_AHEAD_DAYS = 183;
const DAY_MS = 86_400_000;

function checkStartAt(startAt: string, now: string): void {
  const t = Date.parse(startAt);
  if (t <= Date.parse(now)) throw new DomainError('MEETING.IN_PAST', '开始时间应晚于现在', 'startAt');
  if (t > Date.parse(now) + MEETING_MAX_AHEAD_DAYS * DAY_MS) throw new DomainError('MEETING.TOO_FAR', `开始时间最多安排在一年之内`, 'startAt');
}

function checkProposedAt(proposedAt: string | undefined, now: string): void {
  if (proposedAt === undefined) return;
  const t = Date.parse(proposedAt);
  if (t <= Date.parse(now) || t > Date.parse(now) + PROPOSED_MAX_AHEAD_DAYS * DAY_MS) {
    throw new DomainError('MEETING.PROPOSED_TIME', `希望的时间应在现在之后的 ${PROPOSED_MAX_AHEAD_DAYS} 天之内`, 'proposedAt');
  }
}

/** Staff reach a meeting by its class; an invitee (student, parent) by their own or child's id. */
const meetingResource = (ctx: Context, meetingId: string) =>
  orNobody(
    () => loadMeeting(ctx.store, meetingId),
    (m) => {
      const studentId = studentOfCaller(ctx.actor, m.studentIds);
      return studentId ? { studentId, classId: m.classId, collegeId: m.collegeId } : { classId: m.classId, collegeId: m.collegeId };
    },
  );

async function participantsOf(ctx: Context, m: Pick<Meeting, 'inviteeIds' | 'actorId'>): Promise<(Person & { parent: boolean })[]> {
  const users = await queryAll<{ openid: string; name: string; grants: Actor['grants'] }>(ctx.store, 'users', { where: { _id: { in: [m.actorId, ...m.inviteeIds] } } });
  return users.map((u) => ({ userId: u._id, openid: u.openid, name: u.name, parent: u.grants.some((g) => g.role === 'parent') && !u.grants.some((g) => g.role === 'student') }));
}

/** Remove reminders of a start time that have not gone out yet (a moved or cancelled meeting). */
async function withdrawReminders(tx: TxStore, m: Meeting): Promise<void> {
  for (const userId of [m.actorId, ...m.inviteeIds]) {
    const id = `msg:${reminderKey(m._id, userId, m.at)}`;
    const row = await tx.get<OutboxMessage>(OUTBOX, id);
    if (row && row.status === 'pending') await tx.remove(OUTBOX, id);
  }
}

async function sendReminders(tx: TxStore, m: Meeting, people: readonly (Person & { parent: boolean })[], now: string, write: WriteContext): Promise<void> {
  for (const r of meetingReminders(m, people, now)) {
    await enqueue(tx, { key: r.key, kind: 'meetingScheduled', toUserId: r.toUserId, toOpenid: r.toOpenid, page: r.page, data: r.data, subjectId: m._id, sendAfter: r.sendAfter }, write);
  }
}

/**
 * Who may change a scheduled meeting — move, cancel, record it, or close it with a talk record:
 * its organizer only (one rule for recordMeeting and recordTalk).
 */
export function mayChangeMeeting(actor: Actor, m: Pick<Meeting, 'actorId'>): boolean {
  return m.actorId === actor.userId;
}

async function organizerMeeting(ctx: Context, meetingId: string): Promise<Stored<Meeting>> {
  const m = await loadMeeting(ctx.store, meetingId);
  if (!mayChangeMeeting(ctx.actor, m)) throw new AccessDeniedError('只有安排人可以修改此会谈');
  return m;
}

export const meetingHandlers: Handlers<
  Pick<SupportApi, 'scheduleMeeting' | 'rescheduleMeeting' | 'cancelMeeting' | 'recordMeeting' | 'respondMeeting' | 'confirmParentMeeting' | 'meeting' | 'meetings' | 'myMeetings'>
> = {
  scheduleMeeting: {
    permission: 'meeting.schedule',
    resource: (ctx, input) => classResource(ctx.store, input.classId),
    async run(ctx, input) {
      const cls = await loadClass(ctx.store, input.classId);
      const now = ctx.nowIso();
      checkStartAt(input.startAt, now);
      // A class meeting without a list invites the whole class.
      const studentIds = input.kind === 'classMeeting' && input.studentIds.length === 0
        ? (await queryAll<Student>(ctx.store, 'students', { where: { classId: cls._id } })).map((s) => s._id)
        : [...new Set(input.studentIds)];
      const students = studentIds.length ? await queryAll<Student>(ctx.store, 'students', { where: { _id: { in: studentIds } } }) : [];
      const outside = studentIds.filter((id) => !students.some((s) => s._id === id && s.classId === cls._id));
      if (outside.length > 0) throw new DomainError('MEETING.STUDENT_NOT_IN_CLASS', `学生 ${outside.join('、')} 不在该班`, 'studentIds');
      const parentMeeting = input.kind === 'parentMeeting';
      const people = await peopleOf(ctx.store, studentIds, parentMeeting);
      const invitees = parentMeeting ? people.parents : people.students;
      // A parent not on WeChat can still be met: the teacher records it, marked as not confirmed by the parent.
      const parentUnbound = parentMeeting && invitees.length === 0;
      const meeting: Omit<Meeting, '_id'> & { _id?: string } = {
        kind: input.kind,
        actorId: ctx.actor.userId,
        actorName: ctx.actor.name,
        at: toIso(input.startAt),
        title: input.title,
        classId: cls._id,
        collegeId: cls.collegeId,
        studentIds,
        inviteeIds: invitees.map((p) => p.userId),
        plannedMinutes: input.plannedMinutes,
        place: input.place,
        topics: input.topics,
        remindBeforeMinutes: input.remindBeforeMinutes ?? defaultRemindBefore(),
        status: 'scheduled',
        responses: [],
        record: null,
        parentConfirmation: null,
        history: [{ startAt: toIso(input.startAt), at: now, by: ctx.actor.userId }],
        studentNames: studentIds.map((id) => students.find((s) => s._id === id)?.name ?? '学生'),
        ...(parentUnbound ? { parentUnbound: true } : {}),
      };
      const organizer = { userId: ctx.actor.userId, openid: ctx.actor.openid, name: ctx.actor.name, parent: false };
      const saved = await ctx.store.transaction(async (tx) => {
        const m = await tx.add(MEETINGS, meeting, ctx.write());
        await sendReminders(tx, m, [organizer, ...invitees], now, ctx.write());
        return m;
      });
      return meetingView(ctx.actor, saved);
    },
  },

  rescheduleMeeting: {
    permission: 'meeting.schedule',
    resource: (ctx, input) => meetingResource(ctx, input.meetingId),
    async run(ctx, input) {
      const m = await organizerMeeting(ctx, input.meetingId);
      if (m.status !== 'scheduled') throw new DomainError('MEETING.NOT_SCHEDULED', '只有尚未举行的会谈可以改期');
      const now = ctx.nowIso();
      checkStartAt(input.startAt, now);
      const startAt = toIso(input.startAt);
      if (startAt === m.at) return meetingView(ctx.actor, m);
      const people = await participantsOf(ctx, m);
      const saved = await ctx.store.transaction(async (tx) => {
        await withdrawReminders(tx, m);
        const next = await tx.update<Meeting>(MEETINGS, m._id, { at: startAt, responses: [], history: [...m.history, { startAt, at: now, by: ctx.actor.userId }] }, m._version, ctx.write());
        await sendReminders(tx, next, people, now, ctx.write());
        return next;
      });
      return meetingView(ctx.actor, saved);
    },
  },

  cancelMeeting: {
    permission: 'meeting.schedule',
    resource: (ctx, input) => meetingResource(ctx, input.meetingId),
    async run(ctx, input) {
      const m = await organizerMeeting(ctx, input.meetingId);
      if (m.status === 'cancelled') return meetingView(ctx.actor, m);
      if (m.status !== 'scheduled') throw new DomainError('MEETING.NOT_SCHEDULED', '已举行的会谈不能取消');
      const saved = await ctx.store.transaction(async (tx) => {
        await withdrawReminders(tx, m);
        return tx.update<Meeting>(MEETINGS, m._id, { status: 'cancelled' }, m._version, ctx.write());
      });
      return meetingView(ctx.actor, saved);
    },
  },

  recordMeeting: {
    permission: 'meeting.schedule',
    resource: (ctx, input) => meetingResource(ctx, input.meetingId),
    async run(ctx, input) {
      const m = await organizerMeeting(ctx, input.meetingId);
      if (m.status !== 'scheduled' && m.status !== 'held') throw new DomainError('MEETING.NOT_OPEN', m.status === 'cancelled' ? '会谈已取消' : '家长已确认，记录不能再修改');
      // Minutes are of something that happened: not before the meeting starts.
      if (Date.parse(ctx.nowIso()) < Date.parse(m.at)) throw new DomainError('MEETING.NOT_STARTED', '会谈尚未开始，开始后才能填写记录');
      const stranger = input.presentIds.find((id) => !m.studentIds.includes(id));
      if (stranger) throw new DomainError('MEETING.NOT_INVITED', `学生 ${stranger} 不在邀请名单中`, 'presentIds');
      const record = { summary: input.summary, minutes: input.minutes, presentIds: input.presentIds, at: ctx.nowIso() };
      const saved = await ctx.store.transaction(async (tx) => notedDutySource(tx, 'meetings', m, await tx.update<Meeting>(MEETINGS, m._id, { status: 'held', record }, m._version, ctx.write()), ctx.write()));
      return meetingView(ctx.actor, saved);
    },
  },

  respondMeeting: {
    permission: 'meeting.respond',
    resource: (ctx, input) => meetingResource(ctx, input.meetingId),
    async run(ctx, input) {
      const m = await loadMeeting(ctx.store, input.meetingId);
      if (!m.inviteeIds.includes(ctx.actor.userId)) throw new AccessDeniedError('这次会谈没有邀请你');
      if (m.status !== 'scheduled') throw new DomainError('MEETING.NOT_SCHEDULED', '会谈已举行或已取消，无需回复');
      checkProposedAt(input.proposedAt, ctx.nowIso());
      const response = { userId: ctx.actor.userId, name: ctx.actor.name, answer: input.answer, note: input.note, proposedAt: input.proposedAt ? toIso(input.proposedAt) : null, at: ctx.nowIso() };
      const responses = [...m.responses.filter((r) => r.userId !== ctx.actor.userId), response];
      const organizer = input.answer === 'reschedule' ? await ctx.store.get<{ openid: string }>('users', m.actorId) : null;
      const saved = await ctx.store.transaction(async (tx) => {
        const next = await tx.update<Meeting>(MEETINGS, m._id, { responses }, m._version, ctx.write());
        // A request to move it reaches the organizer at once (same template: 事项 / 时间 / 地点).
        if (organizer) {
          await enqueue(
            tx,
            {
              key: `meeting:${m._id}:reschedule:${ctx.actor.userId}:${response.at}`,
              kind: 'meetingScheduled',
              toUserId: m.actorId,
              toOpenid: organizer.openid,
              page: meetingPage(m._id, true, false),
              // Whole texts: the sender fits every field to WeChat's limits (core/messages/wechat-data.ts).
              data: { thing1: `${ctx.actor.name}申请改期`, time2: response.proposedAt ?? m.at, thing3: m.place },
              subjectId: m._id,
            },
            ctx.write(),
          );
        }
        return next;
      });
      return meetingView(ctx.actor, saved);
    },
  },

  confirmParentMeeting: {
    permission: 'meeting.respond',
    resource: (ctx, input) => meetingResource(ctx, input.meetingId),
    async run(ctx, input) {
      const m = await loadMeeting(ctx.store, input.meetingId);
      if (!m.inviteeIds.includes(ctx.actor.userId) || !ctx.actor.grants.some((g) => g.role === 'parent')) throw new AccessDeniedError('只有受邀的家长可以确认面谈记录');
      if (m.kind !== 'parentMeeting') throw new DomainError('MEETING.NOT_PARENT_MEETING', '只有家长面谈需要家长确认');
      // Confirming twice is the same confirmation.
      if (m.status === 'confirmed') return meetingView(ctx.actor, m);
      if (m.status !== 'held' || m.record === null) throw new DomainError('MEETING.NOT_RECORDED', '老师尚未填写面谈记录');
      if (Date.parse(ctx.nowIso()) < Date.parse(m.at)) throw new DomainError('MEETING.NOT_STARTED', '面谈尚未进行，不能确认');
      const saved = await ctx.store.update<Meeting>(MEETINGS, m._id, { status: 'confirmed', parentConfirmation: { userId: ctx.actor.userId, name: ctx.actor.name, at: ctx.nowIso() } }, m._version, ctx.write());
      return meetingView(ctx.actor, saved);
    },
  },

  meeting: {
    permission: 'case.read',
    resource: (ctx, input) => meetingResource(ctx, input.meetingId),
    async run(ctx, input) {
      const m = await loadMeeting(ctx.store, input.meetingId);
      // Staff reached it through its class; a student or parent only when it is addressed to them.
      const staff = ctx.actor.grants.some((g) => g.role !== 'student' && g.role !== 'parent');
      if (!staff && !m.inviteeIds.includes(ctx.actor.userId)) throw new AccessDeniedError('这次会谈没有邀请你');
      return meetingView(ctx.actor, m);
    },
  },

  meetings: {
    permission: 'meeting.schedule',
    resource: 'list',
    async run(ctx) {
      const classIds = classIdsFor(ctx.actor, 'meeting.schedule');
      const collegeIds = collegeIdsFor(ctx.actor, 'meeting.schedule');
      const rows = [
        ...(classIds.length ? await queryAll<Meeting>(ctx.store, MEETINGS, { where: { classId: { in: classIds } } }) : []),
        ...(collegeIds.length ? await queryAll<Meeting>(ctx.store, MEETINGS, { where: { collegeId: { in: collegeIds } } }) : []),
        ...(await queryAll<Meeting>(ctx.store, MEETINGS, { where: { actorId: ctx.actor.userId } })),
      ];
      const unique = new Map(rows.map((m) => [m._id, m]));
      return [...unique.values()].sort((a, b) => b.at.localeCompare(a.at)).map((m) => meetingView(ctx.actor, m));
    },
  },

  myMeetings: {
    permission: 'meeting.respond',
    resource: 'list',
    async run(ctx) {
      const mine = ctx.actor.grants.flatMap((g) => (g.role === 'student' ? [g.studentId] : g.role === 'parent' ? g.childIds : []));
      if (mine.length === 0) return [];
      const classIds = [...new Set((await queryAll<Student>(ctx.store, 'students', { where: { _id: { in: mine } } })).map((s) => s.classId))];
      const rows = classIds.length ? await queryAll<Meeting>(ctx.store, MEETINGS, { where: { classId: { in: classIds } } }) : [];
      // Only what is addressed to the caller.
      return rows.filter((m) => m.inviteeIds.includes(ctx.actor.userId)).sort((a, b) => b.at.localeCompare(a.at)).map((m) => meetingView(ctx.actor, m));
    },
  },
};
