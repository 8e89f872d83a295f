import type { RunSummary } from '../../types/api/warnings';
import { type GradeRow } from '../../types/grade';
import { policyFor } from '../core/publishing/college-policies';
import { requirePolicy } from '../core/publishing/manual-change';
import { withParameters } from '../core/rules/parameters';
import { collegeParameterValues } from '../application/policies/settings-store';
import { correctedRows } from '../core/publishing/grade-corrections';
import { toRunEntries, type EntryDirectory } from '../core/publishing/run-entries';
import { evaluatePolicy, type Evaluation } from '../core/rules';
import type { Context } from '../platform/runtime/define-function';
import { queryAll } from '../platform/store/store';
import { collegeClasses, collegeGrades, collegeStudents } from '../application/warnings/college-data';
import { collegeNow } from '../application/warnings/publishability';
import { withCorrections } from '../application/warnings/reevaluate-student';
import { type WarningRun } from '../application/repositories/runs';
import { summaryOf } from '../application/warnings/run-summary';

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
  const courses = evaluation.courses
    .filter((c) => c.flagged)
    .map((c) => ({ ...c, departmentId: c.departmentId ?? departments.get(c.courseCode) ?? null }));
  const teachers = evaluation.teachers
    .filter((t) => t.flagged)
    .map((t) => ({
      ...t,
      departmentId:
        t.departmentId ?? t.courseCodes.map((code) => departments.get(code)).find((d) => d !== undefined) ?? null,
    }));
  return { courses, teachers };
}

/**
 * Evaluates the college's policy over its grades up to the semester, against the students'
 * active warnings, and stores the result as a draft run. The same data gives the same entries.
 */
export async function runPolicy(
  ctx: Context,
  collegeId: string,
  semester: string,
  policyId: string | undefined,
): Promise<RunSummary> {
  const preset = policyFor(collegeId, policyId);
  // The college's own thresholds (gxu-ee's university ones), set in the app (policies.save).
  const policy = requirePolicy(
    preset && withParameters(preset, await collegeParameterValues(ctx.store, collegeId, preset.id)),
    policyId,
  );
  const classes = await collegeClasses(ctx.store, collegeId);
  // Grade rows as corrected after objections: every run reads them so, and the draft records how many it saw.
  const corrections = await queryAll(ctx.store, 'gradeCorrections', {
    where: { collegeId },
    orderBy: [{ field: '_id', direction: 'asc' }],
  });
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
  return summaryOf(await ctx.store.add('warningRuns', doc, ctx.write()));
}
