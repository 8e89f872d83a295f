import { classIdsFor } from '../core/access/authorize';
import { refuseParentAudience } from '../core/access/audience';
import { isReviewer, reviewerRoleOf, reviewsPlan } from '../core/access/casework-roles';
import { ownStudentId } from '../core/access/family';
import { orNobody, recordResource } from '../core/access/record-resource';
import { planReviewed } from '../core/messages/plan-reviewed';
import { planReview } from '../core/support/plan-review';
import { reviewerNow, startPlan } from '../core/support/plan-start';
import { planSave, planSubmit, planTransition, type PlanState } from '../core/support/plan-workflow';
import type { PlanQueueRow, SupportApi } from '../../types/api/support';
import { reviewersText, type PlanEvent, type StudyPlan } from '../../types/support';
import { myPlan } from '../application/casework/my-casework';
import { planView } from '../application/casework/plan-view';
import { studentUserId } from '../application/notices/settings';
import { loadWarning } from '../application/repositories/warnings';
import {
  addPlan,
  loadPlan,
  planIdOf,
  planOfWarning,
  plansOfClasses,
  updatePlan,
} from '../application/repositories/plans';
import { enqueue } from '../platform/messenger/outbox';
import { classesByIds, loadStudent, studentResource } from '../platform/directory/directory';
import type { Context, Handlers } from '../platform/runtime/define-function';

/** The stored plan as the pure workflow sees it. */
function planState(plan: StudyPlan): PlanState {
  return { status: plan.status, lines: plan.lines, failedCourses: plan.failedCourses, hasReport: plan.report !== null };
}

function event(ctx: Context, status: StudyPlan['status'], note: string): PlanEvent {
  return { status, at: ctx.nowIso(), by: ctx.actor.userId, byName: ctx.actor.name, note };
}

/** How a missing warning is named to the student. */
const CASE_WARNING = '该学业警示';

const planResource = (ctx: Context, planId: string) => orNobody(() => loadPlan(ctx.store, planId), recordResource);

export const planHandlers: Handlers<
  Pick<SupportApi, 'myPlan' | 'savePlan' | 'submitPlan' | 'reviewPlan' | 'reportPlan' | 'plan' | 'planQueue'>
> = {
  myPlan: {
    permission: 'plan.write',
    resource: (ctx) => studentResource(ctx.store, ownStudentId(ctx.actor)),
    run: (ctx) => myPlan(ctx),
  },

  savePlan: {
    permission: 'plan.write',
    resource: (ctx, input) => orNobody(() => loadWarning(ctx.store, input.warningId, CASE_WARNING), recordResource),
    async run(ctx, input) {
      const warning = await loadWarning(ctx.store, input.warningId, CASE_WARNING);
      const existing = await planOfWarning(ctx.store, warning._id);
      const failedCourses = existing?.failedCourses ?? warning.failedCourses;
      const lines = planSave(warning.status, existing ? planState(existing) : null, failedCourses, input.lines);
      const student = await loadStudent(ctx.store, warning.studentId);
      if (existing) {
        const saved = await ctx.store.transaction((tx) =>
          updatePlan(
            tx,
            existing,
            { lines, analysis: input.analysis, goals: input.goals, at: ctx.nowIso() },
            ctx.write(),
          ),
        );
        return planView(ctx, saved, student.cohort);
      }
      const plan = startPlan({
        planId: planIdOf(warning._id),
        warning,
        student,
        failedCourses,
        lines,
        text: { analysis: input.analysis, goals: input.goals },
        by: { userId: ctx.actor.userId, name: ctx.actor.name },
        now: ctx.nowIso(),
      });
      return planView(ctx, await addPlan(ctx.store, plan, ctx.write()), student.cohort);
    },
  },

  submitPlan: {
    permission: 'plan.write',
    resource: (ctx, input) => planResource(ctx, input.planId),
    async run(ctx, input) {
      const plan = await loadPlan(ctx.store, input.planId);
      const student = await loadStudent(ctx.store, plan.studentId);
      const { status, note } = planSubmit(planState(plan), input.signature, student.name);
      const at = ctx.nowIso();
      const change = {
        status,
        signature: { name: student.name, at },
        reviewerRole: reviewerNow(student.cohort, at),
        history: [...plan.history, event(ctx, status, note)],
      };
      const saved = await ctx.store.transaction((tx) => updatePlan(tx, plan, change, ctx.write()));
      return planView(ctx, saved, student.cohort);
    },
  },

  reviewPlan: {
    permission: 'plan.review',
    resource: (ctx, input) => planResource(ctx, input.planId),
    async run(ctx, input) {
      const plan = await loadPlan(ctx.store, input.planId);
      const student = await loadStudent(ctx.store, plan.studentId);
      const decided = planReview(
        plan,
        reviewerRoleOf(ctx.actor, plan),
        input,
        { userId: ctx.actor.userId, name: ctx.actor.name },
        ctx.nowIso(),
      );
      // The student is told in the same transaction as the review (approved, or returned to edit).
      const studentUser = await ctx.store.get('users', studentUserId(plan.studentId));
      const saved = await ctx.store.transaction(async (tx) => {
        const next = await updatePlan(
          tx,
          plan,
          {
            status: decided.status,
            review: decided.review,
            approvals: decided.approvals,
            history: [...plan.history, decided.entry],
          },
          ctx.write(),
        );
        if (studentUser)
          await enqueue(
            tx,
            planReviewed(plan, { userId: studentUser._id, openid: studentUser.openid }, decided.review),
            ctx.write(),
          );
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
      const saved = await ctx.store.transaction((tx) =>
        updatePlan(tx, plan, { report: { text: input.report, at: ctx.nowIso() } }, ctx.write()),
      );
      return planView(ctx, saved, student.cohort);
    },
  },

  plan: {
    permission: 'case.read',
    resource: (ctx, input) => planResource(ctx, input.planId),
    async run(ctx, input) {
      const plan = await loadPlan(ctx.store, input.planId);
      // A parent sees only what is addressed to them; the plan is between the student and staff.
      refuseParentAudience(ctx.actor, recordResource(plan));
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
      const plans = (await plansOfClasses(ctx.store, classIds, { status: { neq: 'draft' } })).filter((p) =>
        reviewsPlan(ctx.actor, p),
      );
      const classes = new Map((await classesByIds(ctx.store, classIds)).map((c) => [c._id, c.name]));
      const rank = (p: StudyPlan) =>
        p.status === 'submitted' && isReviewer(ctx.actor, p) ? 0 : p.status === 'submitted' ? 1 : 2;
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
