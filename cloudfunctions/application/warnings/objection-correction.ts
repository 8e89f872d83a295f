import type { RunEntry } from '../../../types/api/warnings';
import { type GradeCorrection, type GradeRowChange } from '../../../types/grade';
import type { Notice } from '../../../types/notice';
import { type Warning } from '../../../types/warning';
import { gradeDocId } from '../../core/grades/grade-doc-id';
import { replaceEntry } from '../../core/publishing/entry-filter';
import { describeCorrection } from '../../core/publishing/grade-corrections';
import {
  assertChangesAsked,
  assertWarningOpen,
  correctionOutcome,
  openWarning,
  gradeCorrections,
  holdingRun,
  policyOfWarning,
  type CorrectionOutcome,
} from '../../core/publishing/objection-correction';
import type { Context } from '../../platform/runtime/define-function';
import type { Stored, TxStore, WriteContext } from '../../platform/store/store';
import { studentGrades } from './college-data';
import { loadWarning } from '../repositories/warnings';
import { latestPublished, type WarningRun } from '../repositories/runs';
import { noteWarningInDigest } from '../digests/warning-digest-store';
import { reevaluateStudent } from './reevaluate-student';

/** Everything a correction writes, decided before the transaction (which can only get, add and update). */
export type CorrectionPlan = {
  warning: Stored<Warning>;
  corrections: GradeCorrection[];
  outcome: CorrectionOutcome;
  /** The published run whose list shows the student, with the student's re-judged entry. */
  run: { run: Stored<WarningRun>; entry: RunEntry | null } | null;
  /** Lines for the corrected notice: what was corrected. */
  lines: string[];
};

/**
 * The clerk's correction of an objection, planned: the asked rows must be the student's stored
 * grades, each change must change something, and a corrected result must be readable. The student
 * is then judged again on the corrected rows, on the list the warning stands on now.
 */
export async function planCorrection(
  ctx: Context,
  notice: Stored<Notice>,
  changes: GradeRowChange[],
  reason: string,
): Promise<CorrectionPlan> {
  assertChangesAsked(changes);
  const warning = await loadWarning(ctx.store, notice.warningId, '该通知对应的警示记录');
  assertWarningOpen(warning);
  const policy = policyOfWarning(warning);
  const rows = new Map((await studentGrades(ctx.store, warning.studentId)).map((r) => [gradeDocId(r), r]));
  const at = ctx.nowIso();
  const corrections = gradeCorrections(warning, policy, rows, changes, {
    noticeId: notice._id,
    reason,
    by: ctx.actor.userId,
    byName: ctx.actor.name,
    at,
  });

  // An active warning stands on the latest published list; a few more cover a list being published.
  const published = await latestPublished(ctx.store, warning.collegeId, 3);
  const holding = holdingRun(published, warning);
  // Judged against what stood before this warning (the run that wrote it), never against the
  // warning itself: a list that kept it would otherwise carry the corrected level over unchanged.
  const origin = await ctx.store.get('warningRuns', warning.runId);
  const basis = { semester: holding?.semester ?? warning.semester, previous: origin?.previous ?? [] };
  const manual = (holding?.manual ?? []).filter((m) => m.studentId === warning.studentId);
  const entry = await reevaluateStudent(ctx, basis, policy, warning.studentId, manual, corrections, {
    keepUnlisted: true,
  });
  const listed = entry !== null && entry.level !== null ? entry : null;
  const outcome = correctionOutcome(policy, warning, listed, {
    at,
    by: ctx.actor.userId,
    byName: ctx.actor.name,
    reason,
    correctionIds: corrections.map((c) => c._id),
  });
  return {
    warning,
    corrections,
    outcome,
    run: holding ? { run: holding, entry } : null,
    lines: corrections.map((c) => `已更正：${describeCorrection(c)}`),
  };
}

/**
 * Inside the caller's transaction: the corrections are stored, the warning takes the re-judged
 * level (or is withdrawn), and the list it stands on shows the corrected entry — so the 汇总表
 * and every later run agree with the corrected notice.
 */
export async function applyCorrectionInTx(
  tx: TxStore,
  plan: CorrectionPlan,
  write: WriteContext,
): Promise<Stored<Warning>> {
  for (const c of plan.corrections)
    if (!(await tx.get('gradeCorrections', c._id))) await tx.add('gradeCorrections', c, write);
  const current = await tx.get('warnings', plan.warning._id);
  const open = openWarning(current);
  const warning = await tx.update('warnings', open._id, plan.outcome.patch, open._version, write);
  await noteWarningInDigest(tx, warning, write);
  if (plan.run) {
    const run = await tx.get('warningRuns', plan.run.run._id);
    if (run)
      await tx.update(
        'warningRuns',
        run._id,
        { entries: replaceEntry(run.entries, warning.studentId, plan.run.entry) },
        run._version,
        write,
      );
  }
  return warning;
}
