import type { RunEntry, RunSummary } from '../../types/api/warnings';
import { GRADE_CORRECTIONS, type GradeCorrection, type GradeRow } from '../../types/grade';
import type { ManualEntry, Policy } from '../../types/policy';
import { DomainError } from '../core/errors';
import { policyFor } from '../core/publishing/college-policies';
import { withParameters } from '../core/rules/parameters';
import { collegeParameterValues } from '../application/policies/settings-store';
import { correctedRows, correctionLines } from '../core/publishing/grade-corrections';
import { isListed, owedCourses, toRunEntries, toRunEntry, type EntryDirectory } from '../core/publishing/run-entries';
import { evaluatePolicy, type Evaluation } from '../core/rules';
import { usersByIds } from '../platform/directory/directory';
import type { Context } from '../platform/runtime/define-function';
import { queryAll } from '../platform/store/store';
import { collegeClasses, collegeGrades, collegeStudents, studentGrades } from './college-data';
import { collegeNow } from './publishability';
import { RUNS, summaryOf, type WarningRun } from './run-doc';

/** Department of each course as the grades name it (the smallest, so row order does not matter). */
function departmentsOf(rows: ReadonlyArray<GradeRow>): Map<string, string> {
  const out = new Map<string, string>();
  for (const row of rows) {
    if (!row.departmentId) continue;
    const seen = out.get(row.courseCode);
    if (seen === undefined || row.departmentId < seen) out.set(row.courseCode, row.departmentId);
  }
  return out;
}

function flagged(evaluation: Evaluation, rows: ReadonlyArray<GradeRow>): Pick<WarningRun, 'courses' | 'teachers'> {
  const departments = departmentsOf(rows);
  const courses = evaluation.courses.filter((c) => c.flagged).map((c) => ({ ...c, departmentId: c.departmentId ?? departments.get(c.courseCode) ?? null }));
  const teachers = evaluation.teachers
    .filter((t) => t.flagged)
    .map((t) => ({ ...t, departmentId: t.departmentId ?? t.courseCodes.map((code) => departments.get(code)).find((d) => d !== undefined) ?? null }));
  return { courses, teachers };
}

/**
 * Evaluates the college's policy over its grades up to the semester, against the students'
 * active warnings, and stores the result as a draft run. The same data gives the same entries.
 */
export async function runPolicy(ctx: Context, collegeId: string, semester: string, policyId: string | undefined): Promise<RunSummary> {
  const preset = policyFor(collegeId, policyId);
  // The college's own thresholds (gxu-ee's university ones), set in the app (policies.save).
  const policy = preset && withParameters(preset, await collegeParameterValues(ctx.store, collegeId, preset.id));
  if (!policy) throw new DomainError('POLICY.UNKNOWN', policyId ? `没有这个警示政策：${policyId}` : '本学院尚未配置警示政策', 'policyId');
  const classes = await collegeClasses(ctx.store, collegeId);
  // Grade rows as corrected after objections: every run reads them so, and the draft records how many it saw.
  const corrections = await queryAll<GradeCorrection>(ctx.store, GRADE_CORRECTIONS, { where: { collegeId }, orderBy: [{ field: '_id', direction: 'asc' }] });
  const rows = correctedRows(
    await collegeGrades(
      ctx.store,
      classes.map((c) => c._id),
      semester,
    ),
    corrections,
  );
  const now = await collegeNow(ctx.store, collegeId);
  const active = now.active;
  const previous = active.map((w) => ({ studentId: w.studentId, level: w.level, warningId: w._id }));
  const evaluation = evaluatePolicy(policy, rows, { semester, previous });
  const students = await collegeStudents(ctx.store, collegeId);
  const dir: EntryDirectory = {
    students: new Map(students.map((s) => [s._id, { name: s.name, classId: s.classId }])),
    classNames: new Map(classes.map((c) => [c._id, c.name])),
    userNames: new Map(),
    previousWarnings: new Map(previous.map((p) => [p.studentId, p.warningId])),
  };
  const doc: WarningRun = {
    collegeId,
    semester,
    policyId: policy.id,
    policyName: policy.name,
    status: 'draft',
    entries: withCorrections(toRunEntries(policy, evaluation, rows, dir), corrections, semester),
    ...flagged(evaluation, rows),
    threshold: policy.courseAnalysis.failRateAbove,
    previous,
    manual: [],
    rejectedManual: [],
    gradeRows: rows.length,
    students: evaluation.students.length,
    createdByName: ctx.actor.name,
    publishing: null,
    publishedAt: null,
    publishedBy: null,
    publishedByName: null,
    basis: { publishedRunId: (await now.lastPublishOf(semester))?.runId ?? null, corrections: corrections.length },
    discarded: null,
  };
  return summaryOf(await ctx.store.add(RUNS, doc, ctx.write()));
}

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
  const stored = await queryAll<GradeCorrection>(ctx.store, GRADE_CORRECTIONS, { where: { studentId } });
  const corrections = [...stored, ...newCorrections];
  const rows = correctedRows(await studentGrades(ctx.store, studentId), corrections);
  const previous = run.previous.filter((p) => p.studentId === studentId);
  const mine = manual.filter((m) => m.studentId === studentId);
  const evaluation = evaluatePolicy(policy, rows, { semester: run.semester, previous, manual: mine });
  const rejected = evaluation.rejectedManual[0];
  if (rejected) throw new DomainError('MANUAL.REJECTED', rejected.message, 'reason');
  const result = evaluation.students.find((s) => s.studentId === studentId);
  if (!result || (!isListed(result) && options.keepUnlisted !== true)) return null;
  const student = await ctx.store.get<{ name: string; classId: string }>('students', studentId);
  const cls = student ? await ctx.store.get<{ name: string }>('classes', student.classId) : null;
  const users = await usersByIds(ctx.store, mine.map((m) => m.by));
  const dir: EntryDirectory = {
    students: new Map(student ? [[studentId, { name: student.name, classId: student.classId }]] : []),
    classNames: new Map(student && cls ? [[student.classId, cls.name]] : []),
    userNames: new Map([...users.values()].map((u) => [u._id, u.name])),
    previousWarnings: new Map(previous.map((p) => [p.studentId, p.warningId])),
  };
  const owed = owedCourses(policy, run.semester, rows, new Set([studentId]));
  const [entry] = withCorrections([toRunEntry(policy, result, dir, owed.get(studentId) ?? [])], corrections, run.semester);
  return entry ?? null;
}

/** Entries carry the student's corrected grade rows, so the list and the 汇总表 show them. */
function withCorrections(entries: RunEntry[], corrections: ReadonlyArray<GradeCorrection>, semester: string): RunEntry[] {
  if (corrections.length === 0) return entries;
  const lines = correctionLines(corrections, semester);
  return entries.map((e) => {
    const mine = lines.get(e.studentId);
    return mine ? { ...e, corrections: mine } : e;
  });
}
