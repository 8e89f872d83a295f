import { openEmptyHarness, type EmptyHarness } from '../../support/harness';
import { seedTwoClasses, type TwoClasses } from '../../support/build/two-classes';
import { CASEWORK_BUILT_AT } from '../../support/build/casework';

const HOUR = 3_600_000;

/** Issue 11 defect 5: minutes and confirmations only after the meeting; names on the card; unbound parents can be met. */
describe('meetings that tell the truth', () => {
  let h: EmptyHarness;
  let people: TwoClasses;
  beforeAll(async () => {
    h = await openEmptyHarness(); // 2026-11-23 09:00
    people = await seedTwoClasses(h.store, CASEWORK_BUILT_AT); // only 孙一鸣's parent (in 生工251班) is bound
  });
  afterAll(() => h.close());

  it('minutes are refused before the start and recorded after it; the parent confirms only then', async () => {
    const m = await h.ok(people.counselorUser, 'support', 'scheduleMeeting', {
      kind: 'parentMeeting',
      title: '家长面谈',
      classId: people.firstClass._id,
      studentIds: [people.student._id],
      startAt: '2026-11-23T15:00:00+08:00',
      place: '生科楼 302',
    });
    expect(m.studentNames).toEqual([people.student.name]);
    const early = await h.callAs(people.counselorUser, 'support', 'recordMeeting', {
      meetingId: m._id,
      summary: '沟通补考安排',
      minutes: 30,
      presentIds: [people.student._id],
    });
    expect(early).toMatchObject({ ok: false, code: 'MEETING.NOT_STARTED' });
    if (!early.ok) expect(early.message).toMatch(/尚未开始/);
    h.clock.advance(7 * HOUR); // 16:00
    const held = await h.ok(people.counselorUser, 'support', 'recordMeeting', {
      meetingId: m._id,
      summary: '沟通补考安排',
      minutes: 30,
      presentIds: [people.student._id],
    });
    expect(held.status).toBe('held');
    expect(await h.ok(people.parentUser, 'support', 'confirmParentMeeting', { meetingId: m._id })).toMatchObject({
      status: 'confirmed',
    });
  });

  it('a face-to-face with a parent not on WeChat is scheduled and recorded by the counselor, marked as not confirmed by the parent', async () => {
    const bound = new Set(
      people.built.users.flatMap((u) => u.grants.flatMap((g) => (g.role === 'parent' ? g.childIds : []))),
    );
    const unbound = people.built.students.find((s) => s.classId === people.firstClass._id && !bound.has(s._id));
    if (!unbound) throw new Error('every parent in the class is bound');
    const at = new Date(h.clock.now().getTime() + HOUR).toISOString();
    const m = await h.ok(people.counselorUser, 'support', 'scheduleMeeting', {
      kind: 'parentMeeting',
      title: '家长来校面谈',
      classId: people.firstClass._id,
      studentIds: [unbound._id],
      startAt: at,
      place: '学院办公室',
    });
    expect(m).toMatchObject({ parentUnbound: true, inviteeIds: [] });
    h.clock.advance(2 * HOUR);
    const held = await h.ok(people.counselorUser, 'support', 'recordMeeting', {
      meetingId: m._id,
      summary: '家长来校，当面沟通',
      minutes: 40,
      presentIds: [unbound._id],
    });
    expect(held).toMatchObject({ status: 'held', parentConfirmation: null, parentUnbound: true });
  });
});
