import type { KpiReport, KpiRow } from '../../../types/api/reports';
import type { ClassFact } from './facts';
import type { KpiFact } from './kpi-rows';

export type KpiFacts = {
  semester: string;
  collegeName: string;
  classes: readonly ClassFact[];
  /** Students of the classes, by class. */
  students: readonly { studentId: string; classId: string }[];
  /** Regular-exam results of the semester, read against the pass mark ('none' left out). */
  results: readonly { studentId: string; failed: boolean }[];
  imported: readonly KpiFact[];
};

const rate = (yes: number, answered: number) => (answered === 0 ? null : Math.round((yes / answered) * 10000) / 10000);

function rowOf(
  key: string,
  name: string,
  ids: ReadonlySet<string>,
  facts: KpiFacts,
  byStudent: ReadonlyMap<string, KpiFact>,
): KpiRow {
  const results = facts.results.filter((r) => ids.has(r.studentId));
  const own = [...ids].flatMap((id) => {
    const f = byStudent.get(id);
    return f ? [f] : [];
  });
  const share = (pick: (f: KpiFact) => boolean | null) => {
    const answered = own.filter((f) => pick(f) !== null);
    return rate(answered.filter((f) => pick(f) === true).length, answered.length);
  };
  return {
    key,
    name,
    students: ids.size,
    failRate: rate(results.filter((r) => r.failed).length, results.length),
    postgraduateRate: share((f) => f.postgraduate),
    cetRate: share((f) => f.cet),
    doubleCertificateRate: share((f) => f.doubleCertificate),
    awards: own.reduce((n, f) => n + f.awards, 0),
  };
}

/** Class KPIs (rules: 003-10): fail rate from the grades, the imported rates, per class and cohort and for the college. */
export function kpiReport(facts: KpiFacts): KpiReport {
  const byStudent = new Map(facts.imported.map((f) => [f.studentId, f]));
  const idsOf = (classIds: ReadonlySet<string>) =>
    new Set(facts.students.filter((s) => classIds.has(s.classId)).map((s) => s.studentId));
  const byClass = facts.classes.map((c) => rowOf(c.classId, c.name, idsOf(new Set([c.classId])), facts, byStudent));
  const cohorts = [...new Set(facts.classes.map((c) => c.cohort))].sort();
  const byCohort = cohorts.map((y) =>
    rowOf(
      String(y),
      `${y}级`,
      idsOf(new Set(facts.classes.filter((c) => c.cohort === y).map((c) => c.classId))),
      facts,
      byStudent,
    ),
  );
  const college = rowOf(
    'college',
    facts.collegeName,
    idsOf(new Set(facts.classes.map((c) => c.classId))),
    facts,
    byStudent,
  );
  return { semester: facts.semester, byClass, byCohort, college };
}
