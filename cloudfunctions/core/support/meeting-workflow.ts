import type { Meeting, MeetingAnswer, MeetingResponse, ScheduleMeetingInput } from '../../../types/support';
import { AccessDeniedError, DomainError } from '../errors';
import { toIso } from '../time/shanghai';

/**
 * The meeting workflow as pure transitions: scheduled → held (record) → confirmed (a parent
 * meeting's parent) | cancelled; answers and moves while scheduled. The handler loads, asks here,
 * saves the change and runs the events in one transaction.
 */

/** How far ahead times may lie: a meeting is planned within the school year, a new time within a semester. */
export const MEETING_MAX_AHEAD_DAYS = 366;
export const PROPOSED_MAX_AHEAD_DAYS = 183;
const DAY_MS = 86_400_000;

/** Who acts, as core/access found them: the user, and whether they hold a parent's grant. */
export type MeetingActor = { userId: string; name: string; parent: boolean };

export type MeetingState = Pick<
  Meeting,
  'kind' | 'status' | 'at' | 'actorId' | 'studentIds' | 'inviteeIds' | 'responses' | 'record' | 'history'
>;

export type MeetingCommand =
  | { type: 'reschedule'; startAt: string }
  | { type: 'cancel' }
  | { type: 'record'; summary: string; minutes: number; presentIds: string[] }
  | { type: 'respond'; answer: MeetingAnswer; note: string; proposedAt?: string | undefined }
  | { type: 'confirm' };

/** What else follows a change, in the same transaction as saving it. */
export type MeetingEvent =
  /** The reminders of the start time as it was, not yet sent, are taken back. */
  | { type: 'remindersWithdrawn' }
  /** Reminders for the (new) start time go to the organizer and the invitees. */
  | { type: 'remindersScheduled' }
  /** An invitee asks to move it: the organizer hears at once. */
  | { type: 'rescheduleAsked'; response: MeetingResponse };

/** `change` null: nothing to save (the same time again, a second cancel or confirmation). */
export type MeetingDecision = { change: Partial<Meeting> | null; events: MeetingEvent[] };

const unchanged: MeetingDecision = { change: null, events: [] };

function checkStartAt(startAt: string, now: string): void {
  const t = Date.parse(startAt);
  if (t <= Date.parse(now)) throw new DomainError('MEETING.IN_PAST', '开始时间应晚于现在', 'startAt');
  if (t > Date.parse(now) + MEETING_MAX_AHEAD_DAYS * DAY_MS)
    throw new DomainError('MEETING.TOO_FAR', `开始时间最多安排在一年之内`, 'startAt');
}

function checkProposedAt(proposedAt: string | undefined, now: string): void {
  if (proposedAt === undefined) return;
  const t = Date.parse(proposedAt);
  if (t <= Date.parse(now) || t > Date.parse(now) + PROPOSED_MAX_AHEAD_DAYS * DAY_MS) {
    throw new DomainError(
      'MEETING.PROPOSED_TIME',
      `希望的时间应在现在之后的 ${PROPOSED_MAX_AHEAD_DAYS} 天之内`,
      'proposedAt',
    );
  }
}

/**
 * Who may change a scheduled meeting — move, cancel, record it, or close it with a talk record:
 * its organizer only (one rule for recordMeeting and recordTalk).
 */
export function mayChangeMeeting(userId: string, m: Pick<Meeting, 'actorId'>): boolean {
  return m.actorId === userId;
}

function assertOrganizer(userId: string, m: Pick<Meeting, 'actorId'>): void {
  if (!mayChangeMeeting(userId, m)) throw new AccessDeniedError('只有安排人可以修改此会谈');
}

/** A class meeting without a list invites the whole class. */
export function invitesWholeClass(input: Pick<ScheduleMeetingInput, 'kind' | 'studentIds'>): boolean {
  return input.kind === 'classMeeting' && input.studentIds.length === 0;
}

/** A parent meeting (家长面谈) invites the student's bound parents; every other kind the students. */
export function invitesParents(kind: Meeting['kind']): boolean {
  return kind === 'parentMeeting';
}

export type Invitee = { userId: string };

export type ScheduleFacts = {
  cls: { _id: string; collegeId: string };
  /** The invited students (the whole class when invitesWholeClass), and those found of them. */
  studentIds: readonly string[];
  students: readonly { _id: string; name: string; classId: string }[];
  /** The students' WeChat users and their bound parents. */
  people: { students: readonly Invitee[]; parents: readonly Invitee[] };
  organizer: { userId: string; name: string };
  remindBeforeMinutes: number;
  now: string;
};

/** A new meeting from the organizer's input, or the rule it breaks. */
export function scheduleMeeting(input: ScheduleMeetingInput, f: ScheduleFacts): Omit<Meeting, '_id'> {
  checkStartAt(input.startAt, f.now);
  const outside = f.studentIds.filter((id) => !f.students.some((s) => s._id === id && s.classId === f.cls._id));
  if (outside.length > 0)
    throw new DomainError('MEETING.STUDENT_NOT_IN_CLASS', `学生 ${outside.join('、')} 不在该班`, 'studentIds');
  const parentMeeting = invitesParents(input.kind);
  const invitees = parentMeeting ? f.people.parents : f.people.students;
  // A parent not on WeChat can still be met: the teacher records it, marked as not confirmed by the parent.
  const parentUnbound = parentMeeting && invitees.length === 0;
  const startAt = toIso(input.startAt);
  return {
    kind: input.kind,
    actorId: f.organizer.userId,
    actorName: f.organizer.name,
    at: startAt,
    title: input.title,
    classId: f.cls._id,
    collegeId: f.cls.collegeId,
    studentIds: [...f.studentIds],
    inviteeIds: invitees.map((p) => p.userId),
    plannedMinutes: input.plannedMinutes,
    place: input.place,
    topics: input.topics,
    remindBeforeMinutes: input.remindBeforeMinutes ?? f.remindBeforeMinutes,
    status: 'scheduled',
    responses: [],
    record: null,
    parentConfirmation: null,
    history: [{ startAt, at: f.now, by: f.organizer.userId }],
    studentNames: f.studentIds.map((id) => f.students.find((s) => s._id === id)?.name ?? '学生'),
    ...(parentUnbound ? { parentUnbound: true } : {}),
  };
}

