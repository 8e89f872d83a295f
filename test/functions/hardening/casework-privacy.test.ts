import { randomBytes } from 'node:crypto';
import type { MeetingView } from '../../../types/api/support';
import { openEmptyHarness, type EmptyHarness } from '../../support/harness';
import { seedTwoClasses, type TwoClasses } from '../../support/build/two-classes';
import { publishWarning, talkInput } from '../../support/support-factories';

describe('casework: private invitees, one pairing rule, only the organizer closes a talk', () => {
  let h: EmptyHarness;
  let p: TwoClasses;
  const savedKey = process.env.FIELD_KEY;
  beforeAll(async () => {
    process.env.FIELD_KEY = randomBytes(32).toString('hex');
    h = await openEmptyHarness();
    p = await seedTwoClasses(h.store, '2026-09-01T08:00:00.000+08:00');
  });
  afterAll(async () => {
    process.env.FIELD_KEY = savedKey;
    await h.close();
  });

  /** Nothing in a student's view names another invitee. */
  const onlyMine = (view: MeetingView, studentId: string, userId: string) => {
    expect(view.studentIds).toEqual([studentId]);
    expect(view.inviteeIds).toEqual([userId]);
    for (const r of view.responses) expect(r.userId).toBe(userId);
    if (view.record) for (const id of view.record.presentIds) expect(id).toBe(studentId);
  };

  it('defect 4: in a 座谈会 each invited student sees only their own invitation', async () => {
    await publishWarning(h.store, p.student);
    const third = p.third;
    const ids = [p.student._id, p.classmate._id, third._id];
    const m = await h.ok(p.counselorUser, 'support', 'scheduleMeeting', {
      kind: 'collectiveTalk',
      title: '座谈会',
      classId: p.firstClass._id,
      studentIds: ids,
      startAt: '2026-11-25T14:00:00+08:00',
      place: '302',
    });
    expect(m.studentIds).toHaveLength(3);
    await h.ok(p.classmateUser, 'support', 'respondMeeting', { meetingId: m._id, answer: 'accept' });

    onlyMine(await h.ok(p.studentUser, 'support', 'meeting', { meetingId: m._id }), p.student._id, p.studentUser);
    const mine = (await h.ok(p.studentUser, 'support', 'myMeetings', {})).find((x) => x._id === m._id);
    if (!mine) throw new Error('invitation missing');
    onlyMine(mine, p.student._id, p.studentUser);
    onlyMine(
      await h.ok(p.studentUser, 'support', 'respondMeeting', { meetingId: m._id, answer: 'accept' }),
      p.student._id,
      p.studentUser,
    );
    const own = await h.ok(p.studentUser, 'support', 'caseView', { studentId: p.student._id });
    const inCase = own.meetings.find((x) => x._id === m._id);
    if (!inCase) throw new Error('meeting missing from the case');
    onlyMine(inCase, p.student._id, p.studentUser);
    for (const other of [p.classmate._id, third._id]) expect(JSON.stringify(own)).not.toContain(other);

    // After it was held, the record's presence list is private too; staff still see everyone.
    // (Issue 11: minutes are written once it has started.)
    const before = h.clock.now();
    h.clock.set(new Date(Date.parse(m.at) + 3_600_000));
    await h.ok(p.counselorUser, 'support', 'recordMeeting', {
      meetingId: m._id,
      summary: '交流学习方法',
      minutes: 60,
      presentIds: ids,
    });
    h.clock.set(before);
    onlyMine(await h.ok(p.studentUser, 'support', 'meeting', { meetingId: m._id }), p.student._id, p.studentUser);
    const staff = await h.ok(p.counselorUser, 'support', 'meeting', { meetingId: m._id });
    expect(staff.studentIds).toEqual(ids);
    expect(staff.record?.presentIds).toEqual(ids);
  });

  it('defect 5: the clerk, denied a pairing form, does not get it through caseView either', async () => {
    const applied = await h.ok(p.headTeacherUser, 'support', 'applyPairing', {
      helperId: p.classmate._id,
      helpeeIds: [p.student._id],
      difficulty: 'ability',
      reason: '高数基础薄弱',
      plan: '每周辅导',
      bankAccount: '6217 0000 1234 5678 901',
    });
    expect(await h.callAs(p.clerkUser, 'support', 'pairing', { pairingId: applied._id })).toMatchObject({
      ok: false,
      code: 'ACCESS.DENIED',
    });
    const clerkCase = await h.ok(p.clerkUser, 'support', 'caseView', { studentId: p.student._id });
    expect(clerkCase.pairings).toEqual([]);
    expect(JSON.stringify(clerkCase)).not.toContain('高数基础薄弱');
    // Those allowed the form see it in both places.
    expect(
      (await h.ok(p.counselorUser, 'support', 'caseView', { studentId: p.student._id })).pairings.map((x) => x._id),
    ).toContain(applied._id);
    expect((await h.ok(p.counselorUser, 'support', 'pairing', { pairingId: applied._id }))._id).toBe(applied._id);
  });

  it("defect 6: recording a talk cannot close someone else's scheduled talk; the organizer's record closes it", async () => {
    const m = await h.ok(p.assistantUser, 'support', 'scheduleMeeting', {
      kind: 'talk',
      title: '约谈',
      classId: p.firstClass._id,
      studentIds: [p.student._id],
      startAt: '2026-11-24T10:00:00+08:00',
      place: '图书馆',
    });
    const talksBefore = await h.store.count('talks');
    const counselor = await h.callAs(
      p.counselorUser,
      'support',
      'recordTalk',
      talkInput(p.student._id, { meetingId: m._id }),
    );
    expect(counselor).toMatchObject({ ok: false, code: 'ACCESS.DENIED', field: 'meetingId' });
    expect((await h.store.get('meetings', m._id))?.status).toBe('scheduled');
    expect(await h.store.count('talks')).toBe(talksBefore);
    const own = await h.callAs(
      p.assistantUser,
      'support',
      'recordTalk',
      talkInput(p.student._id, { meetingId: m._id, talkerRole: 'assistant' }),
    );
    expect(own.ok).toBe(true);
    expect((await h.store.get('meetings', m._id))?.status).toBe('held');
  });
});
