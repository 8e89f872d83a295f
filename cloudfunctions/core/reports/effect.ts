import type {
  ConversionRow,
  EffectReport,
  LevelCount,
  Outcome,
  PlanLineResult,
  StaffRow,
  StudentEffect,
  SupportCounts,
} from '../../../types/api/reports';
import { nextSemesterId } from '../calendar/current';
import { conversionBy, conversionRow, emptyTally, addOutcome, rateOf } from './conversion';
import type { ClassFact, GradeFact, PlanFact, SupportFact, WarningFact } from './facts';
import { outcomeOf, standingWarnings } from './outcome';

export type EffectFacts = {
  semester: string;
  collegeName: string;
  classes: readonly ClassFact[];
  staffNames: ReadonlyMap<string, string>;
  /** Every warning of the classes in scope, all semesters (the trend and the level chart read them). */
  warnings: readonly WarningFact[];
  /** Semesters whose list was published (a semester's outcomes are final once the next one's is). */
  publishedSemesters: ReadonlySet<string>;
  plans: readonly PlanFact[];
  grades: readonly GradeFact[];
  support: readonly SupportFact[];
  enrolled: ReadonlySet<string>;
};

type Judged = { before: WarningFact; after: WarningFact | undefined; outcome: Outcome; cls: ClassFact };

function judgeSemester(facts: EffectFacts, semester: string, classes: ReadonlyMap<string, ClassFact>): Judged[] {
  const next = nextSemesterId(semester);
  const before = standingWarnings(facts.warnings, semester);
  const after = standingWarnings(facts.warnings, next);
  const published = facts.publishedSemesters.has(next);
  const out: Judged[] = [];
  for (const w of before.values()) {
    const cls = classes.get(w.classId);
    if (!cls) continue;
    const a = after.get(w.studentId);
    out.push({ before: w, after: a, outcome: outcomeOf(w, a, facts.enrolled.has(w.studentId), published), cls });
  }
  return out.sort((x, y) => (x.before.studentId < y.before.studentId ? -1 : 1));
}

/** Each plan line (or owed course, when no plan was made) against the grades after the semester. */
function lineResults(w: WarningFact, plan: PlanFact | undefined, grades: readonly GradeFact[]): PlanLineResult[] {
  const lines = plan
    ? plan.lines.map((l) => ({ code: l.courseCode, name: l.courseName, planned: true }))
    : w.failedCourses.map((c) => ({ code: c.code, name: c.name, planned: false }));
  return lines.map((l) => {
    const later = grades.filter(
      (g) => g.studentId === w.studentId && g.courseCode === l.code && g.semester > w.semester,
    );
    return {
      courseCode: l.code,
      courseName: l.name,
      planned: l.planned,
      retaken: later.some((g) => g.outcome !== 'none'),
      passed: later.some((g) => g.outcome === 'pass'),
    };
  });
}

/** Support between the warning's publication and the next one (or the lifting). */
function supportOf(j: Judged, support: readonly SupportFact[]): SupportCounts {
  const from = j.before.publishedAt;
  const until = j.after?.publishedAt ?? null;
  const counts: SupportCounts = { talks: 0, meetings: 0, pairing: 0, parentContacts: 0 };
  for (const s of support) {
    if (s.studentId !== j.before.studentId || s.at < from || (until !== null && s.at >= until)) continue;
    if (s.kind === 'talk') counts.talks += 1;
    else if (s.kind === 'meeting') counts.meetings += 1;
    else if (s.kind === 'pairing') counts.pairing += 1;
    else counts.parentContacts += 1;
  }
  return counts;
}

