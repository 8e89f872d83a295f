import { warningsApi } from '../../types/api/warnings';
import type { Actor } from '../../types/domain';
import { collegeIdsFor, type Resource } from '../core/access/authorize';
import { headedDepartmentIn, ownStudentIds } from '../core/access/own-grants';
import { defaultPolicyId } from '../core/publishing/college-policies';
import { presets } from '../core/rules';
import { studentResource } from '../platform/directory/directory';
import { defineFunction } from '../platform/runtime/define-function';
import type { Store } from '../platform/store/store';
import { collegeOf, collegeResource } from '../application/college/college-of';
import { discardRun } from './discard';
import { draftsFor } from './drafts';
import { addManual, clearManual, removeManual } from './manual-actions';
import { publishRun } from '../application/publishing/publish-run';
import { courseAnalysis, exportSummary, review } from './review';
import { listRuns } from '../application/warnings/run-list';
import { listWarnings, myWarnings } from '../application/warnings/warning-list';
import { runPolicy } from './run-action';

/** The caller's own student id (their student grant), or '' when they are not a student. */
const ownStudentId = (actor: Actor): string => ownStudentIds(actor.grants)[0] ?? '';

/**
 * The run's college; for a department head also their department there, since a run covers every
 * department of its college (what they then see of it is narrowed by the review scope).
 */
async function runResource(ctx: { store: Store; actor: Actor }, runId: string): Promise<Resource> {
  const run = await ctx.store.get('warningRuns', runId);
  if (!run) return {};
  const departmentId = headedDepartmentIn(ctx.actor.grants, run.collegeId);
  return departmentId !== undefined ? { collegeId: run.collegeId, departmentId } : { collegeId: run.collegeId };
}

/** The clerk's workflow (run → review → manual changes → publish → export) and the warning lists. */
export const warningsFunction = defineFunction('warnings', warningsApi, {
  run: {
    permission: 'warnings.run',
    resource: async (ctx, input) => collegeResource(ctx.actor, input.collegeId),
    run: (ctx, input) => runPolicy(ctx, collegeOf(ctx.actor, input.collegeId) ?? '', input.semester, input.policyId),
  },
  runs: {
    permission: 'warnings.review',
    resource: 'list',
    run: (ctx, input) => listRuns(ctx, input.collegeId ?? collegeIdsFor(ctx.actor, 'warnings.review')[0] ?? ''),
  },
  policies: {
    permission: 'warnings.run',
    resource: async (ctx, input) => collegeResource(ctx.actor, input.collegeId),
    run: async (ctx, input) => {
      const fallback = defaultPolicyId(collegeOf(ctx.actor, input.collegeId) ?? '');
      return Object.values(presets)
        .map((p) => ({ id: p.id, name: p.name, source: p.source, isDefault: p.id === fallback }))
        .sort((a, b) => Number(b.isDefault) - Number(a.isDefault) || a.id.localeCompare(b.id));
    },
  },
  review: {
    permission: 'warnings.review',
    resource: (ctx, input) => runResource(ctx, input.runId),
    run: (ctx, input) => review(ctx, input),
  },
  addManual: {
    permission: 'warnings.addManual',
    resource: (ctx, input) => studentResource(ctx.store, input.studentId),
    run: (ctx, input) => addManual(ctx, input),
  },
  // Taking a student off the list, or undoing a change, is the run's clerk's alone (rules: 002-4.2.1, the project's reading).
  removeManual: {
    permission: 'warnings.addManual',
    resource: (ctx, input) => runResource(ctx, input.runId),
    run: (ctx, input) => removeManual(ctx, input),
  },
  clearManual: {
    permission: 'warnings.addManual',
    resource: (ctx, input) => runResource(ctx, input.runId),
    run: (ctx, input) => clearManual(ctx, input),
  },
  drafts: { permission: 'warnings.addManual', resource: 'list', run: (ctx) => draftsFor(ctx) },
  publish: {
    permission: 'warnings.publish',
    resource: (ctx, input) => runResource(ctx, input.runId),
    run: (ctx, input) => publishRun(ctx, input.runId),
  },
  discardRun: {
    permission: 'warnings.publish',
    resource: (ctx, input) => runResource(ctx, input.runId),
    run: (ctx, input) => discardRun(ctx, input.runId),
  },
  exportSummary: {
    permission: 'warnings.review',
    resource: (ctx, input) => runResource(ctx, input.runId),
    run: (ctx, input) => exportSummary(ctx, input.runId),
  },
  courseAnalysis: {
    permission: 'warnings.review',
    resource: (ctx, input) => runResource(ctx, input.runId),
    run: (ctx, input) => courseAnalysis(ctx, input.runId),
  },
  list: { permission: 'warnings.read', resource: 'list', run: (ctx, input) => listWarnings(ctx, input.classId) },
  mine: {
    permission: 'warnings.read',
    resource: async (ctx) => {
      const studentId = ownStudentId(ctx.actor);
      return studentId === '' ? {} : { studentId };
    },
    run: (ctx) => myWarnings(ctx, ownStudentId(ctx.actor)),
  },
});
