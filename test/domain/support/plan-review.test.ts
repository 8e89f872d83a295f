import { DomainError } from '../../../cloudfunctions/core/errors';
import { planReview } from '../../../cloudfunctions/core/support/plan-review';
import { jointReviewersOf, reviewerNow, startPlan } from '../../../cloudfunctions/core/support/plan-start';
import { linesFor, planSave, planSubmit } from '../../../cloudfunctions/core/support/plan-workflow';
import type { StudyPlan } from '../../../types/support';

const owed = [{ code: 'A', name: '高数', credits: 5 }];
const lines = linesFor(owed, [{ courseCode: 'A', retakePlan: '每周两次答疑' }]);
const NOW = '2026-11-20T09:00:00.000+08:00';

const plan = (extra: Partial<StudyPlan> = {}): StudyPlan => ({
  ...startPlan({
    planId: 'plan-w1',
    warning: { _id: 'w1', semester: '2026-2027-1', levelName: '书面警示', policyId: 'lzut-life', level: 'written' },
    student: { _id: '1', name: '张三', classId: 'c1', collegeId: 'life', cohort: 2025 },
    failedCourses: owed,
    lines,
    text: { analysis: '', goals: '' },
    by: { userId: 's-1', name: '张三' },
    now: NOW,
  }),
  status: 'submitted',
  ...extra,
});

function codeOf(fn: () => unknown): string | null {
  try {
    fn();
    return null;
  } catch (e) {
    if (e instanceof DomainError) return e.code;
    throw e;
  }
}

const teacher = { userId: 't-h', name: '王老师' };
const counselor = { userId: 't-c', name: '林老师' };

describe('study plan: start, save, submit', () => {
  it('a year-2 student’s plan is the head teacher’s, a year-3’s the counselor’s (no tutor role yet)', () => {
    expect(reviewerNow(2025, NOW)).toBe('headTeacher');
    expect(reviewerNow(2024, NOW)).toBe('counselor');
    expect(plan()).toMatchObject({
      _id: 'plan-w1',
      reviewerRole: 'headTeacher',
      history: [{ status: 'draft', by: 's-1', note: '开始填写' }],
    });
    expect(plan()).not.toHaveProperty('jointReviewers');
  });

  it('gxu-ee 试读 is reviewed jointly, as the policy’s duties say', () => {
    expect(jointReviewersOf({ policyId: 'gxu-ee', level: 'probation' })?.sort()).toEqual(['counselor', 'headTeacher']);
    expect(jointReviewersOf({ policyId: 'lzut-life', level: 'written' })).toBeUndefined();
  });

  it('saving needs an active warning and an editable plan; submitting needs the student’s own name', () => {
    expect(codeOf(() => planSave('lifted', null, owed, []))).toBe('PLAN.WARNING_CLOSED');
    expect(codeOf(() => planSave('active', { status: 'submitted', hasReport: false }, owed, []))).toBe('PLAN.LOCKED');
    expect(
      planSave('active', { status: 'returned', hasReport: false }, owed, [{ courseCode: 'A', retakePlan: 'x' }]),
    ).toEqual([{ courseCode: 'A', courseName: '高数', credits: 5, retakePlan: 'x' }]);
    const state = { status: 'draft' as const, lines, failedCourses: owed, hasReport: false };
    expect(codeOf(() => planSubmit(state, '李四', '张三'))).toBe('PLAN.SIGNATURE');
    expect(planSubmit(state, ' 张 三 ', '张三')).toEqual({ status: 'submitted', note: '学生签名提交' });
    expect(planSubmit({ ...state, status: 'returned' }, '张三', '张三').note).toBe('修改后重新提交');
  });
});

describe('study plan review', () => {
  it('one reviewer approves it, or returns it with the opinion', () => {
    const approved = planReview(plan(), 'headTeacher', { decision: 'approve', opinion: '可行' }, teacher, NOW);
    expect(approved).toMatchObject({
      status: 'approved',
      review: { role: 'headTeacher', byId: 't-h' },
      approvals: [{ role: 'headTeacher', byId: 't-h' }],
      entry: { status: 'approved', note: '可行', approvedAs: 'headTeacher' },
    });
    const returned = planReview(plan(), 'headTeacher', { decision: 'return', opinion: '写具体' }, teacher, NOW);
    expect(returned).toMatchObject({
      status: 'returned',
      approvals: [],
      entry: { status: 'returned', note: '写具体' },
    });
    expect(returned.entry).not.toHaveProperty('approvedAs');
  });

  it('a joint plan stays submitted until both have approved; a return by either sends it back', () => {
    const joint = plan({ jointReviewers: ['headTeacher', 'counselor'] });
    const first = planReview(joint, 'headTeacher', { decision: 'approve', opinion: '同意' }, teacher, NOW);
    expect(first).toMatchObject({
      status: 'submitted',
      entry: { note: '班主任已通过，待辅导员审核：同意', approvedAs: 'headTeacher' },
    });
    const second = planReview(
      { ...joint, approvals: first.approvals },
      'counselor',
      { decision: 'approve', opinion: '同意' },
      counselor,
      NOW,
    );
    expect(second.status).toBe('approved');
    expect(second.approvals.map((a) => a.role)).toEqual(['headTeacher', 'counselor']);
    expect(
      planReview(
        { ...joint, approvals: first.approvals },
        'counselor',
        { decision: 'return', opinion: '再改' },
        counselor,
        NOW,
      ),
    ).toMatchObject({ status: 'returned', approvals: [] });
  });

  it('one who is not (or no longer) its reviewer is told who reviews it', () => {
    const refuse = (p: StudyPlan) => {
      try {
        planReview(p, null, { decision: 'approve', opinion: '' }, teacher, NOW);
      } catch (e) {
        if (e instanceof DomainError) return [e.code, e.message];
      }
      return null;
    };
    expect(refuse(plan())).toEqual(['PLAN.NOT_REVIEWER', '大一、大二学生的学习计划由班主任审核']);
    expect(refuse(plan({ reviewerRole: 'counselor' }))).toEqual([
      'PLAN.NOT_REVIEWER',
      '大三及以上学生的学习计划由导师（暂由辅导员）审核',
    ]);
    expect(refuse(plan({ jointReviewers: ['headTeacher', 'counselor'] }))?.[1]).toBe(
      '该计划由班主任与辅导员（联合审核），你已审核或不是审核人',
    );
    expect(
      codeOf(() =>
        planReview(plan({ status: 'draft' }), 'headTeacher', { decision: 'approve', opinion: '' }, teacher, NOW),
      ),
    ).toBe('PLAN.NOT_SUBMITTED');
  });
});
