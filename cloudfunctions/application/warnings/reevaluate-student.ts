import type { RunEntry } from '../../../types/api/warnings';
import { type GradeCorrection } from '../../../types/grade';
import type { ManualEntry, Policy } from '../../../types/policy';
import { correctedRows, correctionLines } from '../../core/publishing/grade-corrections';
import { assertManualAccepted } from '../../core/publishing/manual-change';
import { isListed, owedCourses, toRunEntry, type EntryDirectory } from '../../core/publishing/run-entries';
import { evaluatePolicy } from '../../core/rules';
import { usersByIds } from '../../platform/directory/directory';
import type { Context } from '../../platform/runtime/define-function';
import { queryAll } from '../../platform/store/store';
import type { WarningRun } from '../repositories/runs';
import { studentGrades } from './college-data';

/**
 * One student's entry again, with the run's manual entries for them: the student is judged on
 * their own rows (the course tally plays no part in a level), so this equals a whole re-run.
 * Rows are read as corrected (stored corrections plus `newCorrections`, not stored yet);
 * `keepUnlisted` returns the entry of a student the rules no longer list (a withdrawn warning).
 */
export async function reevaluateStudent(
  ctx: Context,
  run: Pick<WarningRun, 'semester' | 'previous'>,
  policy: Policy,
  studentId: string,
  manual: ManualEntry[],
  newCorrections: ReadonlyArray<GradeCorrection> = [],
  options: { keepUnlisted?: boolean } = {},
): Promise<RunEntry | null> {
  const stored = await queryAll(ctx.store, 'gradeCorrections', { where: { studentId } });
  const corrections = [...stored, ...newCorrections];
  const rows = correctedRows(await studentGrades(ctx.store, studentId), corrections);
  const previous = run.previous.filter((p) => p.studentId === studentId);
  const mine = manual.filter((m) => m.studentId === studentId);
  const evaluation = evaluatePolicy(policy, rows, { semester: run.semester, previous, manual: mine });
  const rejected = evaluation.rejectedManual[0];
  assertManualAccepted(rejected);
  const result = evaluation.students.find((s) => s.studentId === studentId);
  if (!result || (!isListed(result) && options.keepUnlisted !== true)) return null;
  const student = await ctx.store.get('students', studentId);
  const cls = student ? await ctx.store.get('classes', student.classId) : null;
  const users = await usersByIds(
    ctx.store,
    mine.map((m) => m.by),
  );
  const dir: EntryDirectory = {
    students: new Map(student ? [[studentId, { name: student.name, classId: student.classId }]] : []),
    classNames: new Map(student && cls ? [[student.classId, cls.name]] : []),
    userNames: new Map([...users.values()].map((u) => [u._id, u.name])),
    previousWarnings: new Map(previous.map((p) => [p.studentId, p.warningId])),
  };
  const owed = owedCourses(policy, run.semester, rows, new Set([studentId]));
  const [entry] = withCorrections(
    [toRunEntry(policy, result, dir, owed.get(studentId) ?? [])],
    corrections,
    run.semester,
  );
  return entry ?? null;
}

/** Entries carry the student's corrected grade rows, so the list and the 汇总表 show them. */
export function withCorrections(
  entries: RunEntry[],
  corrections: ReadonlyArray<GradeCorrection>,
  semester: string,
): RunEntry[] {
  if (corrections.length === 0) return entries;
  const lines = correctionLines(corrections, semester);
  return entries.map((e) => {
    const mine = lines.get(e.studentId);
    return mine ? { ...e, corrections: mine } : e;
  });
}
