import type { RunEntry } from '../../../types/api/warnings';
import { type GradeCorrection, type GradeRowChange } from '../../../types/grade';
import type { Notice } from '../../../types/notice';
import { type Warning, type WarningCorrection } from '../../../types/warning';
import type { Policy } from '../../../types/policy';
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
import { keptCorrectionOutcome, previousAfterOwnJudgement } from '../../core/publishing/kept-correction';
import type { Context } from '../../platform/runtime/define-function';
import type { Stored, TxStore, WriteContext } from '../../platform/store/store';
import { studentGrades } from './college-data';
import { loadWarning } from '../repositories/warnings';
import { latestPublished, type WarningRun } from '../repositories/runs';
import { noteWarningInDigest } from '../digests/warning-digest-store';
import { reevaluateStudent } from './reevaluate-student';

/** Who corrected, when, why and which correction records: kept on the warning. */
type CorrectionAuditTrail = Omit<WarningCorrection, 'fromLevel' | 'toLevel'>;

/** Everything a correction writes, decided before the transaction (which can only get, add and update). */
export type CorrectionPlan = {
  warning: Stored<Warning>;
  corrections: GradeCorrection[];
  outcome: CorrectionOutcome;
  /** The published runs whose lists show the student, each with the student's re-judged entry. */
  runs: Array<{ run: Stored<WarningRun>; entry: RunEntry | null }>;
  /** Lines for the corrected notice: what was corrected. */
  lines: string[];
};

/**
 * The clerk's correction of an objection, planned: the asked rows must be the student's stored
 * grades, each change must change something, and a corrected result must be readable. The student
 * is then judged again on the corrected rows: on the warning's own semester, and — when a later
 * list kept the warning — on that list, which then decides.
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
  const origin = holding?._id === warning.runId ? holding : await ctx.store.get('warningRuns', warning.runId);
  // Its own semester judged against what stood before this warning (the run that wrote it),
  // never against the warning itself: that would carry the corrected level over unchanged.
  const own = await reevaluateStudent(
    ctx,
    { semester: warning.semester, previous: origin?.previous ?? [] },
    policy,
    warning.studentId,
    (origin?.manual ?? []).filter((m) => m.studentId === warning.studentId),
    corrections,
    { keepUnlisted: true },
  );
  const ownListed = own !== null && own.level !== null ? own : null;
  const audit: CorrectionAuditTrail = {
    at,
    by: ctx.actor.userId,
    byName: ctx.actor.name,
    reason,
    correctionIds: corrections.map((c) => c._id),
  };
  if (holding === null || holding._id === warning.runId) {
    return {
      warning,
      corrections,
      outcome: correctionOutcome(policy, warning, ownListed, audit),
      runs: holding ? [{ run: holding, entry: own }] : [],
      lines: corrections.map((c) => `已更正：${describeCorrection(c)}`),
    };
  }
  return planKeptCorrection(ctx, { warning, corrections, policy, holding, origin, own, audit });
}

/**
 * A later list kept the warning: that list, judged again with the warning as its own semester
 * leaves it, decides what happens next — it never judges the warning without itself and withdraws
 * it. The first list shows the re-judged entry too when the correction touched its semester.
 */
async function planKeptCorrection(
  ctx: Context,
  p: {
    warning: Stored<Warning>;
    corrections: GradeCorrection[];
    policy: Policy;
    holding: Stored<WarningRun>;
    origin: Stored<WarningRun> | null;
    own: RunEntry | null;
    audit: CorrectionAuditTrail;
  },
): Promise<CorrectionPlan> {
  const { warning, corrections, holding, origin, own } = p;
  const ownListed = own !== null && own.level !== null ? own : null;
  const later = await reevaluateStudent(
    ctx,
    { semester: holding.semester, previous: previousAfterOwnJudgement(holding.previous, warning, ownListed) },
    p.policy,
    warning.studentId,
    holding.manual.filter((m) => m.studentId === warning.studentId),
    corrections,
    { keepUnlisted: true },
  );
  const laterRef = {
    runId: holding._id,
    collegeId: holding.collegeId,
    semester: holding.semester,
    policyId: holding.policyId,
  };
  const ownTouched = corrections.some((c) => c.semester <= warning.semester);
  return {
    warning,
    corrections,
    outcome: keptCorrectionOutcome(p.policy, warning, ownListed, { run: laterRef, entry: later }, p.audit),
    runs: [{ run: holding, entry: later }, ...(origin && ownTouched ? [{ run: origin, entry: own }] : [])],
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
  // A later list's new level: its warning, written as that list's publication would have.
  if (plan.outcome.kind === 'replace' && !(await tx.get('warnings', plan.outcome.next._id))) {
    await tx.add('warnings', plan.outcome.next, write);
    await noteWarningInDigest(tx, plan.outcome.next, write);
  }
  for (const { run: planned, entry } of plan.runs) {
    const run = await tx.get('warningRuns', planned._id);
    if (run)
      await tx.update(
        'warningRuns',
        run._id,
        { entries: replaceEntry(run.entries, warning.studentId, entry) },
        run._version,
        write,
      );
  }
  return warning;
}
