import type { RunEntry } from '../../types/api/warnings';
import { GRADE_CORRECTIONS, type GradeCorrection, type GradeRow, type GradeRowChange } from '../../types/grade';
import type { Notice } from '../../types/notice';
import { WARNINGS, type Warning } from '../../types/warning';
import { DomainError, NotFoundError } from '../core/errors';
import { gradeDocId } from '../core/grades/grade-doc-id';
import { replaceEntry } from '../core/publishing/entry-filter';
import { describeCorrection } from '../core/publishing/grade-corrections';
import { correctionOutcome, holdingRun, type CorrectionOutcome } from '../core/publishing/objection-correction';
import { parseScore, presetPolicy } from '../core/rules';
import type { Context } from '../platform/runtime/define-function';
import type { Stored, TxStore, WriteContext } from '../platform/store/store';
import { studentGrades } from './college-data';
import { RUNS, type WarningRun } from './run-doc';
import { noteWarningInDigest } from '../reports/warning-digest-store';
import { reevaluateStudent } from './run-action';

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

function changedRow(row: GradeRow, change: GradeRowChange): boolean {
  if (change.action === 'exclude') return true;
  return change.score !== row.score || (change.credits !== undefined && change.credits !== row.credits);
}

/**
 * The clerk's correction of an objection, planned: the asked rows must be the student's stored
 * grades, each change must change something, and a corrected result must be readable. The student
 * is then judged again on the corrected rows, on the list the warning stands on now.
 */
export async function planCorrection(ctx: Context, notice: Stored<Notice>, changes: GradeRowChange[], reason: string): Promise<CorrectionPlan> {
  if (changes.length === 0) throw new DomainError('INPUT.INVALID', '更正时请选择要不计入或更正的成绩', 'grades');
  const warning = await ctx.store.get<Warning>(WARNINGS, notice.warningId);
  if (!warning) throw new NotFoundError('该通知对应的警示记录');
  if (warning.status !== 'active') throw new DomainError('WARNING.CLOSED', '该警示已解除或被新名单取代，不能再更正；请在当前通知上处理');
  const policy = presetPolicy(warning.policyId);
  if (!policy) throw new DomainError('POLICY.UNKNOWN', `警示政策“${warning.policyId}”已不存在`);

  const rows = new Map((await studentGrades(ctx.store, warning.studentId)).map((r) => [gradeDocId(r), r]));
  const at = ctx.nowIso();
  const corrections: GradeCorrection[] = [];
  for (const [i, change] of changes.entries()) {
    const row = rows.get(change.gradeId);
    if (!row) throw new DomainError('INPUT.INVALID', '所选成绩不是该学生的成绩', `grades.${i}.gradeId`);
    if (change.action === 'correct' && change.score !== undefined && parseScore(change.score, policy.passMark).kind === 'unknown') {
      throw new DomainError('INPUT.INVALID', `成绩无法识别：“${change.score}”`, `grades.${i}.score`);
    }
    if (!changedRow(row, change)) throw new DomainError('INPUT.INVALID', '更正后的成绩与原成绩相同', `grades.${i}.score`);
    corrections.push({
      _id: `gc:${notice._id}:${change.gradeId}`,
      gradeId: change.gradeId,
      studentId: warning.studentId,
      collegeId: warning.collegeId,
      courseCode: row.courseCode,
      courseName: row.courseName,
      semester: row.semester,
      attempt: row.attempt,
      action: change.action,
      before: { score: row.score, credits: row.credits },
      score: change.action === 'correct' ? (change.score ?? row.score) : null,
      credits: change.action === 'correct' ? (change.credits ?? row.credits) : null,
      reason,
      noticeId: notice._id,
      by: ctx.actor.userId,
      byName: ctx.actor.name,
      at,
    });
  }
  if (new Set(corrections.map((c) => c.gradeId)).size !== corrections.length) throw new DomainError('INPUT.INVALID', '同一行成绩只能选一次', 'grades');

  const published = await ctx.store.query<WarningRun>(RUNS, {
    where: { collegeId: warning.collegeId, status: 'published' },
    orderBy: [
      { field: 'publishedAt', direction: 'desc' },
      { field: '_id', direction: 'desc' },
    ],
    // An active warning stands on the latest published list; a few more cover a list being published.
    limit: 3,
  });
  const holding = holdingRun(published, warning);
  // Judged against what stood before this warning (the run that wrote it), never against the
  // warning itself: a list that kept it would otherwise carry the corrected level over unchanged.
  const origin = await ctx.store.get<WarningRun>(RUNS, warning.runId);
  const basis = { semester: holding?.semester ?? warning.semester, previous: origin?.previous ?? [] };
  const manual = (holding?.manual ?? []).filter((m) => m.studentId === warning.studentId);
  const entry = await reevaluateStudent(ctx, basis, policy, warning.studentId, manual, corrections, { keepUnlisted: true });
  const listed = entry !== null && entry.level !== null ? entry : null;
  const outcome = correctionOutcome(policy, warning, listed, { at, by: ctx.actor.userId, byName: ctx.actor.name, reason, correctionIds: corrections.map((c) => c._id) });
  return { warning, corrections, outcome, run: holding ? { run: holding, entry } : null, lines: corrections.map((c) => `已更正：${describeCorrection(c)}`) };
}

/**
 * Inside the caller's transaction: the corrections are stored, the warning takes the re-judged
 * level (or is withdrawn), and the list it stands on shows the corrected entry — so the 汇总表
 * and every later run agree with the corrected notice.
 */
export async function applyCorrectionInTx(tx: TxStore, plan: CorrectionPlan, write: WriteContext): Promise<Stored<Warning>> {
  for (const c of plan.corrections) if (!(await tx.get(GRADE_CORRECTIONS, c._id))) await tx.add(GRADE_CORRECTIONS, c, write);
  const current = await tx.get<Warning>(WARNINGS, plan.warning._id);
  if (!current || current.status !== 'active') throw new DomainError('WARNING.CLOSED', '该警示已解除或被新名单取代，不能再更正；请在当前通知上处理');
  const warning = await tx.update<Warning>(WARNINGS, current._id, plan.outcome.patch, current._version, write);
  await noteWarningInDigest(tx, warning, write);
  if (plan.run) {
    const run = await tx.get<WarningRun>(RUNS, plan.run.run._id);
    if (run) await tx.update<WarningRun>(RUNS, run._id, { entries: replaceEntry(run.entries, warning.studentId, plan.run.entry) }, run._version, write);
  }
  return warning;
}
