import type { RunEntry } from '../../types/api/warnings';
import type { ManualEntry, ManualReason } from '../../types/policy';
import { assertMayChangeManual, assertStudentOfRun, type ManualChange } from '../core/access/manual-change';
import { assertManualAdditions } from '../core/publishing/manual-change';
import { assertDraft, policyOfRun } from '../core/publishing/run-state';
import { replaceEntry } from '../core/publishing/entry-filter';
import { loadStudent } from '../platform/directory/directory';
import type { Context } from '../platform/runtime/define-function';
import { loadRun } from '../application/repositories/runs';
import { reevaluateStudent } from '../application/warnings/reevaluate-student';

async function change(
  ctx: Context,
  runId: string,
  studentId: string,
  kind: ManualChange,
  entry: ManualEntry | null,
): Promise<RunEntry | null> {
  const run = await loadRun(ctx.store, runId);
  assertDraft(run);
  const student = await loadStudent(ctx.store, studentId);
  assertStudentOfRun(student, run);
  const policy = policyOfRun(run);
  assertMayChangeManual(ctx.actor, policy, run, kind, {
    studentId,
    classId: student.classId,
    collegeId: student.collegeId,
  });
  const manual = run.manual.filter((m) => m.studentId !== studentId).concat(entry === null ? [] : [entry]);
  const updated = await reevaluateStudent(ctx, run, policy, studentId, manual);
  await ctx.store.update(
    'warningRuns',
    run._id,
    {
      manual: manual.sort((a, b) => (a.studentId < b.studentId ? -1 : 1)),
      entries: replaceEntry(run.entries, studentId, updated),
    },
    run._version,
    ctx.write(),
  );
  return updated;
}

export async function addManual(
  ctx: Context,
  input: { runId: string; studentId: string; level: string; reason: ManualReason; note?: string | undefined },
): Promise<RunEntry> {
  const entry: ManualEntry = {
    action: 'add',
    studentId: input.studentId,
    level: input.level,
    reason: input.reason,
    by: ctx.actor.userId,
  };
  if (input.note) entry.note = input.note;
  const run = await loadRun(ctx.store, input.runId);
  const policy = policyOfRun(run);
  assertManualAdditions(policy);
  const result = await change(ctx, input.runId, input.studentId, 'add', entry);
  if (!result) throw new Error('a manual addition must list the student');
  return result;
}

export function removeManual(
  ctx: Context,
  input: { runId: string; studentId: string; note: string },
): Promise<RunEntry | null> {
  return change(ctx, input.runId, input.studentId, 'remove', {
    action: 'remove',
    studentId: input.studentId,
    note: input.note,
    by: ctx.actor.userId,
  });
}

export function clearManual(ctx: Context, input: { runId: string; studentId: string }): Promise<RunEntry | null> {
  return change(ctx, input.runId, input.studentId, 'clear', null);
}
