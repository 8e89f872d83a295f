import fc from 'fast-check';
import { DomainError } from '../../../cloudfunctions/core/errors';
import {
  checkTalkMeeting,
  decideMeeting,
  heldByTalk,
  MEETING_MAX_AHEAD_DAYS,
  scheduleMeeting,
  type MeetingActor,
  type MeetingCommand,
  type MeetingState,
} from '../../../cloudfunctions/core/support/meeting-workflow';
import type { MeetingKind, MeetingStatus, ScheduleMeetingInput } from '../../../types/support';

const NOW = '2026-11-20T09:00:00.000+08:00';
const AT = '2026-11-25T14:00:00.000+08:00';
const organizer: MeetingActor = { userId: 't-c', name: '林老师', parent: false };
const student: MeetingActor = { userId: 's-1', name: '张三', parent: false };
const parent: MeetingActor = { userId: 'p-1', name: '张父', parent: true };

const state = (extra: Partial<MeetingState> = {}): MeetingState => ({
  kind: 'talk',
  status: 'scheduled',
  at: AT,
  actorId: 't-c',
  studentIds: ['1'],
  inviteeIds: ['s-1'],
  responses: [],
  record: null,
  history: [{ startAt: AT, at: NOW, by: 't-c' }],
  ...extra,
});

function codeOf(fn: () => unknown): string | null {
  try {
    fn();
    return null;
  } catch (e) {
    if (e instanceof DomainError) return e.code;
    throw e;
  }
}

const record: MeetingCommand = { type: 'record', summary: '谈补考', minutes: 30, presentIds: ['1'] };
const after = '2026-11-25T15:00:00.000+08:00';

