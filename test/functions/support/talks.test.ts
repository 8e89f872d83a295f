import { openEmptyHarness, type EmptyHarness } from '../../support/harness';
import { seedTwoClasses, type TwoClasses } from '../../support/build/two-classes';
import { CASEWORK_BUILT_AT } from '../../support/build/casework';
import { publishWarning, talkInput } from '../../support/support-factories';

describe('support: talk records', () => {
  let h: EmptyHarness;
  let people: TwoClasses;
  beforeAll(async () => {
    h = await openEmptyHarness();
    people = await seedTwoClasses(h.store, CASEWORK_BUILT_AT); // 孙一鸣 of 生工251班 is warned
    await publishWarning(h.store, people.student);
  });
  afterAll(() => h.close());

  it('records a talk with the server computing the talker, class and n-th count', async () => {
    const first = await h.ok(people.counselorUser, 'support', 'recordTalk', talkInput(people.student._id));
    expect(first).toMatchObject({
      kind: 'talk',
      actorId: people.counselorUser,
      studentId: people.student._id,
      classId: people.firstClass._id,
      nth: 1,
      firstImpression: '情绪低落，作息不规律',
    });
    // A forged n-th count or talker in the payload is ignored.
    const second = await h.ok(people.counselorUser, 'support', 'recordTalk', {
      ...talkInput(people.student._id, { at: '2026-11-21T10:00:00+08:00' }),
      nth: 9,
      actorId: 'someone',
    } as never);
    expect(second.nth).toBe(2);
    expect(second.actorId).toBe(people.counselorUser);
    const head = await h.ok(
      people.headTeacherUser,
      'support',
      'recordTalk',
      talkInput(people.student._id, { talkerRole: 'headTeacher' }),
    );
    expect(head.nth).toBe(1);
    const defaults = await h.ok(people.counselorUser, 'support', 'talkDefaults', { studentId: people.student._id });
    expect(defaults).toMatchObject({
      nextNth: 3,
      talkerRoles: ['counselor'],
      warningLevel: '书面警示',
      last: { place: '辅导员办公室', minutes: 30, mode: 'faceToFace' },
    });
  });

  it.each([
    [{ topics: [] }, 'topics'],
    [{ topics: ['other'], otherTopic: '' }, 'otherTopic'],
    [{ confirmed: false }, 'confirmed'],
    [{ minutes: 0 }, 'minutes'],
    [{ place: '  ' }, 'place'],
    [{ content: '' }, 'content'],
    [{ mode: 'letter' }, 'mode'],
    [{ at: '2026-11-20 15:00' }, 'at'],
  ])('rejects %j with a Chinese message on %s', async (patch, field) => {
    const envelope = await h.callAs(people.counselorUser, 'support', 'recordTalk', {
      ...talkInput(people.student._id),
      ...patch,
    });
    expect(envelope).toMatchObject({ ok: false, code: 'INPUT.INVALID', field });
    if (!envelope.ok) expect(envelope.message).toMatch(/[\u4e00-\u9fa5]/);
  });

  it.each([
    [
      'a talk in the future',
      () => talkInput(people.student._id, { at: '2026-11-24T09:00:00+08:00' }),
      'TALK.IN_FUTURE',
    ],
    [
      'a talk backdated 31 days',
      () => talkInput(people.student._id, { at: new Date(h.clock.now().getTime() - 31 * 86_400_000).toISOString() }),
      'TALK.TOO_OLD',
    ],
    [
      'a role the caller does not hold',
      () => talkInput(people.student._id, { talkerRole: 'headTeacher' }),
      'TALK.TALKER_ROLE',
    ],
    ['a tutor (no such role yet)', () => talkInput(people.student._id, { talkerRole: 'tutor' }), 'TALK.TALKER_ROLE'],
  ])('refuses %s', async (_name, input, code) => {
    expect(await h.callAs(people.counselorUser, 'support', 'recordTalk', input())).toMatchObject({ ok: false, code });
  });

  it('a late talk (within 30 days) is stored with its own time and the server’s receive time', async () => {
    const at = new Date(h.clock.now().getTime() - 29 * 86_400_000).toISOString();
    const talk = await h.ok(people.counselorUser, 'support', 'recordTalk', talkInput(people.student._id, { at }));
    expect(Date.parse(talk.at)).toBe(Date.parse(at));
    const stored = await h.store.get('talks', talk._id);
    expect(stored?.receivedAt).toBe(talk.confirmedAt);
    expect(Date.parse(stored?.receivedAt ?? '')).toBe(h.clock.now().getTime());
    expect(talk).not.toHaveProperty('receivedAt');
  });

  it('an assistant records talks in their classes only, and cannot set the difficulty type', async () => {
    const own = await h.callAs(
      people.assistantUser,
      'support',
      'recordTalk',
      talkInput(people.student._id, { talkerRole: 'assistant' }),
    );
    expect(own.ok).toBe(true);
    // Assistants are graduate students: first impressions are for counselors and head teachers.
    if (own.ok) expect(own.data).not.toHaveProperty('firstImpression');
    const other = await h.callAs(
      people.assistantUser,
      'support',
      'recordTalk',
      talkInput(people.outsider._id, { talkerRole: 'assistant' }),
    );
    expect(other).toMatchObject({ ok: false, code: 'ACCESS.DENIED' });
    const typed = await h.callAs(
      people.assistantUser,
      'support',
      'recordTalk',
      talkInput(people.student._id, { talkerRole: 'assistant', difficulty: 'ability' }),
    );
    expect(typed).toMatchObject({ ok: false, code: 'ACCESS.DENIED' });
  });

  it('students, parents and other classes’ staff cannot record talks', async () => {
    for (const user of [
      people.studentUser,
      people.parentUser,
      people.otherCounselorUser,
      people.otherHeadTeacherUser,
    ]) {
      expect(
        await h.callAs(user, 'support', 'recordTalk', talkInput(people.student._id, { talkerRole: 'headTeacher' })),
      ).toMatchObject({ ok: false, code: 'ACCESS.DENIED' });
    }
  });

  it('sets and revises the difficulty type from a talk and by hand; the latest is current', async () => {
    await h.ok(
      people.counselorUser,
      'support',
      'recordTalk',
      talkInput(people.student._id, { difficulty: 'motivation', at: '2026-11-22T10:00:00+08:00' }),
    );
    let view = await h.ok(people.counselorUser, 'support', 'caseView', { studentId: people.student._id });
    expect(view.difficulty).toMatchObject({ type: 'motivation', label: '动力型困难' });
    h.clock.advance(60_000);
    await h.ok(people.headTeacherUser, 'support', 'setDifficulty', {
      studentId: people.student._id,
      type: 'ability',
      note: '基础薄弱',
    });
    view = await h.ok(people.counselorUser, 'support', 'caseView', { studentId: people.student._id });
    expect(view.difficulty).toMatchObject({ type: 'ability', note: '基础薄弱' });
    expect(
      await h.callAs(people.assistantUser, 'support', 'setDifficulty', {
        studentId: people.student._id,
        type: 'ability',
      }),
    ).toMatchObject({ ok: false, code: 'ACCESS.DENIED' });
    expect(
      await h.callAs(people.counselorUser, 'support', 'setDifficulty', { studentId: people.student._id, type: 'lazy' }),
    ).toMatchObject({ ok: false, field: 'type' });
  });
});
