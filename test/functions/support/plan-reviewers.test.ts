import { openEmptyHarness, type EmptyHarness } from '../../support/harness';
import { seedTwoClasses, type TwoClasses } from '../../support/build/two-classes';
import { CASEWORK_BUILT_AT } from '../../support/build/casework';
import { OWED, publishWarning } from '../../support/support-factories';

/** Issue 11 defect 6: the queue holds only the caller's plans, the card names the reviewer, gxu-ee 试读 is reviewed jointly. */
describe('study plans: who reviews', () => {
  let h: EmptyHarness;
  let p: TwoClasses;
  beforeAll(async () => {
    h = await openEmptyHarness();
    p = await seedTwoClasses(h.store, CASEWORK_BUILT_AT);
    // 李四海 (食品241班, cohort 2024) is in 大三: the counselor (for the tutor) reviews;
    // 孙一鸣 (生工251班, cohort 2025) is in 大二 and under gxu-ee 试读.
    await publishWarning(h.store, p.outsider);
    await publishWarning(h.store, p.student, { policyId: 'gxu-ee', level: 'probation', levelName: '试读' });
  });
  afterAll(() => h.close());

  async function submitted(studentUser: string, studentId: string, name: string) {
    const warningId = `w-${studentId}-2026-2027-1`;
    const draft = await h.ok(studentUser, 'support', 'savePlan', {
      warningId,
      lines: OWED.map((c) => ({ courseCode: c.code, retakePlan: `重修${c.name}` })),
    });
    return h.ok(studentUser, 'support', 'submitPlan', { planId: draft._id, signature: name });
  }

  it('a 大三 plan is in the counselor’s queue, named as the counselor’s, and not in the head teacher’s', async () => {
    const plan = await submitted(p.outsiderUser, p.outsider._id, p.outsider.name);
    expect(plan.reviewerRole).toBe('counselor');
    const head = await h.ok(p.otherHeadTeacherUser, 'support', 'planQueue', {});
    expect(head.map((r) => r.planId)).not.toContain(plan._id);
    const counselor = await h.ok(p.otherCounselorUser, 'support', 'planQueue', {});
    expect(counselor.find((r) => r.planId === plan._id)).toMatchObject({ reviewers: '辅导员', status: 'submitted' });
  });

  it('a gxu-ee 试读 plan needs the head teacher and the counselor: approved only when both have; each approval counts for its own plan duty', async () => {
    const plan = await submitted(p.studentUser, p.student._id, p.student.name);
    expect(plan.jointReviewers).toEqual(['headTeacher', 'counselor']);
    const cls = p.built.classes.find((c) => c._id === p.student.classId);
    if (!cls) throw new Error('no class');
    expect(
      (await h.ok(cls.headTeacherId, 'support', 'planQueue', {})).find((r) => r.planId === plan._id)?.reviewers,
    ).toBe('班主任与辅导员（联合审核）');
    const first = await h.ok(cls.headTeacherId, 'support', 'reviewPlan', {
      planId: plan._id,
      decision: 'approve',
      opinion: '计划具体，同意',
    });
    expect(first.status).toBe('submitted');
    expect(
      await h.callAs(cls.headTeacherId, 'support', 'reviewPlan', {
        planId: plan._id,
        decision: 'approve',
        opinion: '再次',
      }),
    ).toMatchObject({ ok: false, code: 'PLAN.NOT_REVIEWER' });
    const both = await h.ok(cls.counselorId, 'support', 'reviewPlan', {
      planId: plan._id,
      decision: 'approve',
      opinion: '同意',
    });
    expect(both.status).toBe('approved');
    for (const [user, rule] of [
      [cls.headTeacherId, 'level-gxu-ee-study-plan-headteacher-30d'],
      [cls.counselorId, 'level-gxu-ee-study-plan-counselor-30d'],
    ] as const) {
      const mine = await h.ok(user, 'duties', 'myDuties', { scope: 'semester' });
      expect(mine.items.find((i) => i.ruleId === rule && i.unit.id === p.student._id)).toMatchObject({ progress: 1 });
    }
  });
});
