import type { User } from '../../types/domain';
import type { EffectFacts } from '../core/reports/effect';
import { digestWarnings } from '../core/reports/warning-digest';
import { liftedBehindWithdrawn } from '../core/reports/withdrawn-successor';
import type { GradeFact, PlanFact, SupportFact, WarningFact } from '../core/reports/facts';
import { createScoreReader, presetPolicy } from '../core/rules';
import { correctedRows } from '../core/publishing/grade-corrections';
import { usersByIds } from '../platform/directory/directory';
import type { Context } from '../platform/runtime/define-function';
import { mapSurviving } from '../platform/runtime/skip-bad-records';
import { queryAll, queryIn } from '../platform/store/store';
import { supportRowsSince } from '../application/digests/support-rows';
import type { ReportScope } from './scope';

/** When no published list names the policy: the usual 60 (policies default to it too). */
const DEFAULT_PASS_MARK = 60;

const text = (v: unknown, what: string): string => {
  if (typeof v !== 'string') throw new Error(`${what} is missing`);
  return v;
};

function warningFact(w: WarningFact): WarningFact {
  return {
    warningId: text(w.warningId, 'warningId'),
    studentId: text(w.studentId, 'studentId'),
    studentName: w.studentName ?? '',
    classId: text(w.classId, 'classId'),
    semester: text(w.semester, 'semester'),
    level: text(w.level, 'level'),
    levelName: w.levelName ?? w.level,
    levelRank: typeof w.levelRank === 'number' ? w.levelRank : 0,
    status: w.status,
    publishedAt: text(w.publishedAt, 'publishedAt'),
    failedCourses: w.failedCourses.map((c) => ({ code: text(c.code, 'code'), name: c.name })),
  };
}

/**
 * Warnings of the classes in scope, every semester, from their semester × class digests (one
 * document per class and semester, whatever the number of records); a bad digest is reported and left out.
 */
export async function scopedWarnings(ctx: Context, scope: ReportScope): Promise<WarningFact[]> {
  const digests = await queryIn(
    ctx.store,
    'warningDigests',
    'classId',
    scope.classes.map((c) => c._id),
  );
  return mapSurviving(
    'warningDigests',
    digests,
    (d) => d._id,
    (d) => digestWarnings(d).map(warningFact),
  ).flat();
}

/** The semesters whose list was published, with the policy of each (its pass mark reads the later grades). */
export async function publishedPolicies(ctx: Context, collegeId: string | null): Promise<Map<string, string>> {
  if (!collegeId) return new Map();
  const runs = await queryAll(ctx.store, 'warningRuns', { where: { collegeId, status: 'published' } });
  return new Map(runs.map((r) => [r.semester, r.policyId]));
}

export async function publishedSemesters(ctx: Context, collegeId: string | null): Promise<Set<string>> {
  return new Set((await publishedPolicies(ctx, collegeId)).keys());
}

/** Everything the effect report of `semester` reads, for the classes in scope. */
export async function loadEffectFacts(ctx: Context, scope: ReportScope, semester: string): Promise<EffectFacts> {
  const warnings = liftedBehindWithdrawn(await scopedWarnings(ctx, scope));
  const policies = await publishedPolicies(ctx, scope.collegeId);
  const published = new Set(policies.keys());
  const base = warnings.filter((w) => w.semester === semester && w.status !== 'withdrawn');
  const studentIds = [...new Set(base.map((w) => w.studentId))];
  const classIds = scope.classes.map((c) => c._id);

  const plans = mapSurviving(
    'studyPlans',
    await queryIn(
      ctx.store,
      'studyPlans',
      'warningId',
      base.map((w) => w.warningId),
    ),
    (p) => p._id,
    (p): PlanFact => ({
      warningId: text(p.warningId, 'warningId'),
      status: p.status,
      lines: p.lines.map((l) => ({ courseCode: l.courseCode, courseName: l.courseName })),
    }),
  );

  const passMark = presetPolicy(policies.get(semester) ?? '')?.passMark ?? DEFAULT_PASS_MARK;
  const read = createScoreReader(passMark);
  // The rows as objections corrected them, as every run and the warnings read them.
  const corrections = await queryIn(ctx.store, 'gradeCorrections', 'studentId', studentIds);
  const gradeRows = correctedRows(
    await queryIn(ctx.store, 'grades', 'studentId', studentIds, { where: { semester: { gt: semester } } }),
    corrections,
  );
  const grades = mapSurviving(
    'grades',
    gradeRows,
    (g) => g._id,
    (g): GradeFact => ({
      studentId: g.studentId,
      courseCode: g.courseCode,
      semester: g.semester,
      outcome: read(g.score).outcome,
    }),
  );

  const warned = new Set(studentIds);
  // Support counts from the warning's publication on: older records need not be read.
  const earliest = base.reduce((m, w) => (w.publishedAt < m ? w.publishedAt : m), base[0]?.publishedAt ?? '');
  const support: SupportFact[] = [];
  for (const p of await queryIn(ctx.store, 'pairings', 'classId', classIds)) {
    if (p.status !== 'approved') continue;
    for (const s of p.helpeeIds) if (warned.has(s)) support.push({ studentId: s, kind: 'pairing', at: p.at });
  }
  // Talks, meetings and parent contacts from the classes' duty digests (class × month), not the records.
  const rows =
    studentIds.length === 0
      ? []
      : await supportRowsSince(
          (month) => queryIn(ctx.store, 'dutyDigests', 'classId', classIds, { where: { month: { gte: month } } }),
          earliest,
        );
  const warnedOfClass = new Map<string, Set<string>>();
  for (const w of base) warnedOfClass.set(w.classId, (warnedOfClass.get(w.classId) ?? new Set()).add(w.studentId));
  for (const r of rows) {
    // A class meeting is support for each warned student of its class.
    const students = r.studentId === null ? [...(warnedOfClass.get(r.classId) ?? [])] : [r.studentId];
    for (const s of students) if (warned.has(s)) support.push({ studentId: s, kind: r.kind, at: r.at });
  }

  const enrolled = new Set((await queryIn(ctx.store, 'students', '_id', studentIds)).map((s) => s._id));
  const staff = await usersByIds(
    ctx.store,
    scope.classes.flatMap((c) => [c.counselorId, c.headTeacherId]),
  );
  const staffNames = new Map([...staff.entries()].map(([id, u]: [string, User]) => [id, u.name]));
  return {
    semester,
    collegeName: scope.collegeName,
    classes: scope.facts,
    staffNames,
    warnings,
    publishedSemesters: published,
    plans,
    grades,
    support,
    enrolled,
  };
}