describe('meeting workflow: one step at a time', () => {
  it.each<
    [
      string,
      Partial<MeetingState>,
      MeetingCommand,
      MeetingActor,
      string,
      string | Partial<Record<string, unknown>> | null,
    ]
  >([
    [
      'moves a scheduled meeting and asks everyone again',
      {},
      { type: 'reschedule', startAt: '2026-11-26T10:00:00+08:00' },
      organizer,
      NOW,
      { at: '2026-11-26T10:00:00.000+08:00', responses: [] },
    ],
    ['keeps the same time as it is', {}, { type: 'reschedule', startAt: AT }, organizer, NOW, null],
    [
      'refuses to move a held one',
      { status: 'held' },
      { type: 'reschedule', startAt: '2026-11-26T10:00:00+08:00' },
      organizer,
      NOW,
      'MEETING.NOT_SCHEDULED',
    ],
    [
      'refuses a new time in the past',
      {},
      { type: 'reschedule', startAt: '2026-11-19T10:00:00+08:00' },
      organizer,
      NOW,
      'MEETING.IN_PAST',
    ],
    [
      'refuses a new time beyond a year',
      {},
      { type: 'reschedule', startAt: '2027-12-01T10:00:00+08:00' },
      organizer,
      NOW,
      'MEETING.TOO_FAR',
    ],
    ['cancels a scheduled one', {}, { type: 'cancel' }, organizer, NOW, { status: 'cancelled' }],
    ['cancels twice as once', { status: 'cancelled' }, { type: 'cancel' }, organizer, NOW, null],
    ['refuses to cancel a held one', { status: 'held' }, { type: 'cancel' }, organizer, NOW, 'MEETING.NOT_SCHEDULED'],
    ['records it once started', {}, record, organizer, after, { status: 'held' }],
    ['refuses minutes before the start', {}, record, organizer, NOW, 'MEETING.NOT_STARTED'],
    [
      'refuses a student present who was not invited',
      {},
      { ...record, presentIds: ['9'] },
      organizer,
      after,
      'MEETING.NOT_INVITED',
    ],
    ['refuses minutes of a cancelled one', { status: 'cancelled' }, record, organizer, after, 'MEETING.NOT_OPEN'],
    [
      'refuses minutes once the parent confirmed',
      { status: 'confirmed' },
      record,
      organizer,
      after,
      'MEETING.NOT_OPEN',
    ],
    [
      'only the organizer changes it',
      {},
      { type: 'cancel' },
      { ...organizer, userId: 't-other' },
      NOW,
      'ACCESS.DENIED',
    ],
    ['an invitee answers', {}, { type: 'respond', answer: 'accept', note: '' }, student, NOW, {}],
    [
      'one not invited cannot answer',
      {},
      { type: 'respond', answer: 'accept', note: '' },
      { ...student, userId: 's-2' },
      NOW,
      'ACCESS.DENIED',
    ],
    [
      'no answer once held',
      { status: 'held' },
      { type: 'respond', answer: 'accept', note: '' },
      student,
      NOW,
      'MEETING.NOT_SCHEDULED',
    ],
    [
      'a proposed time within the semester',
      {},
      { type: 'respond', answer: 'reschedule', note: '', proposedAt: '2027-06-30T10:00:00+08:00' },
      student,
      NOW,
      'MEETING.PROPOSED_TIME',
    ],
    [
      'the invited parent confirms the record',
      {
        kind: 'parentMeeting',
        status: 'held',
        inviteeIds: ['p-1'],
        record: { summary: 's', minutes: 30, presentIds: ['1'], at: after },
      },
      { type: 'confirm' },
      parent,
      after,
      { status: 'confirmed' },
    ],
    [
      'confirming twice is the same confirmation',
      { kind: 'parentMeeting', status: 'confirmed', inviteeIds: ['p-1'] },
      { type: 'confirm' },
      parent,
      after,
      null,
    ],
    [
      'a student cannot confirm',
      { kind: 'parentMeeting', status: 'held', inviteeIds: ['s-1'] },
      { type: 'confirm' },
      student,
      after,
      'ACCESS.DENIED',
    ],
    [
      'only a parent meeting is confirmed',
      { status: 'held', inviteeIds: ['p-1'] },
      { type: 'confirm' },
      parent,
      after,
      'MEETING.NOT_PARENT_MEETING',
    ],
    [
      'nothing to confirm before the record',
      { kind: 'parentMeeting', inviteeIds: ['p-1'] },
      { type: 'confirm' },
      parent,
      after,
      'MEETING.NOT_RECORDED',
    ],
  ])('%s', (_name, extra, command, actor, now, expected) => {
    if (typeof expected === 'string') {
      expect(codeOf(() => decideMeeting(state(extra), command, actor, now))).toBe(expected);
      return;
    }
    const decision = decideMeeting(state(extra), command, actor, now);
    if (expected === null) expect(decision).toEqual({ change: null, events: [] });
    else expect(decision.change).toMatchObject(expected);
  });

  it('a move withdraws the old reminders and schedules new ones; a cancel withdraws them; a reschedule request reaches the organizer', () => {
    expect(
      decideMeeting(state(), { type: 'reschedule', startAt: '2026-11-26T10:00:00+08:00' }, organizer, NOW).events.map(
        (e) => e.type,
      ),
    ).toEqual(['remindersWithdrawn', 'remindersScheduled']);
    expect(decideMeeting(state(), { type: 'cancel' }, organizer, NOW).events.map((e) => e.type)).toEqual([
      'remindersWithdrawn',
    ]);
    const asked = decideMeeting(
      state(),
      { type: 'respond', answer: 'reschedule', note: '有课', proposedAt: '2026-11-27T10:00:00+08:00' },
      student,
      NOW,
    );
    expect(asked.events).toEqual([
      {
        type: 'rescheduleAsked',
        response: {
          userId: 's-1',
          name: '张三',
          answer: 'reschedule',
          note: '有课',
          proposedAt: '2026-11-27T10:00:00.000+08:00',
          at: NOW,
        },
      },
    ]);
    expect(decideMeeting(state(), { type: 'respond', answer: 'accept', note: '' }, student, NOW).events).toEqual([]);
  });

  const statuses: MeetingStatus[] = ['scheduled', 'held', 'confirmed', 'cancelled'];
  const kinds: MeetingKind[] = ['talk', 'collectiveTalk', 'classMeeting', 'parentMeeting'];
  const anyState = fc.record({
    kind: fc.constantFrom(...kinds),
    status: fc.constantFrom(...statuses),
    inviteeIds: fc.subarray(['s-1', 'p-1', 's-2']),
    responses: fc
      .subarray(['s-1', 'p-1', 's-2'])
      .map((ids) =>
        ids.map((userId) => ({ userId, name: userId, answer: 'accept' as const, note: '', proposedAt: null, at: NOW })),
      ),
    record: fc.option(fc.constant({ summary: 's', minutes: 30, presentIds: ['1'], at: after }), { nil: null }),
  });
  const anyCommand = fc.constantFrom<MeetingCommand>(
    { type: 'reschedule', startAt: '2026-11-26T10:00:00+08:00' },
    { type: 'cancel' },
    record,
    { type: 'respond', answer: 'accept', note: '' },
    { type: 'respond', answer: 'reschedule', note: '有课' },
    { type: 'confirm' },
  );
  const anyActor = fc.constantFrom(organizer, student, parent, { userId: 't-other', name: '他人', parent: false });
  /** Where each status may lead. */
  const next: Record<MeetingStatus, readonly MeetingStatus[]> = {
    scheduled: ['scheduled', 'held', 'cancelled'],
    held: ['held', 'confirmed'],
    confirmed: [],
    cancelled: [],
  };

  it('never leaves the status graph, never changes a closed meeting, and never touches its input', () => {
    fc.assert(
      fc.property(anyState, anyCommand, anyActor, fc.constantFrom(NOW, after), (extra, command, actor, now) => {
        const before = state(extra);
        const copy = structuredClone(before);
        let change: Partial<MeetingState> | null = null;
        try {
          change = decideMeeting(before, command, actor, now).change;
        } catch (e) {
          if (!(e instanceof DomainError)) throw e;
        }
        expect(before).toEqual(copy);
        if (change === null) return;
        expect(next[before.status]).toContain(change.status ?? before.status);
      }),
    );
  });

  it('changes by anyone but the organizer are refused, whatever the state', () => {
    fc.assert(
      fc.property(
        anyState,
        fc.constantFrom<MeetingCommand>(
          { type: 'reschedule', startAt: '2026-11-26T10:00:00+08:00' },
          { type: 'cancel' },
          record,
        ),
        (extra, command) => {
          expect(
            codeOf(() =>
              decideMeeting(state(extra), command, { userId: 't-other', name: '他人', parent: false }, after),
            ),
          ).toBe('ACCESS.DENIED');
        },
      ),
    );
  });

  it('an answer replaces the invitee’s own and leaves the others’', () => {
    fc.assert(
      fc.property(anyState, (extra) => {
        const s = state({ ...extra, status: 'scheduled', inviteeIds: ['s-1', 'p-1', 's-2'] });
        const { change } = decideMeeting(s, { type: 'respond', answer: 'accept', note: '好' }, student, NOW);
        const responses = change?.responses ?? [];
        expect(responses.filter((r) => r.userId === 's-1')).toHaveLength(1);
        expect(responses.filter((r) => r.userId !== 's-1')).toEqual(s.responses.filter((r) => r.userId !== 's-1'));
      }),
    );
  });
});

