import type { RunEntry } from '../../types/api/warnings';
import type { ManualEntry, ManualReason, Policy } from '../../types/policy';
import { grantsFor } from '../core/access/authorize';
import { AccessDeniedError, DomainError, NotFoundError } from '../core/errors';
import { replaceEntry } from '../core/publishing/entry-filter';
import { loadStudent } from '../platform/directory/directory';
import type { Context } from '../platform/runtime/define-function';
import { assertDraft, loadRun, policyOfRun, RUNS, type WarningRun } from './run-doc';
import { reevaluateStudent } from './run-action';

/**
 * Seed 002: head teachers and counselors may add students to the clerk's list. The clerk, who
 * compiles the list, may always change it; class staff only when the policy names their role.
 */
function assertMayChange(ctx: Context, policy: Policy, resource: { studentId: string; classId: string; collegeId: string }): void {
  const grants = grantsFor(ctx.actor, 'warnings.addManual', resource);
  const allowed = grants.some((g) => g.role === 'clerk' || policy.manualAdditions.roles.includes(g.role));
  if (!allowed) throw new AccessDeniedError(`“${policy.name}”不允许你的角色人工调整名单`);
}

async function change(ctx: Context, runId: string, studentId: string, entry: ManualEntry | null): Promise<RunEntry | null> {
  const run = await loadRun(ctx.store, runId);
  assertDraft(run);
  const student = await loadStudent(ctx.store, studentId);
  if (student.collegeId !== run.collegeId) throw new NotFoundError('该学生');
  const policy = policyOfRun(run);
  assertMayChange(ctx, policy, { studentId, classId: student.classId, collegeId: student.collegeId });
  const manual = run.manual.filter((m) => m.studentId !== studentId).concat(entry === null ? [] : [entry]);
  const updated = await reevaluateStudent(ctx, run, policy, studentId, manual);
  await ctx.store.update<WarningRun>(
    RUNS,
    run._id,
    { manual: manual.sort((a, b) => (a.studentId < b.studentId ? -1 : 1)), entries: replaceEntry(run.entries, studentId, updated) },
    run._version,
    ctx.write(),
  );
  return updated;
}

export async function addManual(ctx: Context, input: { runId: string; studentId: string; level: string; reason: ManualReason; note?: string | undefined }): Promise<RunEntry> {
  const entry: ManualEntry = { action: 'add', studentId: input.studentId, level: input.level, reason: input.reason, by: ctx.actor.userId };
  if (input.note) entry.note = input.note;
  const run = await loadRun(ctx.store, input.runId);
  const policy = policyOfRun(run);
  if (!policy.manualAdditions.allowed) throw new DomainError('MANUAL.NOT_ALLOWED', `“${policy.name}”不允许人工补充名单`);
  const result = await change(ctx, input.runId, input.studentId, entry);
  if (!result) throw new Error('a manual addition must list the student');
  return result;
}

export function removeManual(ctx: Context, input: { runId: string; studentId: string; note: string }): Promise<RunEntry | null> {
  return change(ctx, input.runId, input.studentId, { action: 'remove', studentId: input.studentId, note: input.note, by: ctx.actor.userId });
}

export function clearManual(ctx: Context, input: { runId: string; studentId: string }): Promise<RunEntry | null> {
  return change(ctx, input.runId, input.studentId, null);
}
