import { openEmptyHarness, type EmptyHarness } from '../../support/harness';
import { seedCheckinDorms, type CheckinDorms } from '../../support/build/checkin-dorms';
import { northOf, placeNamed, sentFrom } from '../../support/checkins-factories';

const MINUTE = 60_000;

describe('checkins function', () => {
  let h: EmptyHarness;
  // 王助理 assists 生工251班 (dorms A101: 孙一鸣 and 赵三强, B101) and 生工252班, all in 西区5号楼;
  // 食品241班 (西区3号楼) is another counselor's, with no assistant (test/support/build/checkin-dorms.ts).
  let people: CheckinDorms;
  const dormOf = (classId: string) => people.dormOf(classId);
  const residentsOf = (dormId: string) => people.residentsOf(dormId);
  const allPresent = (dormId: string) =>
    residentsOf(dormId).map((s) => ({ studentId: s._id, status: 'present' as const }));

  beforeAll(async () => {
    h = await openEmptyHarness();
    people = await seedCheckinDorms(h.store, '2026-09-01T08:00:00.000+08:00');
  });
  afterAll(async () => h.close());

  it('an assistant checks in at a dorm of their class, inside the radius: no flags, server time, counselor follow-up for an absence', async () => {
    const cls = people.firstClass;
    const dorm = dormOf(cls._id);
    const place = placeNamed(dorm.building);
    const [first, ...rest] = residentsOf(dorm._id);
    if (!first) throw new Error('empty dorm');
    const residents = [
      { studentId: first._id, status: 'absent' as const },
      ...rest.map((s) => ({ studentId: s._id, status: 'present' as const })),
    ];
    const receipt = await h.ok(people.assistantUser, 'checkins', 'dormCheck', {
      ...sentFrom(h.clock, { location: northOf(place, 20) }),
      classId: cls._id,
      dormId: dorm._id,
      hygieneScore: 85,
      hygieneNotes: '地面整洁',
      residents,
    });
    expect(receipt.flags).toEqual([]);
    expect(receipt.distanceMeters).toBeGreaterThanOrEqual(19);
    expect(receipt.distanceMeters).toBeLessThanOrEqual(21);
    expect(receipt.placeName).toBe(dorm.building);
    expect(receipt.followUps).toBe(1);
    expect(Date.parse(receipt.at)).toBe(h.clock.now().getTime());
    const stored = await h.store.get('dutyRecords', receipt.recordId);
    expect(stored).toMatchObject({
      kind: 'dormCheck',
      actorId: people.assistantUser,
      classId: cls._id,
      dormId: dorm._id,
      documented: true,
      collegeId: cls.collegeId,
    });

    const followUps = await h.ok(people.counselorUser, 'checkins', 'followUps', {});
    expect(followUps.map((f) => f.studentId)).toContain(first._id);
    const otherCounselor = await h.ok(people.otherCounselorUser, 'checkins', 'followUps', {});
    expect(otherCounselor.map((f) => f.studentId)).not.toContain(first._id);
    // The department head of the class's department sees it; another department's head does not.
    expect((await h.ok('t-dept-bioeng', 'checkins', 'followUps', {})).map((f) => f.studentId)).toContain(first._id);
    await h.store.add(
      'users',
      {
        _id: 't-dept-food',
        openid: 'demo:t-dept-food',
        name: '食品系主任',
        grants: [{ role: 'departmentHead', collegeId: cls.collegeId, departmentId: 'food' }],
      },
      { by: 'test', at: receipt.at },
    );
    expect((await h.ok('t-dept-food', 'checkins', 'followUps', {})).map((f) => f.studentId)).not.toContain(first._id);
  });

  it.each([
    ['outside the radius', { location: northOf(placeNamed('西区5号楼'), 600) }, ['outsideRadius']],
    [
      'a phone clock 10 minutes fast',
      { location: northOf(placeNamed('西区5号楼'), 10), deviceOffsetMs: 10 * MINUTE },
      ['clockSkew'],
    ],
    [
      'a phone clock 10 minutes slow',
      { location: northOf(placeNamed('西区5号楼'), 10), deviceOffsetMs: -10 * MINUTE },
      ['clockSkew'],
    ],
    [
      'a clock 4 minutes off (within the limit)',
      { location: northOf(placeNamed('西区5号楼'), 10), deviceOffsetMs: 4 * MINUTE },
      [],
    ],
    ['a coarse fix', { location: northOf(placeNamed('西区5号楼'), 10, 500) }, ['poorAccuracy']],
    ['no location at all', {}, ['noLocation']],
  ] as const)('a dorm check with %s is accepted and flagged', async (_label, options, flags) => {
    const cls = people.built.classes.find(
      (c) => c.assistantId === people.assistantUser && dormOf(c._id).building === '西区5号楼',
    );
    if (!cls) throw new Error('no class');
    const dorm = dormOf(cls._id);
    const receipt = await h.ok(people.assistantUser, 'checkins', 'dormCheck', {
      ...sentFrom(h.clock, options),
      classId: cls._id,
      dormId: dorm._id,
      hygieneScore: 70,
      residents: allPresent(dorm._id),
    });
    expect([...receipt.flags].sort()).toEqual([...flags].sort());
    // The server's clock dates the record, whatever the phone's says.
    expect(Date.parse(receipt.at)).toBe(h.clock.now().getTime());
    expect(await h.store.get('dutyRecords', receipt.recordId)).not.toBeNull();
  });

  it('offline: a check-in queued for 3 hours and sent twice is stored once, dated by the server when it was made', async () => {
    const cls = people.firstClass;
    const dorm = dormOf(cls._id);
    // The phone's clock is also 2 hours wrong: the queued time is measured on it, so that cancels out.
    const sent = sentFrom(h.clock, {
      location: northOf(placeNamed(dorm.building), 5),
      queuedMs: 3 * 3_600_000,
      deviceOffsetMs: 2 * 3_600_000,
    });
    const input = { ...sent, classId: cls._id, dormId: dorm._id, hygieneScore: 90, residents: allPresent(dorm._id) };
    const before = await h.store.count('dutyRecords');
    const first = await h.ok(people.assistantUser, 'checkins', 'dormCheck', input);
    h.clock.advance(5 * MINUTE);
    const again = await h.ok(people.assistantUser, 'checkins', 'dormCheck', { ...input, hygieneScore: 10 });
    expect(first.duplicate).toBe(false);
    expect(again).toEqual({ ...first, duplicate: true });
    expect(await h.store.count('dutyRecords')).toBe(before + 1);
    expect(Date.parse(first.at)).toBe(h.clock.now().getTime() - 5 * MINUTE - 3 * 3_600_000);
    // Filed 3 hours after it happened: counted at its time, flagged as late for the dashboards.
    expect(first.flags).toEqual(['clockSkew', 'delayedSync']);
    // Another person's identical clientId is their own record.
    const counselor = await h.ok(people.counselorUser, 'checkins', 'dormCheck', input);
    expect(counselor.duplicate).toBe(false);
    expect(counselor.recordId).not.toBe(first.recordId);
  });

  it('an assistant cannot check in for a class they do not serve; students and parents cannot check in at all', async () => {
    const foreign = people.built.classes.find((c) => c.assistantId !== people.assistantUser);
    if (!foreign) throw new Error('no foreign class');
    const dorm = dormOf(foreign._id);
    const input = {
      ...sentFrom(h.clock),
      classId: foreign._id,
      dormId: dorm._id,
      hygieneScore: 80,
      residents: allPresent(dorm._id),
    };
    for (const user of [people.assistantUser, people.studentUser, people.parentUser]) {
      const answer = await h.callAs(user, 'checkins', 'dormCheck', input);
      expect(answer).toMatchObject({ ok: false, code: 'ACCESS.DENIED' });
    }
    const talk = await h.callAs(people.assistantUser, 'checkins', 'talk', {
      ...sentFrom(h.clock),
      studentId: people.outsider._id,
      mode: 'faceToFace',
      minutes: 30,
    });
    expect(talk).toMatchObject({ ok: false, code: 'ACCESS.DENIED' });
  });

  it('rejects a dorm of another class and an incomplete resident list, with the field at fault', async () => {
    const cls = people.firstClass;
    const other = people.built.classes.find((c) => c._id !== cls._id && c.assistantId === people.assistantUser);
    if (!other) throw new Error('no second class');
    const foreignDorm = dormOf(other._id);
    const wrongDorm = await h.callAs(people.assistantUser, 'checkins', 'dormCheck', {
      ...sentFrom(h.clock),
      classId: cls._id,
      dormId: foreignDorm._id,
      hygieneScore: 80,
      residents: allPresent(foreignDorm._id),
    });
    expect(wrongDorm).toMatchObject({ ok: false, code: 'CHECKIN.DORM_NOT_OF_CLASS', field: 'dormId' });
    const dorm = dormOf(cls._id);
    const partial = await h.callAs(people.assistantUser, 'checkins', 'dormCheck', {
      ...sentFrom(h.clock),
      classId: cls._id,
      dormId: dorm._id,
      hygieneScore: 80,
      residents: allPresent(dorm._id).slice(1),
    });
    expect(partial).toMatchObject({ ok: false, code: 'CHECKIN.RESIDENT_MISSING', field: 'residents' });
    const badScore = await h.callAs(people.assistantUser, 'checkins', 'dormCheck', {
      ...sentFrom(h.clock),
      classId: cls._id,
      dormId: dorm._id,
      hygieneScore: 101,
      residents: allPresent(dorm._id),
    });
    expect(badScore).toMatchObject({ ok: false, code: 'INPUT.INVALID', field: 'hygieneScore' });
    const badId = await h.callAs(people.assistantUser, 'checkins', 'dormCheck', {
      ...sentFrom(h.clock),
      clientId: 'not-a-uuid',
      classId: cls._id,
      dormId: dorm._id,
      hygieneScore: 80,
      residents: allPresent(dorm._id),
    });
    expect(badId).toMatchObject({ ok: false, code: 'INPUT.INVALID', field: 'clientId' });
  });

  it('a class check names late, absent and left-early students of the class only, and is flagged away from the teaching building', async () => {
    const cls = people.firstClass;
    const place = placeNamed('博学楼');
    const input = {
      ...sentFrom(h.clock, { location: northOf(place, 300) }),
      classId: cls._id,
      placeId: place.id,
      course: '高等数学',
      late: [people.student._id],
      absent: [people.classmate._id],
    };
    const receipt = await h.ok(people.counselorUser, 'checkins', 'classCheck', input);
    expect(receipt.flags).toEqual(['outsideRadius']);
    const stranger = await h.callAs(people.counselorUser, 'checkins', 'classCheck', {
      ...input,
      ...sentFrom(h.clock),
      late: [people.outsider._id],
    });
    expect(stranger).toMatchObject({ ok: false, code: 'CHECKIN.NOT_IN_CLASS' });
  });

  it('meetings, themed activities, talks and contacts are stored with what the duty evaluator counts', async () => {
    const cls = people.firstClass;
    const meeting = await h.ok(people.counselorUser, 'checkins', 'meeting', {
      ...sentFrom(h.clock),
      kind: 'classMeeting',
      classId: cls._id,
      title: '学风建设',
      summary: '纪要……',
      attendees: 38,
    });
    const bare = await h.ok(people.counselorUser, 'checkins', 'meeting', {
      ...sentFrom(h.clock),
      kind: 'classCommitteeMeeting',
      classId: cls._id,
      title: '班委会',
    });
    const activity = await h.ok(people.assistantUser, 'checkins', 'themedActivity', {
      ...sentFrom(h.clock),
      classId: cls._id,
      theme: '考研经验分享',
      participants: 25,
      minutes: 90,
    });
    const talk = await h.ok(people.assistantUser, 'checkins', 'talk', {
      ...sentFrom(h.clock),
      studentId: people.student._id,
      mode: 'faceToFace',
      minutes: 35,
    });
    const parent = await h.ok(people.counselorUser, 'checkins', 'parentContact', {
      ...sentFrom(h.clock),
      studentId: people.student._id,
      channel: '电话',
    });
    const teacher = await h.ok(people.counselorUser, 'checkins', 'teacherContact', {
      ...sentFrom(h.clock),
      classId: cls._id,
      teacherName: '王老师',
    });
    const get = (id: string) => h.store.get('dutyRecords', id);
    expect(await get(meeting.recordId)).toMatchObject({ kind: 'classMeeting', documented: true, classId: cls._id });
    expect(await get(bare.recordId)).toMatchObject({ kind: 'classCommitteeMeeting', documented: false });
    expect(await get(activity.recordId)).toMatchObject({ kind: 'themedActivity', minutes: 90 });
    // Issue 11: the quick talk is the one talk record (collection talks), not a second history.
    expect(await get(talk.recordId)).toBeNull();
    expect(await h.store.get('talks', talk.recordId)).toMatchObject({
      kind: 'talk',
      form: 'quick',
      talkerRole: 'assistant',
      studentId: people.student._id,
      mode: 'faceToFace',
      minutes: 35,
      classId: cls._id,
      nth: 1,
    });
    expect(await get(parent.recordId)).toMatchObject({ kind: 'parentContact', studentId: people.student._id });
    expect(await get(teacher.recordId)).toMatchObject({ kind: 'teacherContact', teacherId: 'name:王老师' });
    const mine = await h.ok(people.assistantUser, 'checkins', 'myRecords', {});
    expect(mine.map((r) => r.recordId)).toEqual(expect.arrayContaining([activity.recordId, talk.recordId]));
    expect(mine.every((r) => r.label.length > 0)).toBe(true);
    // The list says whom the talk was with.
    expect(mine.find((r) => r.recordId === talk.recordId)?.label).toContain(people.student.name);
  });

  it('a counselor closes a follow-up; an assistant may not', async () => {
    const [open] = await h.ok(people.counselorUser, 'checkins', 'followUps', {});
    if (!open) throw new Error('no follow-up');
    expect(
      await h.callAs(people.assistantUser, 'checkins', 'closeFollowUp', { followUpId: open.followUpId }),
    ).toMatchObject({ ok: false, code: 'ACCESS.DENIED' });
    expect(await h.ok(people.counselorUser, 'checkins', 'closeFollowUp', { followUpId: open.followUpId })).toEqual({
      followUpId: open.followUpId,
      status: 'closed',
    });
    expect((await h.store.query('followUps', { where: { status: 'closed' } })).length).toBe(1);
  });

  it('options list only the classes and dorms the caller serves, with each dorm building placed', async () => {
    const options = await h.ok(people.assistantUser, 'checkins', 'options', {});
    const served = people.built.classes.filter((c) => c.assistantId === people.assistantUser).map((c) => c._id);
    expect(options.classes.map((c) => c.classId).sort()).toEqual([...served].sort());
    expect(served.sort()).toEqual(['c2025-bioeng-1', 'c2025-bioeng-2']);
    // 生工251班's A101 and B101, 生工252班's A201: not 食品241班's A301.
    expect(options.dorms.map((d) => d.dormId).sort()).toEqual(['dorm-2025-A101', 'dorm-2025-A201', 'dorm-2025-B101']);
    expect(options.dorms.every((d) => d.classIds.every((id) => served.includes(id)) && d.placeId !== null)).toBe(true);
    expect(await h.callAs(people.studentUser, 'checkins', 'options', {})).toMatchObject({
      ok: false,
      code: 'ACCESS.DENIED',
    });
  });
});
