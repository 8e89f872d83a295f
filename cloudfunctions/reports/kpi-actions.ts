import type { KpiImportResult, KpiReport } from '../../types/api/reports';
import type { Student } from '../../types/domain';
import { DomainError } from '../core/errors';
import { readKpiRows } from '../core/reports/kpi-rows';
import { checkKpiSheet, unreadableKpiFile } from '../core/reports/kpi-file';
import { clerkCollegeOf } from '../core/access/report-reach';
import { kpiReport } from '../core/reports/kpis';
import { createScoreReader, presetPolicy } from '../core/rules';
import { GradeFileError, readGradeFile } from '../platform/grades/grade-file';
import type { Context } from '../platform/runtime/define-function';
import { mapSurviving } from '../platform/runtime/skip-bad-records';
import type { ClassKpiDocument } from '../platform/store/documents/small';
import { queryAll, queryIn } from '../platform/store/store';
import { reportScope } from './scope';

/** When the semester has no run to name its policy: the usual 60 (policies default to it too). */
const DEFAULT_PASS_MARK = 60;

type KpiDoc = ClassKpiDocument;

function collegeOf(ctx: Context): string {
  return clerkCollegeOf(ctx.actor);
}

async function readSheet(ctx: Context, fileId: string, roster: ReadonlyMap<string, Student>) {
  try {
    return checkKpiSheet(
      await readKpiRows(await readGradeFile(await ctx.files.localPath(fileId)), (id) => roster.has(id)),
    );
  } catch (error) {
    if (error instanceof DomainError) throw error;
    if (error instanceof GradeFileError) throw unreadableKpiFile(error.message);
    // A library's own message (maybe English) goes to the log; the clerk reads a fixed one.
    console.error('[kpi import] unreadable file', error);
    throw unreadableKpiFile();
  }
}

/** Reads the sheet (the same reader as grade imports) and writes one record per good row when `write`. */
export async function importKpis(
  ctx: Context,
  fileId: string,
  semester: string,
  write: boolean,
): Promise<KpiImportResult> {
  const collegeId = collegeOf(ctx);
  const roster = new Map((await queryAll(ctx.store, 'students', { where: { collegeId } })).map((s) => [s._id, s]));
  const sheet = await readSheet(ctx, fileId, roster);
  let written = 0;
  if (write) {
    for (const f of sheet.facts) {
      const student = roster.get(f.studentId);
      if (!student) continue;
      const doc: KpiDoc = {
        ...f,
        _id: `kpi:${semester}:${f.studentId}`,
        collegeId,
        classId: student.classId,
        semester,
      };
      const changed = await ctx.store.transaction(async (tx) => {
        const old = await tx.get('classKpis', doc._id);
        if (!old) return (await tx.add('classKpis', doc, ctx.write()), true);
        if (
          old.postgraduate === doc.postgraduate &&
          old.cet === doc.cet &&
          old.doubleCertificate === doc.doubleCertificate &&
          old.awards === doc.awards &&
          old.classId === doc.classId
        )
          return false;
        await tx.update(
          'classKpis',
          doc._id,
          {
            postgraduate: doc.postgraduate,
            cet: doc.cet,
            doubleCertificate: doc.doubleCertificate,
            awards: doc.awards,
            classId: doc.classId,
          },
          old._version,
          ctx.write(),
        );
        return true;
      });
      if (changed) written += 1;
    }
  }
  return { rows: sheet.rows, accepted: sheet.facts.length, errors: sheet.errors.slice(0, 500), written };
}

export async function kpis(ctx: Context, semester: string): Promise<KpiReport> {
  const scope = await reportScope(ctx, 'kpi.read');
  const classIds = scope.classes.map((c) => c._id);
  const students = await queryIn(ctx.store, 'students', 'classId', classIds);
  const runs = scope.collegeId
    ? await queryAll(ctx.store, 'warningRuns', { where: { collegeId: scope.collegeId, semester } })
    : [];
  const read = createScoreReader(presetPolicy(runs[0]?.policyId ?? '')?.passMark ?? DEFAULT_PASS_MARK);
  // By student only (indexed, ≤ 200 a query; the semester is picked here): a filter on the semester too lets
  // SQLite walk the semester's index over every college. What is read grows with the college, not the school.
  const grades = (
    await queryIn(
      ctx.store,
      'grades',
      'studentId',
      students.map((s) => s._id),
    )
  ).filter((g) => g.semester === semester && g.attempt === 'regular');
  const inScope = new Set(students.map((s) => s._id));
  const results = mapSurviving(
    'grades',
    grades,
    (g) => g._id,
    (g) => ({ studentId: g.studentId, outcome: read(g.score).outcome }),
  )
    .filter((r) => r.outcome !== 'none' && inScope.has(r.studentId))
    .map((r) => ({ studentId: r.studentId, failed: r.outcome === 'fail' }));
  const imported = (await queryIn(ctx.store, 'classKpis', 'classId', classIds, { where: { semester } })).filter((k) =>
    inScope.has(k.studentId),
  );
  return kpiReport({
    semester,
    collegeName: scope.collegeName,
    classes: scope.facts,
    students: students.map((s) => ({ studentId: s._id, classId: s.classId })),
    results,
    imported,
  });
}
