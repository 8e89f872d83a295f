import { classIdsFor } from '../core/access/authorize';
import { AccessDeniedError, DomainError } from '../core/errors';
import { linesFor, planTransition, type PlanState } from '../core/support/plan-workflow';
import { reviewerFor, semesterOf, studyYear } from '../core/support/study-year';
import type { PlanQueueRow, PlanView, SupportApi } from '../../types/api/support';
import type { Actor, Student, User } from '../../types/domain';
import { planReviewed } from '../core/messages/plan-reviewed';
import { enqueue } from '../platform/messenger/outbox';
import { studentUserId } from '../notices/settings';
import { ReviewerRole, reviewerRoleLabel, reviewersText, type PlanEvent, type StudyPlan } from '../../types/support';
import { dutiesForLevel, presetPolicy } from '../core/rules';
import { classesByIds, loadStudent, studentResource } from '../platform/directory/directory';
import type { Context, Handlers } from '../platform/runtime/define-function';
import { queryAll, type Stored } from '../platform/store/store';
import { STUDY_PLANS } from './collections';
import { caseWarning, loadPlan, loadWarning, orNobody, ownStudentId, recordResource } from './load';

/** The stored plan as the pure workflow sees it. */
function planState(plan: StudyPlan): PlanState {
  return { status: plan.status, lines: plan.lines, failedCourses: plan.failedCourses, hasReport: plan.report !== null };
}
import { audienceOf } from './audience';
import { noteDutySource } from '../application/digests/duty-digests';

/** One plan per warning: a deterministic id makes saving twice update, not duplicate. */
export function planIdOf(warningId: string): string {
  return `plan-${warningId}`;
}

/** The roles whose approval the plan needs (joint for gxu-ee 试读, else the year's reviewer). */
export function reviewersOf(plan: Pick<StudyPlan, 'reviewerRole' | 'jointReviewers'>): ReviewerRole[] {
  return plan.jointReviewers && plan.jointReviewers.length > 0 ? plan.jointReviewers : [plan.reviewerRole];
}

/** The reviewer role the caller holds for the plan's class and has not yet used on it, if any. */
export function reviewerRoleOf(actor: Actor, plan: Pick<StudyPlan, 'classId' | 'reviewerRole' | 'jointReviewers' | 'approvals'>): ReviewerRole | null {
  const done = new Set((plan.approvals ?? []).map((a) => a.role));
  for (const g of actor.grants) {
    if ((g.role === 'headTeacher' || g.role === 'counselor') && g.classIds.includes(plan.classId) && reviewersOf(plan).includes(g.role) && !done.has(g.role)) return g.role;
  }
  return null;
}

/** Does the caller hold a reviewer's role for the plan's class (head teacher / counselor) still to review? */
export function isReviewer(actor: Actor, plan: Pick<StudyPlan, 'classId' | 'reviewerRole' | 'jointReviewers' | 'approvals'>): boolean {
  return reviewerRoleOf(actor, plan) !== null;
}

/**
 * Joint reviewers from the policy, as data: a level whose duties make more than one role guide the
 * plan (gxu-ee 试读: head teacher and counselor) has them review it together.
 */
function jointReviewersOf(warning: { policyId: string; level: string }): ReviewerRole[] | undefined {
  const policy = presetPolicy(warning.policyId);
  if (!policy) return undefined;
  const roles = [...new Set(dutiesForLevel(policy, warning.level).filter((d) => d.duty === 'study-plan').map((d) => ReviewerRole.safeParse(d.role)))].flatMap((r) => (r.success ? [r.data] : []));
  const unique = [...new Set(roles)];
  return unique.length > 1 ? unique : undefined;
}

export function planView(ctx: Context, plan: Stored<StudyPlan>, cohort: number): PlanView {
  const { _version: _v, createdBy: _cb, createdAt: _ca, updatedBy: _ub, updatedAt: _ua, actorId: _a, ...rest } = plan;
  return { ...rest, studyYear: studyYear(cohort, semesterOf(ctx.nowIso())), canReview: plan.status === 'submitted' && isReviewer(ctx.actor, plan) };
}

function reviewerNow(ctx: Context, student: Student): ReviewerRole {
  return reviewerFor(studyYear(student.cohort, semesterOf(ctx.nowIso())));
}

function event(ctx: Context, status: StudyPlan['status'], note: string): PlanEvent {
  return { status, at: ctx.nowIso(), by: ctx.actor.userId, byName: ctx.actor.name, note };
}

const planResource = (ctx: Context, planId: string) => orNobody(() => loadPlan(ctx.store, planId), recordResource);