function staffRows(
  judged: readonly Judged[],
  facts: EffectFacts,
  semester: string,
  classes: readonly ClassFact[],
): StaffRow[] {
  const nextWarned = standingWarnings(facts.warnings, nextSemesterId(semester));
  const rows: StaffRow[] = [];
  for (const [roleName, idOf] of [
    ['辅导员', (c: ClassFact) => c.counselorId],
    ['班主任', (c: ClassFact) => c.headTeacherId],
  ] as const) {
    const ids = [...new Set(classes.map(idOf))].sort();
    for (const staffId of ids) {
      const theirs = new Set(classes.filter((c) => idOf(c) === staffId).map((c) => c.classId));
      const mine = judged.filter((j) => theirs.has(j.cls.classId));
      const warnedAfter = [...nextWarned.values()].filter((w) => theirs.has(w.classId)).length;
      const lifted = mine.filter((j) => j.outcome === 'lifted').length;
      rows.push({
        staffId,
        name: facts.staffNames.get(staffId) ?? '—',
        role: roleName,
        warnedBefore: mine.length,
        warnedAfter,
        reduction: mine.length - warnedAfter,
        lifted,
        rate: rateOf(lifted, mine.length),
      });
    }
  }
  return rows;
}

function levelCounts(warnings: readonly WarningFact[]): LevelCount[] {
  const semesters = [...new Set(warnings.map((w) => w.semester))].sort();
  const out: LevelCount[] = [];
  for (const semester of semesters) {
    const by = new Map<string, { levelName: string; rank: number; count: number }>();
    for (const w of standingWarnings(warnings, semester).values()) {
      const e = by.get(w.level) ?? { levelName: w.levelName, rank: w.levelRank, count: 0 };
      e.count += 1;
      by.set(w.level, e);
    }
    for (const [level, e] of [...by.entries()].sort((a, b) => a[1].rank - b[1].rank))
      out.push({ semester, level, levelName: e.levelName, count: e.count });
  }
  return out;
}

/** 帮扶效果分析报告 of one semester for the classes in scope (rules: 002-4.2.3.4, 002-5, 004-4.9). */
export function effectReport(facts: EffectFacts): EffectReport {
  const classes = new Map(facts.classes.map((c) => [c.classId, c]));
  const judged = judgeSemester(facts, facts.semester, classes);
  const plans = new Map(facts.plans.map((p) => [p.warningId, p]));
  const students: StudentEffect[] = judged.map((j) => {
    const plan = plans.get(j.before.warningId);
    return {
      studentId: j.before.studentId,
      studentName: j.before.studentName,
      classId: j.cls.classId,
      className: j.cls.name,
      levelBefore: j.before.levelName,
      levelAfter:
        j.outcome === 'lifted' ? null : (j.after?.levelName ?? (j.outcome === 'kept' ? j.before.levelName : null)),
      outcome: j.outcome,
      planStatus: plan?.status ?? null,
      lines: lineResults(j.before, plan, facts.grades),
      support: supportOf(j, facts.support),
    };
  });
  const name = (id: string) => facts.staffNames.get(id) ?? '—';
  const dept = (id: string) => facts.classes.find((c) => c.departmentId === id)?.departmentName ?? id;
  const college = emptyTally();
  for (const j of judged) addOutcome(college, j.outcome);
  const trend: (ConversionRow & { semester: string })[] = [];
  for (const semester of [...new Set(facts.warnings.map((w) => w.semester))].sort()) {
    if (semester > facts.semester) continue;
    const t = emptyTally();
    for (const j of judgeSemester(facts, semester, classes)) addOutcome(t, j.outcome);
    trend.push({ semester, ...conversionRow(semester, semester, t) });
  }
  const outcome = (j: Judged) => j.outcome;
  return {
    semester: facts.semester,
    nextSemester: nextSemesterId(facts.semester),
    ready: facts.publishedSemesters.has(nextSemesterId(facts.semester)),
    students,
    byClass: conversionBy(
      judged,
      (j) => j.cls.classId,
      outcome,
      (id) => classes.get(id)?.name ?? id,
    ),
    byCounselor: conversionBy(judged, (j) => j.cls.counselorId, outcome, name),
    byHeadTeacher: conversionBy(judged, (j) => j.cls.headTeacherId, outcome, name),
    byDepartment: conversionBy(judged, (j) => j.cls.departmentId, outcome, dept),
    college: conversionRow('college', facts.collegeName, college),
    trend,
    staff: staffRows(judged, facts, facts.semester, facts.classes),
    levels: levelCounts(facts.warnings),
  };
}
