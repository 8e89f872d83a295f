import { openEmptyHarness, type EmptyHarness } from '../../support/harness';
import { seedTwoClasses } from '../../support/build/two-classes';
import { studentUser } from '../../support/build/college';
import { CASEWORK_BUILT_AT } from '../../support/build/casework';
import { OWED, publishWarning } from '../../support/support-factories';
import type { Student } from '../../../types/domain';

/** The people of one warned student's plan: their class's staff, a classmate, a bound parent, another class's counselor. */
type PlanPeople = {
  student: Student;
  studentUser: string;
  classmateUser: string;
  parentUser: string;
  headTeacherUser: string;
  counselorUser: string;
  otherCounselorUser: string;
};

/**
 * Two classes (two-classes.ts), 2026-2027-1: 孙一鸣 of 生工251班 (cohort 2025) is in year 2, so the head teacher
 * reviews; 李四海 of 食品241班 (cohort 2024, parent bound) is in year 3, with a classmate 陈二洋 added here.
 */
async function seedPlans(h: EmptyHarness): Promise<{ y2: PlanPeople; y3: PlanPeople }> {
  let y3Classmate: Student | undefined;
  const p = await seedTwoClasses(h.store, CASEWORK_BUILT_AT, (b, c) => {
    y3Classmate = b.student(c.otherClass, { id: '2024321002', name: '陈二洋' });
  });
  if (!y3Classmate) throw new Error('year-3 classmate was not built');
  return {
    y2: {
      student: p.student,
      studentUser: p.studentUser,
      classmateUser: p.classmateUser,
      parentUser: p.parentUser,
      headTeacherUser: p.headTeacherUser,
      counselorUser: p.counselorUser,
      otherCounselorUser: p.otherCounselorUser,
    },
    y3: {
      student: p.outsider,
      studentUser: p.outsiderUser,
      classmateUser: studentUser(y3Classmate),
      parentUser: p.otherParentUser,
      headTeacherUser: p.otherHeadTeacherUser,
      counselorUser: p.otherCounselorUser,
      otherCounselorUser: p.counselorUser,
    },
  };
}