export const planHandlers: Handlers<Pick<SupportApi, 'myPlan' | 'savePlan' | 'submitPlan' | 'reviewPlan' | 'reportPlan' | 'plan' | 'planQueue'>> = {
  myPlan: {
    permission: 'plan.write',
    resource: (ctx) => studentResource(ctx.store, ownStudentId(ctx.actor)),
    async run(ctx) {
      const studentId = ownStudentId(ctx.actor);
      const student = await loadStudent(ctx.store, studentId);
      const warning = await caseWarning(ctx.store, studentId);
      if (!warning || warning.status !== 'active') return { warning: null, plan: null };
      const plan = await ctx.store.get<StudyPlan>(STUDY_PLANS, planIdOf(warning._id));
      return {
        warning: { id: warning._id, levelName: warning.levelName, semester: warning.semester, failedCourses: warning.failedCourses },
        plan: plan ? planView(ctx, plan, student.cohort) : null,
      };
    },
  },

  savePlan: {
    permission: 'plan.write',
    resource: (ctx, input) => orNobody(() => loadWarning(ctx.store, input.warningId), recordResource),
    async run(ctx, input) {
      const warning = await loadWarning(ctx.store, input.warningId);
      if (warning.status !== 'active') throw new DomainError('PLAN.WARNING_CLOSED', '该警示已解除或被新的警示取代，无需再填写此计划');
      const student = await loadStudent(ctx.store, warning.studentId);
      const existing = await ctx.store.get<StudyPlan>(STUDY_PLANS, planIdOf(warning._id));
      const failedCourses = existing?.failedCourses ?? warning.failedCourses;
      const lines = linesFor(failedCourses, input.lines);
      if (existing) {
        planTransition({ status: existing.status, lines, failedCourses, hasReport: existing.report !== null }, { type: 'edit' });
        const saved = await ctx.store.update<StudyPlan>(STUDY_PLANS, existing._id, { lines, analysis: input.analysis, goals: input.goals, at: ctx.nowIso() }, existing._version, ctx.write());
        return planView(ctx, saved, student.cohort);
      }
      const plan: StudyPlan = {
        _id: planIdOf(warning._id),
        kind: 'studyPlan',
        warningId: warning._id,
        studentId: student._id,
        studentName: student.name,
        classId: student.classId,
        collegeId: student.collegeId,
        semester: warning.semester,
        levelName: warning.levelName,
        failedCourses,
        lines,
        analysis: input.analysis,
        goals: input.goals,
        status: 'draft',
        reviewerRole: reviewerNow(ctx, student),
        ...(jointReviewersOf(warning) ? { jointReviewers: jointReviewersOf(warning) } : {}),
        signature: null,
        review: null,
        report: null,
        history: [event(ctx, 'draft', '开始填写')],
        actorId: ctx.actor.userId,
        at: ctx.nowIso(),
      };
      return planView(ctx, await ctx.store.add(STUDY_PLANS, plan, ctx.write()), student.cohort);
    },
  },

  submitPlan: {
    permission: 'plan.write',
    resource: (ctx, input) => planResource(ctx, input.planId),
    async run(ctx, input) {
      const plan = await loadPlan(ctx.store, input.planId);
      const student = await loadStudent(ctx.store, plan.studentId);
      const status = planTransition(planState(plan), { type: 'submit' });
      if (input.signature.replace(/\s+/g, '') !== student.name) throw new DomainError('PLAN.SIGNATURE', '签名须为本人姓名', 'signature');
      const at = ctx.nowIso();
      const saved = await ctx.store.update<StudyPlan>(
        STUDY_PLANS,
        plan._id,
        { status, signature: { name: student.name, at }, reviewerRole: reviewerNow(ctx, student), history: [...plan.history, event(ctx, status, plan.status === 'returned' ? '修改后重新提交' : '学生签名提交')] },
        plan._version,
        ctx.write(),
      );
      return planView(ctx, saved, student.cohort);
    },
  },

  reviewPlan: {
    permission: 'plan.review',
    resource: (ctx, input) => planResource(ctx, input.planId),
    async run(ctx, input) {
      const plan = await loadPlan(ctx.store, input.planId);
      const student = await loadStudent(ctx.store, plan.studentId);
      const role = reviewerRoleOf(ctx.actor, plan);
      if (!role) {
        throw new DomainError(
          'PLAN.NOT_REVIEWER',
          plan.jointReviewers ? `该计划由${reviewersText(plan)}，你已审核或不是审核人` : plan.reviewerRole === 'headTeacher' ? '大一、大二学生的学习计划由班主任审核' : '大三及以上学生的学习计划由导师（暂由辅导员）审核',
        );
      }
      const decided = planTransition(planState(plan), { type: 'review', decision: input.decision });
      const at = ctx.nowIso();
      const review = { decision: input.decision, opinion: input.opinion, byId: ctx.actor.userId, byName: ctx.actor.name, role, at };
      // Joint review: approved once every reviewer has approved; a return by either sends it back.
      const approvals = input.decision === 'approve' ? [...(plan.approvals ?? []), { role, byId: ctx.actor.userId, byName: ctx.actor.name, at, opinion: input.opinion }] : [];
      const waiting = reviewersOf(plan).filter((r) => !approvals.some((a) => a.role === r));
      const status = decided === 'approved' && waiting.length > 0 ? 'submitted' : decided;
      // The student is told in the same transaction as the review (approved, or returned to edit).
      const studentUser = await ctx.store.get<User>('users', studentUserId(plan.studentId));
      const saved = await ctx.store.transaction(async (tx) => {
        const note = status === 'submitted' ? `${reviewerRoleLabel[role]}已通过，待${waiting.map((r) => reviewerRoleLabel[r]).join('、')}审核：${input.opinion}` : input.opinion;
        const next = await tx.update<StudyPlan>(STUDY_PLANS, plan._id, { status, review, approvals, history: [...plan.history, { ...event(ctx, status, note), ...(input.decision === 'approve' ? { approvedAs: role } : {}) }] }, plan._version, ctx.write());
        await noteDutySource(tx, 'studyPlans', plan, next, ctx.write());
        if (studentUser) await enqueue(tx, planReviewed(plan, { userId: studentUser._id, openid: studentUser.openid }, review), ctx.write());
        return next;
      });
      return planView(ctx, saved, student.cohort);
    },
  },

  reportPlan: {
    permission: 'plan.write',
    resource: (ctx, input) => planResource(ctx, input.planId),
    async run(ctx, input) {
      const plan = await loadPlan(ctx.store, input.planId);
      const student = await loadStudent(ctx.store, plan.studentId);
      planTransition(planState(plan), { type: 'report' });
      const saved = await ctx.store.update<StudyPlan>(STUDY_PLANS, plan._id, { report: { text: input.report, at: ctx.nowIso() } }, plan._version, ctx.write());
      return planView(ctx, saved, student.cohort);
    },
  },

  plan: {
    permission: 'case.read',
    resource: (ctx, input) => planResource(ctx, input.planId),
    async run(ctx, input) {
      const plan = await loadPlan(ctx.store, input.planId);
      // A parent sees only what is addressed to them; the plan is between the student and staff.
      if (audienceOf(ctx.actor, recordResource(plan)) === 'parent') throw new AccessDeniedError();
      const student = await loadStudent(ctx.store, plan.studentId);
      return planView(ctx, plan, student.cohort);
    },
  },

  planQueue: {
    permission: 'plan.review',
    resource: 'list',
    async run(ctx) {
      const classIds = classIdsFor(ctx.actor, 'plan.review');
      if (classIds.length === 0) return [];
      // Only plans the caller reviews (a 大三 plan is the counselor's, not in the head teacher's queue).
      const plans = (await queryAll<StudyPlan>(ctx.store, STUDY_PLANS, { where: { classId: { in: classIds }, status: { neq: 'draft' } } })).filter(
        (p) => reviewersOf(p).some((r) => ctx.actor.grants.some((g) => g.role === r && g.classIds.includes(p.classId))),
      );
      const classes = new Map((await classesByIds(ctx.store, classIds)).map((c) => [c._id, c.name]));
      const rank = (p: StudyPlan) => (p.status === 'submitted' && isReviewer(ctx.actor, p) ? 0 : p.status === 'submitted' ? 1 : 2);
      return plans
        .map((p): PlanQueueRow & { rank: number } => ({
          planId: p._id,
          studentId: p.studentId,
          studentName: p.studentName,
          className: classes.get(p.classId) ?? p.classId,
          levelName: p.levelName,
          status: p.status,
          submittedAt: p.signature?.at ?? null,
          reviewerRole: p.reviewerRole,
          reviewers: reviewersText(p),
          rank: rank(p),
        }))
        .sort((a, b) => a.rank - b.rank || (a.submittedAt ?? '').localeCompare(b.submittedAt ?? ''))
        .map(({ rank: _r, ...row }) => row);
    },
  },
};