/** One step of a meeting's life: the change to save and what follows it, or the rule it breaks. */
export function decideMeeting(
  m: MeetingState,
  command: MeetingCommand,
  actor: MeetingActor,
  now: string,
): MeetingDecision {
  switch (command.type) {
    case 'reschedule': {
      assertOrganizer(actor.userId, m);
      if (m.status !== 'scheduled') throw new DomainError('MEETING.NOT_SCHEDULED', '只有尚未举行的会谈可以改期');
      checkStartAt(command.startAt, now);
      const startAt = toIso(command.startAt);
      if (startAt === m.at) return unchanged;
      // Answers were to the old time: everyone answers again.
      return {
        change: { at: startAt, responses: [], history: [...m.history, { startAt, at: now, by: actor.userId }] },
        events: [{ type: 'remindersWithdrawn' }, { type: 'remindersScheduled' }],
      };
    }
    case 'cancel':
      assertOrganizer(actor.userId, m);
      if (m.status === 'cancelled') return unchanged;
      if (m.status !== 'scheduled') throw new DomainError('MEETING.NOT_SCHEDULED', '已举行的会谈不能取消');
      return { change: { status: 'cancelled' }, events: [{ type: 'remindersWithdrawn' }] };
    case 'record': {
      assertOrganizer(actor.userId, m);
      if (m.status !== 'scheduled' && m.status !== 'held')
        throw new DomainError(
          'MEETING.NOT_OPEN',
          m.status === 'cancelled' ? '会谈已取消' : '家长已确认，记录不能再修改',
        );
      // Minutes are of something that happened: not before the meeting starts.
      if (Date.parse(now) < Date.parse(m.at))
        throw new DomainError('MEETING.NOT_STARTED', '会谈尚未开始，开始后才能填写记录');
      const stranger = command.presentIds.find((id) => !m.studentIds.includes(id));
      if (stranger) throw new DomainError('MEETING.NOT_INVITED', `学生 ${stranger} 不在邀请名单中`, 'presentIds');
      return {
        change: {
          status: 'held',
          record: { summary: command.summary, minutes: command.minutes, presentIds: command.presentIds, at: now },
        },
        events: [],
      };
    }
    case 'respond': {
      if (!m.inviteeIds.includes(actor.userId)) throw new AccessDeniedError('这次会谈没有邀请你');
      if (m.status !== 'scheduled') throw new DomainError('MEETING.NOT_SCHEDULED', '会谈已举行或已取消，无需回复');
      checkProposedAt(command.proposedAt, now);
      const response: MeetingResponse = {
        userId: actor.userId,
        name: actor.name,
        answer: command.answer,
        note: command.note,
        proposedAt: command.proposedAt ? toIso(command.proposedAt) : null,
        at: now,
      };
      // One answer per invitee: a new one replaces theirs.
      const responses = [...m.responses.filter((r) => r.userId !== actor.userId), response];
      return {
        change: { responses },
        events: command.answer === 'reschedule' ? [{ type: 'rescheduleAsked', response }] : [],
      };
    }
    case 'confirm':
      if (!m.inviteeIds.includes(actor.userId) || !actor.parent)
        throw new AccessDeniedError('只有受邀的家长可以确认面谈记录');
      if (m.kind !== 'parentMeeting') throw new DomainError('MEETING.NOT_PARENT_MEETING', '只有家长面谈需要家长确认');
      // Confirming twice is the same confirmation.
      if (m.status === 'confirmed') return unchanged;
      if (m.status !== 'held' || m.record === null)
        throw new DomainError('MEETING.NOT_RECORDED', '老师尚未填写面谈记录');
      if (Date.parse(now) < Date.parse(m.at)) throw new DomainError('MEETING.NOT_STARTED', '面谈尚未进行，不能确认');
      return {
        change: { status: 'confirmed', parentConfirmation: { userId: actor.userId, name: actor.name, at: now } },
        events: [],
      };
  }
}

/**
 * A scheduled talk (约谈) closed by the talk record written for it: the talk must be with that
 * student, by its organizer, while it is still scheduled. `meeting` null: no such meeting.
 */
export function checkTalkMeeting(
  meeting: Pick<Meeting, 'kind' | 'studentIds' | 'status' | 'actorId'> | null,
  studentId: string,
  userId: string,
): void {
  if (
    !meeting ||
    meeting.kind !== 'talk' ||
    !meeting.studentIds.includes(studentId) ||
    meeting.status !== 'scheduled'
  ) {
    throw new DomainError('TALK.MEETING_MISMATCH', '所选约谈不存在、已记录或不是与该生的约谈', 'meetingId');
  }
  if (!mayChangeMeeting(userId, meeting))
    throw new DomainError('ACCESS.DENIED', '这次约谈由他人安排，只有安排人可以登记并结束它', 'meetingId');
}

/** The meeting as held, its record pointing to the talk record. */
export function heldByTalk(
  talk: { _id: string; minutes: number; studentId: string },
  now: string,
): Pick<Meeting, 'status' | 'record'> {
  return {
    status: 'held',
    record: { summary: `见谈话记录（${talk._id}）`, minutes: talk.minutes, presentIds: [talk.studentId], at: now },
  };
}
