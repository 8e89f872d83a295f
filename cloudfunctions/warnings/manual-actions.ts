import type { RunEntry } from '../../types/api/warnings';
import type { ManualEntry, ManualReason, Policy } from '../../types/policy';
import { grantsFor } from '../core/access/authorize';
import { AccessDeniedError, DomainError, NotFoundError } from '../core/errors';
import { replaceEntry } from '../core/publishing/entry-filter';
import { loadStudent } from '../platform/directory/directory';
import type { Context } from '../platform/runtime/define-function';
import { assertDraft, loadRun, policyOfRun, RUNS, type WarningRun } from './run-doc';
import { reevaluateStudent } from './run-action';

type Change = 'add' | 'remove' | 'clear';

/**
 * Seed 002: head teachers and counselors may add students to the clerk's list; the clerk, who
 * compiles the list, may change it in every way. So only the run's clerk removes a student or
 * undoes a change, and class staff may not overwrite a change someone else made.
 */
function assertMayChange(ctx: Context, policy: Policy, run: WarningRun, kind: Change, resource: { studentId: string; classId: string; collegeId: string }): void {
  const grants = grantsFor(ctx.actor, 'warnings.addManual', resource);
  if (grants.some((g) => g.role === 'clerk' && g.collegeId === run.collegeId)) return;
  if (kind !== 'add') throw new AccessDeniedError('只有教学秘书可以把学生移出名单或撤销人工调整');
  if (!grants.some((g) => policy.manualAdditions.roles.includes(g.role))) throw new AccessDeniedError(`“${policy.name}”不允许你的角色人工调整名单`);
  const earlier = run.manual.find((m) => m.studentId === resource.studentId);
  if (earlier && earlier.by !== ctx.actor.userId) throw new AccessDeniedError('该学生的名单已由他人人工调整，如需改动请联系教学秘书');
}

async function change(ctx: Context, runId: string, studentId: string, kind: Change, entry: ManualEntry | null): Promise<RunEntry | null> {
  const run = await loadRun(ctx.store, runId);
  assertDraft(run);
  const student = await loadStudent(ctx.store, studentId);
  if (student.collegeId !== run.collegeId) throw new NotFoundError('该学生');
  const policy = policyOfRun(run);
  assertMayChange(ctx, policy, run, kind, { studentId, classId: student.classId, collegeId: student.collegeId });
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
  const result = await change(ctx, input.runId, input.studentId, 'add', entry);
  if (!result) throw new Error('a manual addition must list the student');
  return result;
}

export function removeManual(ctx: Context, input: { runId: string; studentId: string; note: string }): Promise<RunEntry | null> {
  return change(ctx, input.runId, input.studentId, 'remove', { action: 'remove', studentId: input.studentId, note: input.note, by: ctx.actor.userId });
}

export function clearManual(ctx: Context, input: { runId: string; studentId: string }): Promise<RunEntry | null> {
  return change(ctx, input.runId, input.studentId, 'clear', null);
}
