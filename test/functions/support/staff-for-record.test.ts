import { openEmptyHarness, type EmptyHarness } from '../../support/harness';
import { seedTwoClasses, type TwoClasses } from '../../support/build/two-classes';

/**
 * Staff is decided per record: a grant that reaches the meeting's class or college. A parent of a
 * student in class A who is head teacher of class B is a parent for class A's meetings — they must
 * not see the classmates' replies (nor the other invitees) because they are staff somewhere else.
 */
describe('support: staff for this record, not staff anywhere', () => {
  let h: EmptyHarness;
  let people: TwoClasses;
  beforeAll(async () => {
    h = await openEmptyHarness('2026-11-20T09:00:00+08:00');
    // 食品241班 gets a second student, 陈二洋, so its meeting has two invitees.
    people = await seedTwoClasses(h.store, '2026-09-01T08:00:00.000+08:00', (b, c) => {
      b.student(c.otherClass, { id: '2024321002', name: '陈二洋' });
    });
    // The bound parent of the first class's student also serves another class as head teacher.
    const parent = await h.store.get('users', people.parentUser);
    if (!parent) throw new Error('bound parent missing');
    await h.store.update(
      'users',
      parent._id,
      { grants: [...parent.grants, { role: 'headTeacher', classIds: [people.otherClass._id] }] },
      parent._version,
      { by: 'test', at: '2026-11-20T09:00:00+08:00' },
    );
  });
  afterAll(() => h.close());

  it('sees no classmate replies of a meeting in the child’s class', async () => {
    const m = await h.ok(people.counselorUser, 'support', 'scheduleMeeting', {
      kind: 'collectiveTalk',
      title: '座谈会',
      classId: people.firstClass._id,
      studentIds: [people.student._id, people.classmate._id],
      startAt: '2026-11-25T14:00:00+08:00',
      place: '302',
    });
    await h.ok(people.classmateUser, 'support', 'respondMeeting', {
      meetingId: m._id,
      answer: 'reschedule',
      note: '那天要去医院',
    });
    // Not invited (students are) and not staff of this class: no view at all, like any parent.
    expect(await h.callAs(people.parentUser, 'support', 'meeting', { meetingId: m._id })).toMatchObject({
      ok: false,
      code: 'ACCESS.DENIED',
    });
    // The staff of the class still see every reply.
    const staffView = await h.ok(people.counselorUser, 'support', 'meeting', { meetingId: m._id });
    expect(staffView.responses.map((r) => r.userId)).toEqual([people.classmateUser]);
  });

  it('sees only their own part of a parent meeting about the child, not as staff', async () => {
    const m = await h.ok(people.counselorUser, 'support', 'scheduleMeeting', {
      kind: 'parentMeeting',
      title: '家长面谈',
      classId: people.firstClass._id,
      studentIds: [people.student._id],
      startAt: '2026-11-26T10:00:00+08:00',
      place: '学院会议室',
    });
    const view = await h.ok(people.parentUser, 'support', 'meeting', { meetingId: m._id });
    expect(view).toMatchObject({
      isOrganizer: false,
      canRespond: true,
      inviteeIds: [people.parentUser],
      studentIds: [people.student._id],
    });
  });

  it('is staff for a meeting of the class they serve: every reply', async () => {
    const [first, second] = people.built.students.filter((s) => s.classId === people.otherClass._id);
    if (!first || !second) throw new Error('class has too few students');
    const m = await h.ok(people.otherCounselorUser, 'support', 'scheduleMeeting', {
      kind: 'collectiveTalk',
      title: '座谈会',
      classId: people.otherClass._id,
      studentIds: [first._id, second._id],
      startAt: '2026-11-25T16:00:00+08:00',
      place: '303',
    });
    await h.ok(`s-${first._id}`, 'support', 'respondMeeting', { meetingId: m._id, answer: 'accept' });
    await h.ok(`s-${second._id}`, 'support', 'respondMeeting', {
      meetingId: m._id,
      answer: 'reschedule',
      note: '实验课',
    });
    const view = await h.ok(people.parentUser, 'support', 'meeting', { meetingId: m._id });
    expect(view.responses.map((r) => r.userId).sort()).toEqual([`s-${first._id}`, `s-${second._id}`].sort());
    expect(view.inviteeIds).toHaveLength(2);
  });
});