describe('support: study plans', () => {
  let h: EmptyHarness;
  let people: PlanPeople; // year 3
  let y2: PlanPeople;
  beforeAll(async () => {
    h = await openEmptyHarness();
    ({ y2, y3: people } = await seedPlans(h));
    await publishWarning(h.store, y2.student);
    await publishWarning(h.store, people.student);
  });
  afterAll(() => h.close());

  const warningOf = (studentId: string) => `w-${studentId}-2026-2027-1`;

  it('the student sees the owed courses and cannot submit without a retake plan for each', async () => {
    const mine = await h.ok(y2.studentUser, 'support', 'myPlan', {});
    expect(mine.warning?.failedCourses.map((c) => c.code)).toEqual(OWED.map((c) => c.code));
    expect(mine.plan).toBeNull();
    const draft = await h.ok(y2.studentUser, 'support', 'savePlan', {
      warningId: warningOf(y2.student._id),
      lines: [{ courseCode: 'MA1011', retakePlan: '跟 2025 级重修，每周答疑' }],
    });
    expect(draft).toMatchObject({ status: 'draft', reviewerRole: 'headTeacher', studyYear: 2 });
    expect(draft.lines.map((l) => l.courseCode)).toEqual(['MA1011', 'CH1203']);
    const refused = await h.callAs(y2.studentUser, 'support', 'submitPlan', {
      planId: draft._id,
      signature: y2.student.name,
    });
    expect(refused).toMatchObject({ ok: false, code: 'PLAN.LINES_MISSING', field: 'lines' });
    if (!refused.ok) expect(refused.message).toContain('有机化学');
    const unknown = await h.callAs(y2.studentUser, 'support', 'savePlan', {
      warningId: warningOf(y2.student._id),
      lines: [{ courseCode: 'XX999', retakePlan: 'x' }],
    });
    expect(unknown).toMatchObject({ ok: false, code: 'PLAN.COURSE_UNKNOWN' });
  });

  it('submit (signed with the own name) → head teacher returns → resubmit → approve → end-of-semester report', async () => {
    const planId = `plan-${warningOf(y2.student._id)}`;
    await h.ok(y2.studentUser, 'support', 'savePlan', {
      warningId: warningOf(y2.student._id),
      analysis: '沉迷游戏，作息紊乱',
      lines: OWED.map((c) => ({ courseCode: c.code, retakePlan: `重修${c.name}，每周两次答疑` })),
    });
    expect(await h.callAs(y2.studentUser, 'support', 'submitPlan', { planId, signature: '别人' })).toMatchObject({
      ok: false,
      code: 'PLAN.SIGNATURE',
    });
    const submitted = await h.ok(y2.studentUser, 'support', 'submitPlan', { planId, signature: y2.student.name });
    expect(submitted.status).toBe('submitted');
    expect(
      await h.callAs(y2.studentUser, 'support', 'savePlan', { warningId: warningOf(y2.student._id), lines: [] }),
    ).toMatchObject({ ok: false, code: 'PLAN.LOCKED' });

    // Year 2: the head teacher reviews, not the counselor.
    expect(
      await h.callAs(y2.counselorUser, 'support', 'reviewPlan', { planId, decision: 'approve', opinion: '同意' }),
    ).toMatchObject({ ok: false, code: 'PLAN.NOT_REVIEWER' });
    const queue = await h.ok(y2.headTeacherUser, 'support', 'planQueue', {});
    expect(queue[0]).toMatchObject({ planId, status: 'submitted' });
    const returned = await h.ok(y2.headTeacherUser, 'support', 'reviewPlan', {
      planId,
      decision: 'return',
      opinion: '重修时间要具体到周',
    });
    expect(returned).toMatchObject({
      status: 'returned',
      review: { opinion: '重修时间要具体到周', byId: y2.headTeacherUser },
    });
    expect(
      await h.callAs(y2.headTeacherUser, 'support', 'reviewPlan', { planId, decision: 'approve', opinion: '同意' }),
    ).toMatchObject({ ok: false, code: 'PLAN.NOT_SUBMITTED' });
    expect(await h.callAs(y2.studentUser, 'support', 'reportPlan', { planId, report: '已完成' })).toMatchObject({
      ok: false,
      code: 'PLAN.NOT_APPROVED',
    });

    await h.ok(y2.studentUser, 'support', 'savePlan', {
      warningId: warningOf(y2.student._id),
      lines: OWED.map((c) => ({ courseCode: c.code, retakePlan: `第 3–16 周重修${c.name}` })),
    });
    await h.ok(y2.studentUser, 'support', 'submitPlan', { planId, signature: y2.student.name });
    const approved = await h.ok(y2.headTeacherUser, 'support', 'reviewPlan', {
      planId,
      decision: 'approve',
      opinion: '计划具体可行',
    });
    expect(approved.status).toBe('approved');
    const reported = await h.ok(y2.studentUser, 'support', 'reportPlan', {
      planId,
      report: '高数重修 72 分通过，有机化学仍在重修',
    });
    expect(reported.report?.text).toContain('72');
    expect(reported.history.map((e) => e.status)).toEqual(['draft', 'submitted', 'returned', 'submitted', 'approved']);
  });

  it('a year-3 plan is reviewed by the counselor (no tutor role yet), not the head teacher', async () => {
    const planId = `plan-${warningOf(people.student._id)}`;
    await h.ok(people.studentUser, 'support', 'savePlan', {
      warningId: warningOf(people.student._id),
      lines: OWED.map((c) => ({ courseCode: c.code, retakePlan: 'x 计划' })),
    });
    const submitted = await h.ok(people.studentUser, 'support', 'submitPlan', {
      planId,
      signature: people.student.name,
    });
    expect(submitted.reviewerRole).toBe('counselor');
    expect(
      await h.callAs(people.headTeacherUser, 'support', 'reviewPlan', { planId, decision: 'approve', opinion: '同意' }),
    ).toMatchObject({ ok: false, code: 'PLAN.NOT_REVIEWER' });
    expect(
      (await h.ok(people.counselorUser, 'support', 'reviewPlan', { planId, decision: 'approve', opinion: '同意' }))
        .status,
    ).toBe('approved');
  });

  it('only the student writes their plan; a parent, a classmate and other classes cannot read or write it', async () => {
    const planId = `plan-${warningOf(people.student._id)}`;
    expect(
      await h.callAs(people.classmateUser, 'support', 'savePlan', {
        warningId: warningOf(people.student._id),
        lines: [],
      }),
    ).toMatchObject({ ok: false, code: 'ACCESS.DENIED' });
    expect(
      await h.callAs(people.counselorUser, 'support', 'savePlan', {
        warningId: warningOf(people.student._id),
        lines: [],
      }),
    ).toMatchObject({ ok: false, code: 'ACCESS.DENIED' });
    for (const user of [people.parentUser, people.classmateUser, people.otherCounselorUser]) {
      expect(await h.callAs(user, 'support', 'plan', { planId })).toMatchObject({ ok: false, code: 'ACCESS.DENIED' });
    }
    expect((await h.ok(people.studentUser, 'support', 'plan', { planId })).studentId).toBe(people.student._id);
  });
});
