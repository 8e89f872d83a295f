import { openEmptyHarness, type EmptyHarness } from '../../support/harness';
import { seedSecondCollege, type SecondCollege } from '../../support/second-college';
import { allJudgedOk, CALL_ID, form, SCHOOL_YEAR, seedProgrammeCollege, throughDecision, who } from './programme-steps';

/** Who may touch the programme: each role its own part, no college another's; bad input writes nothing. */
describe('assistants: access and input', () => {
  let h: EmptyHarness;
  let college: Awaited<ReturnType<typeof seedProgrammeCollege>>;
  let second: SecondCollege;
  beforeEach(async () => {
    h = await openEmptyHarness('2026-09-02T09:00:00+08:00');
    college = await seedProgrammeCollege(h.store, '2026-09-01T09:00:00.000+08:00');
    second = await seedSecondCollege(h.store, '2026-09-02T09:00:00.000+08:00');
  });
  afterEach(() => h.close());

  it("another college's clerk and department head, class staff, students and graduates are denied the college's steps", async () => {
    const { lin, chen } = await throughDecision(h);
    const [firstClass] = college.classes;
    const [student] = college.built.students;
    if (!firstClass || !student) throw new Error('programme college has no class');
    const outsiders = [
      second.people.clerkUser,
      second.people.departmentHeadUser,
      't-dept-bioeng',
      college.counselorUser,
      `s-${student._id}`,
      who.lin,
    ];
    for (const user of outsiders) {
      for (const [action, input] of [
        ['call', { callId: CALL_ID }],
        ['checkEligibility', { applicationId: chen, judged: allJudgedOk }],
        ['startCollegePublicity', { callId: CALL_ID }],
        ['stipendSheet', { callId: CALL_ID, year: 2026, month: 10 }],
        ['assign', { callId: CALL_ID, classId: firstClass._id, applicationId: lin }],
      ] as const) {
        const answer = await h.callAs(user, 'assistants', action, input);
        expect({ user, action, code: answer.ok ? 'ok' : answer.code }).toEqual({ user, action, code: 'ACCESS.DENIED' });
      }
    }
    // The other college's list of calls is empty; its clerk publishes only for its own college.
    expect(await h.ok(second.people.clerkUser, 'assistants', 'calls', {})).toEqual([]);
    expect(
      await h.callAs(second.people.clerkUser, 'assistants', 'publishCall', {
        collegeId: 'life',
        schoolYear: SCHOOL_YEAR,
        deadline: '2026-09-13',
      }),
    ).toMatchObject({ ok: false, code: 'ACCESS.DENIED' });
    // 学工部 sees a college's call only once it is sent; it cannot take the college's steps.
    expect(await h.ok(who.affairs, 'assistants', 'calls', {})).toEqual([]);
    expect(await h.callAs(who.affairs, 'assistants', 'decide', { callId: CALL_ID, selected: [lin] })).toMatchObject({
      ok: false,
      code: 'ACCESS.DENIED',
    });
    // Staff cannot apply: only graduates.
    expect(await h.callAs(who.clerk, 'assistants', 'apply', { callId: CALL_ID, form: form() })).toMatchObject({
      ok: false,
      code: 'ACCESS.DENIED',
    });
    // A graduate sees only their own applications.
    const mine = await h.ok(who.zhou, 'assistants', 'myProgramme', {});
    expect(mine.applications.map((a) => a.applicationId)).toEqual([`app:${CALL_ID}:${who.zhou}`]);
  });

  it('bad input: a clear Chinese error naming the field, nothing written', async () => {
    await h.ok(who.clerk, 'assistants', 'publishCall', { schoolYear: SCHOOL_YEAR, deadline: '2026-09-13', note: '' });
    const before = await h.store.count('assistantApplications');
    const cases: ['apply', Record<string, unknown>, string, RegExp][] = [
      ['apply', { callId: CALL_ID, form: { ...form(), phone: '12ab' } }, 'form.phone', /联系电话/],
      ['apply', { callId: CALL_ID, form: { ...form(), experience: '' } }, 'form.experience', /主要经历与表现/],
      [
        'apply',
        { callId: CALL_ID, form: { ...form(), politicalStatus: '无党派' } },
        'form.politicalStatus',
        /政治面貌/,
      ],
    ];
    for (const [action, input, field, message] of cases) {
      const answer = await h.callAs(who.lin, 'assistants', action, input);
      expect(answer).toMatchObject({ ok: false, code: 'INPUT.INVALID', field });
      if (!answer.ok) expect(answer.message).toMatch(message);
    }
    expect(await h.store.count('assistantApplications')).toBe(before);
    expect(
      await h.callAs(who.clerk, 'assistants', 'publishCall', { schoolYear: '2026-2028', deadline: '2026-09-13' }),
    ).toMatchObject({ ok: false, field: 'schoolYear' });
    expect(
      await h.callAs(who.clerk, 'assistants', 'publishCall', { schoolYear: '2027-2028', deadline: '2026-09-01' }),
    ).toMatchObject({ ok: false, code: 'ASSISTANT.DEADLINE_PAST', field: 'deadline' });
    expect(await h.store.count('assistantCalls')).toBe(1);
    expect(
      await h.callAs(who.clerk, 'assistants', 'stipendSheet', { callId: CALL_ID, year: 2026, month: 13 }),
    ).toMatchObject({ ok: false, code: 'INPUT.INVALID', field: 'month' });
    const app = await h.ok(who.lin, 'assistants', 'apply', { callId: CALL_ID, form: form() });
    expect(
      await h.callAs(who.clerk, 'assistants', 'checkEligibility', {
        applicationId: app.applicationId,
        judged: [{ item: 'charm', ok: true, note: '' }],
      }),
    ).toMatchObject({ ok: false, code: 'INPUT.INVALID', field: 'judged' });
  });

  it('a graduate cannot apply after the deadline, nor change an application already checked', async () => {
    await h.ok(who.clerk, 'assistants', 'publishCall', { schoolYear: SCHOOL_YEAR, deadline: '2026-09-13', note: '' });
    const app = await h.ok(who.lin, 'assistants', 'apply', { callId: CALL_ID, form: form() });
    await h.ok(who.clerk, 'assistants', 'checkEligibility', { applicationId: app.applicationId, judged: allJudgedOk });
    expect(
      await h.callAs(who.lin, 'assistants', 'apply', { callId: CALL_ID, form: form({ reason: '换一个理由' }) }),
    ).toMatchObject({ ok: false, code: 'ASSISTANT.ALREADY_CHECKED' });
    h.clock.set('2026-09-14T00:00:00+08:00');
    expect(await h.callAs(who.zhou, 'assistants', 'apply', { callId: CALL_ID, form: form() })).toMatchObject({
      ok: false,
      code: 'ASSISTANT.CALL_CLOSED',
    });
  });
});
