import { openEmptyHarness, type EmptyHarness } from '../../support/harness';
import { seedTwoClasses, type TwoClasses } from '../../support/build/two-classes';
import { CASEWORK_BUILT_AT } from '../../support/build/casework';
import { publishWarning, talkInput } from '../../support/support-factories';

describe('support: the case view and caseload', () => {
  let h: EmptyHarness;
  let people: TwoClasses;
  beforeAll(async () => {
    h = await openEmptyHarness();
    // 孙一鸣 (生工251班, assistant 王助理) and 李四海 (食品241班) are warned; both parents are bound.
    people = await seedTwoClasses(h.store, CASEWORK_BUILT_AT);
    await publishWarning(h.store, people.student);
    await publishWarning(h.store, people.outsider);
    await h.ok(
      people.counselorUser,
      'support',
      'recordTalk',
      talkInput(people.student._id, { at: '2026-11-02T10:00:00+08:00' }),
    );
    await h.ok(
      people.headTeacherUser,
      'support',
      'recordTalk',
      talkInput(people.student._id, {
        talkerRole: 'headTeacher',
        at: '2026-11-10T10:00:00+08:00',
        difficulty: 'adaptation',
      }),
    );
    await h.ok(people.counselorUser, 'support', 'scheduleMeeting', {
      kind: 'parentMeeting',
      title: '家长面谈',
      classId: people.firstClass._id,
      studentIds: [people.student._id],
      startAt: '2026-11-28T10:00:00+08:00',
      place: '学院会议室',
    });
    await h.ok(people.headTeacherUser, 'support', 'scheduleMeeting', {
      kind: 'talk',
      title: '月度约谈',
      classId: people.firstClass._id,
      studentIds: [people.student._id],
      startAt: '2026-11-26T10:00:00+08:00',
      place: '302',
    });
  });
  afterAll(() => h.close());

  it('staff see the whole case: warning, talks with notes, difficulty, meetings, duty lines, next steps', async () => {
    const view = await h.ok(people.counselorUser, 'support', 'caseView', { studentId: people.student._id });
    expect(view.audience).toBe('staff');
    expect(view.warning).toMatchObject({
      levelName: '书面警示',
      failedCourses: [{ code: 'MA1011' }, { code: 'CH1203' }],
    });
    expect(view.talks.map((t) => [t.talkerRole, t.nth, t.firstImpression])).toEqual([
      ['counselor', 1, '情绪低落，作息不规律'],
      ['headTeacher', 1, '情绪低落，作息不规律'],
    ]);
    expect(view.difficulty?.label).toBe('适应型困难');
    expect(view.meetings.map((m) => m.kind).sort()).toEqual(['parentMeeting', 'talk']);
    expect(view.timeline.map((e) => e.kind)).toEqual(
      expect.arrayContaining(['warning', 'talk', 'difficulty', 'meeting', 'parentContact']),
    );
    expect(view.timeline.map((e) => e.at)).toEqual([...view.timeline.map((e) => e.at)].sort().reverse());
    // The counselor's semester quota (2 talks) has one so far; the head teacher's November talk is done.
    const twice = view.duties.find((d) => d.title.includes('每学期不少于 2 次'));
    expect(twice).toMatchObject({ required: 2, progress: 1, status: 'due' });
    const monthly = view.duties.filter((d) => d.role === '班主任' && d.title.includes('谈话'));
    expect(monthly.some((d) => d.status === 'done')).toBe(true);
    expect(view.duties.some((d) => d.status === 'overdue')).toBe(true); // October's head-teacher talk was missed
    expect(view.next[0]).toMatch(/^已逾期/);
    expect(view.next).toContain('督促学生填写学习计划');
  });

  it('the student sees their own case without first impressions, duty lines or other people’s meetings', async () => {
    const view = await h.ok(people.studentUser, 'support', 'caseView', { studentId: people.student._id });
    expect(view.audience).toBe('student');
    expect(view.talks).toHaveLength(2);
    for (const t of view.talks) expect(t).not.toHaveProperty('firstImpression');
    expect(JSON.stringify(view)).not.toContain('情绪低落');
    expect(view.duties).toEqual([]);
    expect(view.meetings.map((m) => m.kind)).toEqual(['talk']);
    expect(view.next).toContain('请填写个人学习计划');
    expect(
      await h.callAs(people.classmateUser, 'support', 'caseView', { studentId: people.student._id }),
    ).toMatchObject({ ok: false, code: 'ACCESS.DENIED' });
  });

  it('a parent sees only what is addressed to them', async () => {
    const view = await h.ok(people.parentUser, 'support', 'caseView', { studentId: people.student._id });
    expect(view.audience).toBe('parent');
    expect(view.talks).toEqual([]);
    expect(view.plan).toBeNull();
    expect(view.difficulty).toBeNull();
    expect(view.meetings.map((m) => m.kind)).toEqual(['parentMeeting']);
    expect(view.timeline.every((e) => e.kind === 'warning' || e.kind === 'parentContact')).toBe(true);
    expect(
      await h.callAs(people.otherParentUser, 'support', 'caseView', { studentId: people.student._id }),
    ).toMatchObject({ ok: false, code: 'ACCESS.DENIED' });
  });

  it.each([
    ['a leader', () => people.leaderUser],
    ['an assistant (a graduate student)', () => people.assistantUser],
  ])('%s reads the case but not the talk notes', async (_label, user) => {
    const view = await h.ok(user(), 'support', 'caseView', { studentId: people.student._id });
    expect(view.talks).toHaveLength(2);
    expect(view.talks.every((t) => !('firstImpression' in t))).toBe(true);
    expect(JSON.stringify(view)).not.toContain('情绪低落');
  });

  it('caseloads: an assistant sees only their classes; a leader the college; with what is next', async () => {
    const assistant = await h.ok(people.assistantUser, 'support', 'caseload', {});
    const served = people.built.classes.filter((c) => c.assistantId === people.assistantUser).map((c) => c._id);
    expect(assistant.map((r) => r.studentId)).toEqual([people.student._id]);
    expect(assistant.every((r) => served.includes(r.classId))).toBe(true);
    const leader = await h.ok(people.leaderUser, 'support', 'caseload', {});
    expect(leader.map((r) => r.studentId).sort()).toEqual([people.student._id, people.outsider._id].sort());
    const row = leader.find((r) => r.studentId === people.student._id);
    expect(row).toMatchObject({ talks: 2, planStatus: 'none', lastTalkAt: '2026-11-10T10:00:00.000+08:00' });
    expect(row?.overdue).toBeGreaterThan(0);
    expect(leader[0]?.overdue).toBeGreaterThanOrEqual(leader[1]?.overdue ?? 0);
    expect(await h.ok(people.studentUser, 'support', 'caseload', {})).toEqual([]);
  });
});
