import { openEmptyHarness, type EmptyHarness } from '../../support/harness';
import {
  allJudgedOk,
  at,
  CALL_ID,
  form,
  SCHOOL_YEAR,
  seedProgrammeCollege,
  throughDecision,
  who,
} from './programme-steps';

/** The selection (rules: 000-6): the college's call to 学工部's confirmed list, through the function as each owner. */
describe('assistants: selection', () => {
  let h: EmptyHarness;
  beforeEach(async () => {
    h = await openEmptyHarness('2026-09-02T09:00:00+08:00');
    await seedProgrammeCollege(h.store, '2026-09-01T09:00:00.000+08:00');
  });
  afterEach(() => h.close());

  const outbox = async (toUserId: string) =>
    (await h.store.query('outbox', { where: { toUserId, kind: 'assistantStep' } })).map((m) => m.data.step);

  it('publishes once, takes 附件 1, checks eligibility from data (a retake refuses, rules: 000-4.4), records who and when', async () => {
    const first = await h.ok(who.clerk, 'assistants', 'publishCall', {
      schoolYear: SCHOOL_YEAR,
      deadline: '2026-09-13',
      note: '',
    });
    expect(first).toEqual({ callId: CALL_ID, created: true });
    expect(
      await h.ok(who.leader, 'assistants', 'publishCall', {
        schoolYear: SCHOOL_YEAR,
        deadline: '2026-09-20',
        note: '',
      }),
    ).toEqual({ callId: CALL_ID, created: false });
    expect(await outbox(who.lin)).toEqual(['2026-2027学年学业助理选拔']);

    const chen = await h.ok(who.chen, 'assistants', 'apply', { callId: CALL_ID, form: form() });
    // The same form again: one application, one message to the college.
    await h.ok(who.chen, 'assistants', 'apply', { callId: CALL_ID, form: form() });
    expect(await h.store.count('assistantApplications', { callId: CALL_ID })).toBe(1);
    expect(await outbox(who.clerk)).toEqual(['学业助理申报']);

    const checked = await h.ok(who.clerk, 'assistants', 'checkEligibility', {
      applicationId: chen.applicationId,
      judged: allJudgedOk,
    });
    expect(checked.status).toBe('ineligible');
    expect(checked.reasons.join()).toContain('重修：分子生物学进展');
    expect(checked.reasons.join()).toContain('000-4.4');
    expect(checked.checkedByName).toBe('张秘书');
    expect((await outbox(who.chen)).sort()).toEqual(['2026-2027学年学业助理选拔', '学业助理资格审核']);

    const sun = await h.ok(who.sun, 'assistants', 'apply', { callId: CALL_ID, form: form() });
    const sunChecked = await h.ok(who.clerk, 'assistants', 'checkEligibility', {
      applicationId: sun.applicationId,
      judged: allJudgedOk,
    });
    expect(sunChecked.reasons.join()).toContain('研究生兼职辅导员');

    // A required judged item left unticked refuses too; the preference item never does.
    const lin = await h.ok(who.lin, 'assistants', 'apply', { callId: CALL_ID, form: form() });
    const withoutLeague = await h.ok(who.clerk, 'assistants', 'checkEligibility', {
      applicationId: lin.applicationId,
      judged: allJudgedOk.filter((j) => j.item !== 'league'),
    });
    expect(withoutLeague.status).toBe('ineligible');
    expect(
      (
        await h.ok(who.clerk, 'assistants', 'checkEligibility', {
          applicationId: lin.applicationId,
          judged: allJudgedOk,
        })
      ).status,
    ).toBe('eligible');

    // Only eligible applicants can be chosen.
    const refused = await h.callAs(who.leader, 'assistants', 'decide', {
      callId: CALL_ID,
      selected: [lin.applicationId, chen.applicationId],
    });
    expect(refused).toMatchObject({ ok: false, code: 'ASSISTANT.NOT_ELIGIBLE' });
  });

  it('college publicity: 3 days, objections recorded and answered, sent on day 4 and not before (rules: 000-6.1.3)', async () => {
    const { zhou } = await throughDecision(h);
    const started = await h.ok(who.clerk, 'assistants', 'startCollegePublicity', { callId: CALL_ID });
    expect(started.collegePublicity).toMatchObject({ lastDay: '2026-09-04', end: '2026-09-05T00:00:00.000+08:00' });
    at(h, '2026-09-03T15:00:00');
    const objection = {
      callId: CALL_ID,
      clientId: '00000000-0000-4000-8000-000000000101',
      applicationId: zhou,
      text: '反映其曾有课程补考',
    };
    await h.ok(who.clerk, 'assistants', 'recordObjection', objection);
    await h.ok(who.clerk, 'assistants', 'recordObjection', objection);
    expect((await h.ok(who.clerk, 'assistants', 'call', { callId: CALL_ID })).objections).toHaveLength(1);

    at(h, '2026-09-05T00:00:00');
    expect(await h.callAs(who.leader, 'assistants', 'submit', { callId: CALL_ID })).toMatchObject({
      ok: false,
      code: 'ASSISTANT.OBJECTIONS_OPEN',
    });
    const answer = {
      callId: CALL_ID,
      objectionId: objection.clientId,
      reply: '经核查成绩单，无补考记录，异议不成立',
      upheld: false,
    };
    await h.ok(who.leader, 'assistants', 'answerObjection', answer);
    expect(await h.callAs(who.leader, 'assistants', 'answerObjection', { ...answer, upheld: true })).toMatchObject({
      ok: false,
      code: 'ASSISTANT.ALREADY_ANSWERED',
    });

    at(h, '2026-09-04T23:59:59');
    expect(await h.callAs(who.leader, 'assistants', 'submit', { callId: CALL_ID })).toMatchObject({
      ok: false,
      code: 'ASSISTANT.PUBLICITY_RUNNING',
    });
    at(h, '2026-09-05T00:00:00');
    const sent = await h.ok(who.leader, 'assistants', 'submit', { callId: CALL_ID });
    expect(sent.stage).toBe('submitted');
    expect(sent.selectedCount).toBe(2);
    expect(await outbox(who.affairs)).toContain(`${sent.collegeName}学业助理名单`);
    // The clerk cannot send the list: the selection group's leader does.
    expect(await h.callAs(who.clerk, 'assistants', 'submit', { callId: CALL_ID })).toMatchObject({
      ok: false,
      code: 'ACCESS.DENIED',
    });
  });

  it('an objection found true takes the person off the list', async () => {
    const { zhou } = await throughDecision(h);
    await h.ok(who.clerk, 'assistants', 'startCollegePublicity', { callId: CALL_ID });
    await h.ok(who.clerk, 'assistants', 'recordObjection', {
      callId: CALL_ID,
      clientId: '00000000-0000-4000-8000-000000000102',
      applicationId: zhou,
      text: '兼任其他学院学生干部',
    });
    const view = await h.ok(who.clerk, 'assistants', 'answerObjection', {
      callId: CALL_ID,
      objectionId: '00000000-0000-4000-8000-000000000102',
      reply: '属实',
      upheld: true,
    });
    expect(view.applications.find((a) => a.applicationId === zhou)?.selected).toBe(false);
    expect(view.selectedCount).toBe(1);
  });

  it('学工部 reviews, publicises 3 days and confirms on day 4 (rules: 000-6.1.4); repeats change nothing', async () => {
    await throughDecision(h);
    await h.ok(who.clerk, 'assistants', 'startCollegePublicity', { callId: CALL_ID });
    at(h, '2026-09-05T09:00:00');
    await h.ok(who.leader, 'assistants', 'submit', { callId: CALL_ID });
    expect(await h.callAs(who.affairs, 'assistants', 'startSchoolPublicity', { callId: CALL_ID })).toMatchObject({
      ok: false,
      code: 'ASSISTANT.NOT_REVIEWED',
    });
    await h.ok(who.affairs, 'assistants', 'review', { callId: CALL_ID, decision: 'approve', opinion: '' });
    at(h, '2026-09-07T10:00:00');
    const publicised = await h.ok(who.affairs, 'assistants', 'startSchoolPublicity', { callId: CALL_ID });
    expect(publicised.schoolPublicity).toMatchObject({ lastDay: '2026-09-09' });
    const version = (await h.store.get('assistantCalls', CALL_ID))?._version;
    await h.ok(who.affairs, 'assistants', 'startSchoolPublicity', { callId: CALL_ID });
    expect((await h.store.get('assistantCalls', CALL_ID))?._version).toBe(version);

    at(h, '2026-09-09T23:59:00');
    expect(await h.callAs(who.affairs, 'assistants', 'confirm', { callId: CALL_ID })).toMatchObject({
      ok: false,
      code: 'ASSISTANT.PUBLICITY_RUNNING',
    });
    at(h, '2026-09-10T00:00:00');
    const confirmed = await h.ok(who.affairs, 'assistants', 'confirm', { callId: CALL_ID });
    expect(confirmed).toMatchObject({ stage: 'confirmed', confirmedAt: '2026-09-10T00:00:00.000+08:00' });
    expect(confirmed.steps.map((s) => `${s.label}/${s.roleLabel}`)).toEqual([
      '发布选拔通知/教学秘书',
      '选拔小组决定人选/学院领导',
      '学院公示/教学秘书',
      '报送学工部审核/学院领导',
      '学工部审核/学工部',
      '学校公示/学工部',
      '确认名单/学工部',
    ]);
    const mine = await h.ok(who.lin, 'assistants', 'myProgramme', {});
    expect(mine.applications[0]).toMatchObject({ listed: true, confirmed: true });
  });

  it('学工部 returns a list with an opinion; the college decides and publicises again', async () => {
    const { lin } = await throughDecision(h);
    await h.ok(who.clerk, 'assistants', 'startCollegePublicity', { callId: CALL_ID });
    at(h, '2026-09-05T09:00:00');
    await h.ok(who.leader, 'assistants', 'submit', { callId: CALL_ID });
    expect(
      await h.callAs(who.affairs, 'assistants', 'review', { callId: CALL_ID, decision: 'return', opinion: '' }),
    ).toMatchObject({ ok: false, code: 'INPUT.INVALID', field: 'opinion' });
    const returned = await h.ok(who.affairs, 'assistants', 'review', {
      callId: CALL_ID,
      decision: 'return',
      opinion: '请补充申报表签字',
    });
    expect(returned.stage).toBe('returned');
    const again = await h.ok(who.leader, 'assistants', 'decide', { callId: CALL_ID, selected: [lin] });
    expect(again.stage).toBe('decided');
  });
});