describe('scheduling a meeting', () => {
  const input = (extra: Partial<ScheduleMeetingInput> = {}): ScheduleMeetingInput => ({
    kind: 'collectiveTalk',
    title: '座谈会',
    classId: 'c1',
    studentIds: ['1', '2'],
    startAt: AT,
    plannedMinutes: 30,
    place: '302',
    topics: [],
    ...extra,
  });
  const facts = {
    cls: { _id: 'c1', collegeId: 'life' },
    studentIds: ['1', '2'],
    students: [
      { _id: '1', name: '张三', classId: 'c1' },
      { _id: '2', name: '李四', classId: 'c1' },
    ],
    people: { students: [{ userId: 's-1' }, { userId: 's-2' }], parents: [] },
    organizer: { userId: 't-c', name: '林老师' },
    remindBeforeMinutes: 1440,
    now: NOW,
  };

  it('invites the students (or a parent meeting’s parents) and keeps the first time in the history', () => {
    const m = scheduleMeeting(input(), facts);
    expect(m).toMatchObject({
      status: 'scheduled',
      inviteeIds: ['s-1', 's-2'],
      studentNames: ['张三', '李四'],
      at: AT,
      history: [{ startAt: AT, at: NOW, by: 't-c' }],
    });
    expect(m).not.toHaveProperty('parentUnbound');
    const unbound = scheduleMeeting(input({ kind: 'parentMeeting', studentIds: ['1'] }), {
      ...facts,
      studentIds: ['1'],
    });
    expect(unbound).toMatchObject({ inviteeIds: [], parentUnbound: true });
  });

  it.each([
    [{ startAt: '2026-11-19T10:00:00+08:00' }, {}, 'MEETING.IN_PAST'],
    [
      { startAt: new Date(Date.parse(NOW) + (MEETING_MAX_AHEAD_DAYS + 1) * 86_400_000).toISOString() },
      {},
      'MEETING.TOO_FAR',
    ],
    [{}, { studentIds: ['1', '9'] }, 'MEETING.STUDENT_NOT_IN_CLASS'],
    [
      {},
      {
        students: [
          { _id: '1', name: '张三', classId: 'c1' },
          { _id: '2', name: '李四', classId: 'c2' },
        ],
      },
      'MEETING.STUDENT_NOT_IN_CLASS',
    ],
  ])('refuses %j %j', (patch, factPatch, code) => {
    expect(codeOf(() => scheduleMeeting(input(patch), { ...facts, ...factPatch }))).toBe(code);
  });
});

describe('a talk record closing a scheduled talk', () => {
  const talk = { kind: 'talk' as const, studentIds: ['1'], status: 'scheduled' as const, actorId: 't-c' };
  it.each([
    [null, 'TALK.MEETING_MISMATCH'],
    [{ ...talk, kind: 'collectiveTalk' as const }, 'TALK.MEETING_MISMATCH'],
    [{ ...talk, studentIds: ['2'] }, 'TALK.MEETING_MISMATCH'],
    [{ ...talk, status: 'held' as const }, 'TALK.MEETING_MISMATCH'],
    [{ ...talk, actorId: 't-other' }, 'ACCESS.DENIED'],
    [talk, null],
  ])('%j → %s', (meeting, code) => {
    expect(codeOf(() => checkTalkMeeting(meeting, '1', 't-c'))).toBe(code);
  });

  it('holds the meeting with a record pointing to the talk', () => {
    expect(heldByTalk({ _id: 'talk-1', minutes: 35, studentId: '1' }, after)).toEqual({
      status: 'held',
      record: { summary: '见谈话记录（talk-1）', minutes: 35, presentIds: ['1'], at: after },
    });
  });
});
