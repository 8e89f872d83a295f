import { openEmptyHarness, type EmptyHarness } from '../../support/harness';
import { seedTwoClasses, type TwoClasses } from '../../support/build/two-classes';
import { CASEWORK_BUILT_AT } from '../../support/build/casework';
import { OWED, publishWarning } from '../../support/support-factories';

/** Issue 9: nothing told the student when the head teacher returned or approved the study plan. */
describe('study plan review tells the student', () => {
  let h: EmptyHarness;
  /** 孙一鸣 of 生工251班 (cohort 2025: 大二 in 2026-2027, so the head teacher 吴班主 reviews). */
  let y2: TwoClasses;
  beforeAll(async () => {
    h = await openEmptyHarness();
    y2 = await seedTwoClasses(h.store, CASEWORK_BUILT_AT);
    await publishWarning(h.store, y2.student);
  });
  afterAll(() => h.close());

  const planMessages = async () =>
    (await h.store.query('outbox', { where: { kind: 'planReviewed' }, limit: 100 })).sort((a, b) =>
      a.sendAfter.localeCompare(b.sendAfter),
    );

  it('returned, then approved: one message each, to the student, opening the plan', async () => {
    const lines = OWED.map((c) => ({ courseCode: c.code, retakePlan: `${c.name}跟下一级重修，每周答疑` }));
    const draft = await h.ok(y2.studentUser, 'support', 'savePlan', {
      warningId: `w-${y2.student._id}-2026-2027-1`,
      lines,
    });
    await h.ok(y2.studentUser, 'support', 'submitPlan', { planId: draft._id, signature: y2.student.name });
    await h.ok(y2.headTeacherUser, 'support', 'reviewPlan', {
      planId: draft._id,
      decision: 'return',
      opinion: '重修时间要具体到周，并写明每周答疑的时间和地点',
    });

    let sent = await planMessages();
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({
      toUserId: y2.studentUser,
      page: 'packages/student/plan/index',
      subjectId: draft._id,
      data: { result: '需修改', opinion: '重修时间要具体到周，并写明每周答疑的时间和地点' },
    });

    h.clock.advance(60_000);
    await h.ok(y2.studentUser, 'support', 'submitPlan', { planId: draft._id, signature: y2.student.name });
    await h.ok(y2.headTeacherUser, 'support', 'reviewPlan', {
      planId: draft._id,
      decision: 'approve',
      opinion: '同意',
    });
    sent = await planMessages();
    expect(sent.map((m) => m.data.result)).toEqual(['需修改', '已通过']);
    expect(new Set(sent.map((m) => m.toUserId))).toEqual(new Set([y2.studentUser]));
  });

  it('a refused review writes no message', async () => {
    const before = (await planMessages()).length;
    const [plan] = await h.store.query('studyPlans', { limit: 1 });
    expect(
      await h.callAs(y2.headTeacherUser, 'support', 'reviewPlan', {
        planId: plan?._id ?? '',
        decision: 'approve',
        opinion: '同意',
      }),
    ).toMatchObject({ ok: false });
    expect(await planMessages()).toHaveLength(before);
  });
});
