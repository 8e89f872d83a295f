import { queryAll } from '../../../cloudfunctions/platform/store/store';
import { openEmptyHarness, type EmptyHarness } from '../../support/harness';
import { seedTwoClasses, type TwoClasses } from '../../support/build/two-classes';
import { CASEWORK_BUILT_AT } from '../../support/build/casework';
import { publishWarning } from '../../support/support-factories';

describe('support: meetings and their reminders', () => {
  let h: EmptyHarness;
  let people: TwoClasses;
  beforeAll(async () => {
    h = await openEmptyHarness('2026-11-20T09:00:00+08:00');
    // 生工251班: 孙一鸣 (warned, parent bound), 钱二妹, 赵三强; 李四海 of 食品241班 is outside it.
    people = await seedTwoClasses(h.store, CASEWORK_BUILT_AT);
    await publishWarning(h.store, people.student);
  });
  afterAll(() => h.close());

  const outboxFor = async (meetingId: string) =>
    (await queryAll(h.store, 'outbox', { where: { subjectId: meetingId } }))
      .map((m) => [m.toUserId, m.sendAfter, m.status, m.kind])
      .sort();

  it('scheduling a talk puts a reminder for both sides in the outbox, a day before by default', async () => {
    const m = await h.ok(people.headTeacherUser, 'support', 'scheduleMeeting', {
      kind: 'talk',
      title: '学业帮扶约谈',
      classId: people.firstClass._id,
      studentIds: [people.student._id],
      startAt: '2026-11-25T14:00:00+08:00',
      place: '生科楼 302',
    });
    expect(m).toMatchObject({
      status: 'scheduled',
      inviteeIds: [people.studentUser],
      remindBeforeMinutes: 1440,
      isOrganizer: true,
    });
    expect(await outboxFor(m._id)).toEqual(
      [
        [people.studentUser, '2026-11-24T14:00:00.000+08:00', 'pending', 'meetingScheduled'],
        [people.headTeacherUser, '2026-11-24T14:00:00.000+08:00', 'pending', 'meetingScheduled'],
      ].sort(),
    );
  });

  it('a configured lead time moves the reminder; too late for it means now', async () => {
    const soon = await h.ok(people.counselorUser, 'support', 'scheduleMeeting', {
      kind: 'talk',
      title: '约谈',
      classId: people.firstClass._id,
      studentIds: [people.student._id],
      startAt: '2026-11-20T15:00:00+08:00',
      place: '办公室',
      remindBeforeMinutes: 90,
    });
    expect((await outboxFor(soon._id)).map((r) => r[1])).toEqual([
      '2026-11-20T13:30:00.000+08:00',
      '2026-11-20T13:30:00.000+08:00',
    ]);
    const late = await h.ok(people.counselorUser, 'support', 'scheduleMeeting', {
      kind: 'talk',
      title: '约谈',
      classId: people.firstClass._id,
      studentIds: [people.student._id],
      startAt: '2026-11-20T10:00:00+08:00',
      place: '办公室',
    });
    expect((await outboxFor(late._id)).map((r) => r[1])).toEqual([
      '2026-11-20T09:00:00.000+08:00',
      '2026-11-20T09:00:00.000+08:00',
    ]);
  });

  it('rescheduling withdraws the pending reminders and makes new ones; the invitee answers', async () => {
    const m = await h.ok(people.headTeacherUser, 'support', 'scheduleMeeting', {
      kind: 'talk',
      title: '改期测试',
      classId: people.firstClass._id,
      studentIds: [people.student._id],
      startAt: '2026-11-26T10:00:00+08:00',
      place: '302',
    });
    const asked = await h.ok(people.studentUser, 'support', 'respondMeeting', {
      meetingId: m._id,
      answer: 'reschedule',
      note: '周四上午有实验课',
      proposedAt: '2026-11-27T10:00:00+08:00',
    });
    expect(asked.responses).toEqual([
      expect.objectContaining({
        userId: people.studentUser,
        answer: 'reschedule',
        proposedAt: '2026-11-27T10:00:00.000+08:00',
      }),
    ]);
    expect(
      await h.callAs(people.studentUser, 'support', 'respondMeeting', { meetingId: m._id, answer: 'reschedule' }),
    ).toMatchObject({ ok: false, code: 'INPUT.INVALID' });
    // The organizer hears of the request at once.
    const asks = await queryAll(h.store, 'outbox', { where: { subjectId: m._id, toUserId: people.headTeacherUser } });
    expect(asks.map((a) => [a.sendAfter, a.data.thing1])).toContainEqual([
      '2026-11-20T09:00:00.000+08:00',
      `${people.student.name}申请改期`,
    ]);
    const moved = await h.ok(people.headTeacherUser, 'support', 'rescheduleMeeting', {
      meetingId: m._id,
      startAt: '2026-11-27T10:00:00+08:00',
    });
    expect(moved.responses).toEqual([]);
    const reminders = (await outboxFor(m._id)).filter((r) => r[1] !== '2026-11-20T09:00:00.000+08:00');
    expect(reminders.map((r) => r[1])).toEqual(['2026-11-26T10:00:00.000+08:00', '2026-11-26T10:00:00.000+08:00']);
    const accepted = await h.ok(people.studentUser, 'support', 'respondMeeting', {
      meetingId: m._id,
      answer: 'accept',
    });
    expect(accepted.responses.map((r) => r.answer)).toEqual(['accept']);
    // Only the organizer moves it; only invitees answer.
    expect(
      await h.callAs(people.counselorUser, 'support', 'rescheduleMeeting', {
        meetingId: m._id,
        startAt: '2026-11-28T10:00:00+08:00',
      }),
    ).toMatchObject({ ok: false, code: 'ACCESS.DENIED' });
    expect(
      await h.callAs(people.classmateUser, 'support', 'respondMeeting', { meetingId: m._id, answer: 'accept' }),
    ).toMatchObject({ ok: false, code: 'ACCESS.DENIED' });
    expect(
      await h.callAs(people.parentUser, 'support', 'respondMeeting', { meetingId: m._id, answer: 'accept' }),
    ).toMatchObject({ ok: false, code: 'ACCESS.DENIED' });
    const cancelled = await h.ok(people.headTeacherUser, 'support', 'cancelMeeting', { meetingId: m._id });
    expect(cancelled.status).toBe('cancelled');
    // Reminders withdrawn; only the (already due) reschedule request remains.
    expect((await outboxFor(m._id)).map((r) => r[1])).toEqual(['2026-11-20T09:00:00.000+08:00']);
  });

  it('a scheduled talk is fulfilled by the talk record written for it, once', async () => {
    const m = await h.ok(people.counselorUser, 'support', 'scheduleMeeting', {
      kind: 'talk',
      title: '约谈',
      classId: people.firstClass._id,
      studentIds: [people.student._id],
      startAt: '2026-11-20T10:00:00+08:00',
      place: '办公室',
    });
    h.clock.set('2026-11-20T10:40:00+08:00');
    const talk = {
      studentId: people.student._id,
      talkerRole: 'counselor' as const,
      initiatedBy: 'teacher' as const,
      mode: 'faceToFace' as const,
      topics: ['academics' as const],
      at: '2026-11-20T10:00:00+08:00',
      place: '办公室',
      minutes: 35,
      content: '按约谈话',
      confirmed: true as const,
      meetingId: m._id,
    };
    const saved = await h.ok(people.counselorUser, 'support', 'recordTalk', talk);
    expect(saved.meetingId).toBe(m._id);
    expect(await h.ok(people.counselorUser, 'support', 'meeting', { meetingId: m._id })).toMatchObject({
      status: 'held',
      record: { minutes: 35, presentIds: [people.student._id] },
    });
    expect(await h.callAs(people.counselorUser, 'support', 'recordTalk', talk)).toMatchObject({
      ok: false,
      code: 'TALK.MEETING_MISMATCH',
    });
    h.clock.set('2026-11-20T09:00:00+08:00');
  });

  it('a parent meeting invites the bound parent, who confirms the record on WeChat; other parents see nothing', async () => {
    const m = await h.ok(people.counselorUser, 'support', 'scheduleMeeting', {
      kind: 'parentMeeting',
      title: '家长面谈',
      classId: people.firstClass._id,
      studentIds: [people.student._id],
      startAt: '2026-11-21T10:00:00+08:00',
      place: '学院会议室',
    });
    expect(m.inviteeIds).toEqual([people.parentUser]);
    expect((await outboxFor(m._id)).map((r) => r[0]).sort()).toEqual([people.counselorUser, people.parentUser].sort());
    expect(await h.callAs(people.parentUser, 'support', 'confirmParentMeeting', { meetingId: m._id })).toMatchObject({
      ok: false,
      code: 'MEETING.NOT_RECORDED',
    });
    // Issue 11: the record is written once the meeting has happened (then the clock goes back for the next tests).
    const before = h.clock.now();
    h.clock.set('2026-11-21T11:00:00+08:00');
    await h.ok(people.counselorUser, 'support', 'recordMeeting', {
      meetingId: m._id,
      summary: '告知降级风险，家长同意每周电话跟进',
      minutes: 45,
      presentIds: [people.student._id],
    });
    const mine = await h.ok(people.parentUser, 'support', 'myMeetings', {});
    expect(mine.map((x) => x._id)).toEqual([m._id]);
    expect(mine[0]).toMatchObject({ canConfirm: true });
    expect(await h.ok(people.otherParentUser, 'support', 'myMeetings', {})).toEqual([]);
    expect(await h.callAs(people.otherParentUser, 'support', 'meeting', { meetingId: m._id })).toMatchObject({
      ok: false,
      code: 'ACCESS.DENIED',
    });
    expect(await h.callAs(people.studentUser, 'support', 'confirmParentMeeting', { meetingId: m._id })).toMatchObject({
      ok: false,
      code: 'ACCESS.DENIED',
    });
    const confirmed = await h.ok(people.parentUser, 'support', 'confirmParentMeeting', { meetingId: m._id });
    expect(confirmed).toMatchObject({ status: 'confirmed', parentConfirmation: { userId: people.parentUser } });
    expect(
      (await h.ok(people.parentUser, 'support', 'confirmParentMeeting', { meetingId: m._id })).parentConfirmation?.at,
    ).toBe(confirmed.parentConfirmation?.at);
    h.clock.set(before);
  });

  it.each([
    [{ kind: 'talk', studentIds: [] }, 'studentIds'],
    [{ kind: 'parentMeeting', studentIds: ['a', 'b'] }, 'studentIds'],
    [{ startAt: 'tomorrow' }, 'startAt'],
    [{ title: '' }, 'title'],
  ])('rejects %j', async (patch, field) => {
    const envelope = await h.callAs(people.counselorUser, 'support', 'scheduleMeeting', {
      kind: 'collectiveTalk',
      title: '座谈会',
      classId: people.firstClass._id,
      studentIds: [people.student._id],
      startAt: '2026-11-25T14:00:00+08:00',
      place: '302',
      ...patch,
    });
    expect(envelope).toMatchObject({ ok: false, field });
  });

  it('refuses a start in the past, students of another class, and other classes’ staff', async () => {
    const base = {
      kind: 'collectiveTalk' as const,
      title: '座谈会',
      classId: people.firstClass._id,
      studentIds: [people.student._id],
      startAt: '2026-11-25T14:00:00+08:00',
      place: '302',
    };
    expect(
      await h.callAs(people.counselorUser, 'support', 'scheduleMeeting', {
        ...base,
        startAt: '2026-11-19T14:00:00+08:00',
      }),
    ).toMatchObject({ ok: false, code: 'MEETING.IN_PAST' });
    expect(
      await h.callAs(people.counselorUser, 'support', 'scheduleMeeting', {
        ...base,
        studentIds: [people.outsider._id],
      }),
    ).toMatchObject({ ok: false, code: 'MEETING.STUDENT_NOT_IN_CLASS' });
    expect(await h.callAs(people.otherHeadTeacherUser, 'support', 'scheduleMeeting', base)).toMatchObject({
      ok: false,
      code: 'ACCESS.DENIED',
    });
  });

  it('a class meeting without a list invites the whole class, one reminder each', async () => {
    const m = await h.ok(people.headTeacherUser, 'support', 'scheduleMeeting', {
      kind: 'classMeeting',
      title: '学习方法主题班会',
      classId: people.firstClass._id,
      startAt: '2026-11-27T19:00:00+08:00',
      place: '教 201',
      topics: ['studyMethods'],
    });
    // 生工251班's three students, and one reminder each for them and the head teacher.
    expect([...m.studentIds].sort()).toEqual([people.student._id, people.classmate._id, people.third._id].sort());
    expect(await outboxFor(m._id)).toHaveLength(4);
  });

  it('in a class meeting each student sees only their own reply; staff see them all', async () => {
    const m = await h.ok(people.headTeacherUser, 'support', 'scheduleMeeting', {
      kind: 'classMeeting',
      title: '回复隐私',
      classId: people.firstClass._id,
      startAt: '2026-11-28T19:00:00+08:00',
      place: '教 201',
    });
    await h.ok(people.classmateUser, 'support', 'respondMeeting', {
      meetingId: m._id,
      answer: 'reschedule',
      note: '家里有事，想请假',
    });
    const own = await h.ok(people.studentUser, 'support', 'respondMeeting', { meetingId: m._id, answer: 'accept' });
    expect(own.responses.map((r) => r.userId)).toEqual([people.studentUser]);
    const classmateView = await h.ok(people.classmateUser, 'support', 'meeting', { meetingId: m._id });
    expect(classmateView.responses.map((r) => [r.userId, r.note])).toEqual([
      [people.classmateUser, '家里有事，想请假'],
    ]);
    const listed = (await h.ok(people.studentUser, 'support', 'myMeetings', {})).find((x) => x._id === m._id);
    expect(listed?.responses.map((r) => r.userId)).toEqual([people.studentUser]);
    for (const staff of [people.headTeacherUser, people.counselorUser]) {
      const seen = await h.ok(staff, 'support', 'meeting', { meetingId: m._id });
      expect(seen.responses.map((r) => r.userId).sort()).toEqual([people.classmateUser, people.studentUser].sort());
    }
  });
});
