import type { PublishResult } from '../../../types/api/warnings';
import { type Warning } from '../../../types/warning';
import { warningLifted } from '../../core/notices/answer-intents';
import { planPublication, type PublishStep } from '../../core/publishing/publish-plan';
import { issueNoticesInTx, loadNoticeNames, type NoticeNames } from '../notices/issue';
import { retireNoticesInTx } from '../notices/retire';
import { tellStudentInTx } from '../notices/tell-student';
import type { Context } from '../../platform/runtime/define-function';
import type { TxStore, WriteContext } from '../../platform/store/store';
import { blockOf, collegeNow } from '../warnings/publishability';
import { noteWarningInDigest } from '../digests/warning-digest-store';
import { loadRun } from '../repositories/runs';
import { warningsOfRun } from '../repositories/warnings';
import { assertPublishable, policyOfRun } from '../../core/publishing/run-state';

/** A call stops taking new students after this long (a cloud function has 60 s); the next call resumes. */
export const publishSettings = { budgetMs: 20_000 };

type StepOutcome = { published: number; superseded: number; lifted: number; notices: number };

/**
 * Called for each warning written, inside its transaction: issues the notice (college stub,
 * student copy, parent copy) and queues the student's message, from cloudfunctions/notices.
 */
async function onWarningPublished(
  tx: TxStore,
  warning: Warning,
  write: WriteContext,
  names: NoticeNames,
): Promise<boolean> {
  return (await issueNoticesInTx(tx, warning, write, names)).created;
}

async function applyStep(
  tx: TxStore,
  step: PublishStep,
  run: { _id: string; publishing: { at: string } },
  write: WriteContext,
  names: Map<string, NoticeNames>,
): Promise<StepOutcome> {
  const out: StepOutcome = { published: 0, superseded: 0, lifted: 0, notices: 0 };
  // An unchanged student keeps their warning and all that hangs on it: nothing is written.
  if (step.kind === 'keep') return out;
  if (step.kind === 'lift') {
    const prev = await tx.get('warnings', step.warningId);
    if (prev && prev.status === 'active') {
      const lifted = await tx.update(
        'warnings',
        prev._id,
        { status: 'lifted', liftedAt: run.publishing.at, liftedByRun: run._id },
        prev._version,
        write,
      );
      await noteWarningInDigest(tx, lifted, write);
      await retireNoticesInTx(tx, prev._id, { kind: 'lifted' }, write);
      await tellStudentInTx(tx, prev.studentId, (to) => warningLifted(prev, to, run.publishing.at), write);
      out.lifted = 1;
    }
    return out;
  }
  // Written already by an earlier, interrupted publish: nothing to do for this student.
  if (await tx.get('warnings', step.warning._id)) return out;
  await tx.add('warnings', step.warning, write);
  await noteWarningInDigest(tx, step.warning, write);
  out.published = 1;
  if (step.supersede !== null) {
    const prev = await tx.get('warnings', step.supersede);
    if (prev && prev.status === 'active') {
      await noteWarningInDigest(
        tx,
        await tx.update(
          'warnings',
          prev._id,
          { status: 'superseded', supersededBy: step.warning._id },
          prev._version,
          write,
        ),
        write,
      );
      await retireNoticesInTx(tx, prev._id, { kind: 'superseded', byWarningId: step.warning._id }, write);
      out.superseded = 1;
    }
  }
  const n = names.get(step.studentId) ?? {
    collegeName: step.warning.collegeId,
    className: step.warning.classId,
    parentName: '家长',
  };
  if (await onWarningPublished(tx, step.warning, write, n)) out.notices = 1;
  return out;
}

/**
 * Publishes a draft run: per student, one transaction writes the warning (deterministic id),
 * supersedes or lifts the earlier one (retiring its notice) and issues the new notice. The run
 * is marked published last, so an interrupted publish is simply called again and resumes where it
 * stopped.
 */
export async function publishRun(
  ctx: Context,
  runId: string,
  budgetMs = publishSettings.budgetMs,
): Promise<PublishResult> {
  const started = Date.now();
  let run = await loadRun(ctx.store, runId);
  const result: PublishResult = {
    runId,
    published: 0,
    superseded: 0,
    lifted: 0,
    kept: 0,
    notices: 0,
    alreadyPublished: run.status === 'published',
    done: true,
    remaining: 0,
  };
  if (run.status === 'published') return result;
  const policy = policyOfRun(run);

  // Published, corrected or discarded since this draft was made: its changes were measured against old facts.
  const now = await collegeNow(ctx.store, run.collegeId);
  const block = await blockOf(run, now);
  assertPublishable(block);
  const active = now.active;

  if (run.publishing === null) {
    run = await ctx.store.update(
      'warningRuns',
      run._id,
      { publishing: { at: ctx.nowIso(), by: ctx.actor.userId } },
      run._version,
      ctx.write(),
    );
  }
  const publishing = run.publishing ?? { at: ctx.nowIso(), by: ctx.actor.userId };
  // What an interrupted call already wrote: this run's warnings, and earlier warnings no longer active.
  const written = new Set((await warningsOfRun(ctx.store, run._id)).map((w) => w._id));
  const stillActive = new Set(active.map((w) => w._id));
  const planned = planPublication(
    { runId: run._id, collegeId: run.collegeId, semester: run.semester, policyId: run.policyId },
    policy,
    run.entries,
    {
      userId: publishing.by,
      at: publishing.at,
    },
  );
  result.kept = planned.filter((s) => s.kind === 'keep').length;
  const steps = planned.filter((s) =>
    s.kind === 'publish' ? !written.has(s.warning._id) : s.kind === 'lift' && stillActive.has(s.warningId),
  );
  const names = await loadNoticeNames(
    ctx.store,
    steps.flatMap((s) => (s.kind === 'publish' ? [s.warning] : [])),
  );
  const write = ctx.write();
  for (let i = 0; i < steps.length; i++) {
    const step = steps[i];
    if (step === undefined) continue;
    // At least one student per call, so every call makes progress.
    if (i > 0 && Date.now() - started > budgetMs) {
      result.done = false;
      result.remaining = steps.length - i;
      return result;
    }
    const out = await ctx.store.transaction((tx) => applyStep(tx, step, { _id: run._id, publishing }, write, names));
    result.published += out.published;
    result.superseded += out.superseded;
    result.lifted += out.lifted;
    result.notices += out.notices;
  }
  const publisher =
    publishing.by === ctx.actor.userId ? ctx.actor.name : ((await ctx.store.get('users', publishing.by))?.name ?? '');
  await ctx.store.update(
    'warningRuns',
    run._id,
    { status: 'published', publishedAt: publishing.at, publishedBy: publishing.by, publishedByName: publisher },
    run._version,
    write,
  );
  return result;
}
