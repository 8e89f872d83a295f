import type { DutyRecordDoc } from '../../types/checkin';
import type { User } from '../../types/domain';
import type { GradeRow } from '../../types/grade';
import type { Meeting, Pairing, StudyPlan, TalkRecord } from '../../types/support';
import { WARNINGS, type Warning } from '../../types/warning';
import type { EffectFacts } from '../core/reports/effect';
import type { GradeFact, PlanFact, SupportFact, WarningFact } from '../core/reports/facts';
import { createScoreReader, presetPolicy } from '../core/rules';
import { usersByIds } from '../platform/directory/directory';
import type { Context } from '../platform/runtime/define-function';
import { mapSurviving } from '../platform/runtime/skip-bad-records';
import { queryAll } from '../platform/store/store';
import { queryIn } from './chunked';
import type { ReportScope } from './scope';

const text = (v: unknown, what: string): string => {
  if (typeof v !== 'string') throw new Error(`${what} is missing`);
  return v;
};

function warningFact(w: Warning): WarningFact {
  return {
    warningId: text(w._id, '_id'),
    studentId: text(w.studentId, 'studentId'),
    studentName: w.studentName ?? '',
    classId: text(w.classId, 'classId'),
    semester: text(w.semester, 'semester'),
    level: text(w.level, 'level'),
    levelName: w.levelName ?? w.level,
    levelRank: typeof w.levelRank === 'number' ? w.levelRank : 0,
    status: w.status,
    publishedAt: text(w.publishedAt, 'publishedAt'),
    failedCourses: (w.failedCourses ?? []).map((c) => ({ code: c.code, name: c.name })),
  };
}

/** Warnings of the classes in scope, every semester (a bad record is reported and left out). */
export async function scopedWarnings(ctx: Context, scope: ReportScope): Promise<WarningFact[]> {
  const rows = await queryIn<Warning>(ctx.store, WARNINGS, 'classId', scope.classes.map((c) => c._id));
  return mapSurviving(WARNINGS, rows, (w) => w._id, warningFact);
}

export async function publishedSemesters(ctx: Context, collegeId: string | null): Promise<Set<string>> {
  if (!collegeId) return new Set();
  const runs = await queryAll<{ semester: string }>(ctx.store, 'warningRuns', { where: { collegeId, status: 'published' } });
  return new Set(runs.map((r) => r.semester));
}

/** Everything the effect report of `semester` reads, for the classes in scope. */
export async function loadEffectFacts(ctx: Context, scope: ReportScope, semester: string): Promise<EffectFacts> {
  const warnings = await scopedWarnings(ctx, scope);
  const published = await publishedSemesters(ctx, scope.collegeId);
  const base = warnings.filter((w) => w.semester === semester && w.status !== 'withdrawn');
  const studentIds = [...new Set(base.map((w) => w.studentId))];
  const classIds = scope.classes.map((c) => c._id);

  const plans = mapSurviving('studyPlans', await queryIn<StudyPlan>(ctx.store, 'studyPlans', 'warningId', base.map((w) => w.warningId)), (p) => p._id, (p): PlanFact => ({
    warningId: text(p.warningId, 'warningId'),
    status: p.status,
    lines: p.lines.map((l) => ({ courseCode: l.courseCode, courseName: l.courseName })),
  }));

  const policyIds = new Map<string, number>();
  const passMarkOf = (studentId: string) => policyIds.get(studentId) ?? 60;
  for (const w of await queryIn<Warning>(ctx.store, WARNINGS, '_id', base.map((b) => b.warningId))) policyIds.set(w.studentId, presetPolicy(w.policyId)?.passMark ?? 60);
  const readers = new Map<number, ReturnType<typeof createScoreReader>>();
  const reader = (mark: number) => {
    let r = readers.get(mark);
    if (!r) readers.set(mark, (r = createScoreReader(mark)));
    return r;
  };
  const gradeRows = await queryIn<GradeRow>(ctx.store, 'grades', 'studentId', studentIds, { semester: { gt: semester } });
  const grades = mapSurviving('grades', gradeRows, (g) => g._id, (g): GradeFact => ({ studentId: g.studentId, courseCode: g.courseCode, semester: g.semester, outcome: reader(passMarkOf(g.studentId))(g.score).outcome }));

  const warned = new Set(studentIds);
  const support: SupportFact[] = [];
  for (const t of await queryIn<TalkRecord>(ctx.store, 'talks', 'studentId', studentIds)) support.push({ studentId: t.studentId, kind: 'talk', at: t.at });
  for (const m of await queryIn<Meeting>(ctx.store, 'meetings', 'classId', classIds)) {
    if (m.status !== 'held' && m.status !== 'confirmed') continue;
    for (const s of m.studentIds ?? []) if (warned.has(s)) support.push({ studentId: s, kind: m.kind === 'parentMeeting' ? 'parentContact' : 'meeting', at: m.at });
  }
  for (const p of await queryIn<Pairing>(ctx.store, 'pairings', 'classId', classIds)) {
    if (p.status !== 'approved') continue;
    for (const s of p.helpeeIds) if (warned.has(s)) support.push({ studentId: s, kind: 'pairing', at: p.at });
  }
  for (const r of await queryIn<DutyRecordDoc>(ctx.store, 'dutyRecords', 'classId', classIds, { kind: 'parentContact' })) {
    if (r.studentId && warned.has(r.studentId)) support.push({ studentId: r.studentId, kind: 'parentContact', at: r.at });
  }

  const enrolled = new Set((await queryIn<{ _id: string }>(ctx.store, 'students', '_id', studentIds)).map((s) => s._id));
  const staff = await usersByIds(ctx.store, scope.classes.flatMap((c) => [c.counselorId, c.headTeacherId]));
  const staffNames = new Map([...staff.entries()].map(([id, u]: [string, User]) => [id, u.name]));
  return { semester, collegeName: scope.collegeName, classes: scope.facts, staffNames, warnings, publishedSemesters: published, plans, grades, support, enrolled };
}
