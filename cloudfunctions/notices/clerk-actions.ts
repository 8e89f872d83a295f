import type { NoticesApi, ObjectionGradeRow, ObjectionRow } from '../../types/api/notices';
import { attemptLabel, GRADE_CORRECTIONS, type GradeCorrection } from '../../types/grade';
import { NOTICES, type Notice } from '../../types/notice';
import { WARNINGS, type Warning } from '../../types/warning';
import { collegeIdsFor } from '../core/access/authorize';
import { objectionCorrected, objectionKept } from '../core/notices/answer-intents';
import { gradeDocId } from '../core/grades/grade-doc-id';
import { describeCorrection } from '../core/publishing/grade-corrections';
import { enqueue } from '../platform/messenger/outbox';
import type { ActionSpec } from '../platform/runtime/define-function';
import { queryAll, type Store, type TxStore, type WriteContext } from '../platform/store/store';
import { studentGrades } from '../warnings/college-data';
import { applyCorrectionInTx, planCorrection } from '../warnings/objection-correction';
import { RUNS } from '../warnings/run-doc';
import { issueNoticesInTx, loadNoticeNames, noticeIdOf } from './issue';
import { applyEvent, loadNotice, noticeResource } from './notice-access';
import { retireNoticesInTx } from './retire';
import { studentUserId } from './settings';
import { noticeEnding } from '../core/notices/ending';

type Api = NoticesApi;

function reasonsOf(n: Notice): string[] {
  const paragraphs = n.copies.college.paragraphs;
  const start = paragraphs.indexOf('警示原因：');
  const end = paragraphs.indexOf('后续安排：');
  return start >= 0 && end > start ? paragraphs.slice(start + 1, end) : [];
}

/** The courses the warning names (its rules' courses and the owed ones): what the student can dispute. */
function disputedCourses(w: Warning): Set<string> {
  return new Set([...w.triggers.flatMap((t) => t.courses), ...w.failedCourses.map((c) => c.code)]);
}

/**
 * The student's stored rows of the disputed courses up to the semester the warning stands on
 * (the college's latest published list holds every active warning), with any standing correction.
 */
async function gradeRowsFor(store: Store, notice: Notice, latestSemester: string | null): Promise<ObjectionGradeRow[]> {
  const warning = await store.get<Warning>(WARNINGS, notice.warningId);
  if (!warning) return [];
  const courses = disputedCourses(warning);
  const cutoff = latestSemester !== null && latestSemester > warning.semester ? latestSemester : warning.semester;
  const corrections = await queryAll<GradeCorrection>(store, GRADE_CORRECTIONS, { where: { studentId: notice.studentId } });
  const standing = new Map([...corrections].sort((a, b) => (a.at < b.at ? -1 : 1)).map((c) => [c.gradeId, c]));
  return (await studentGrades(store, notice.studentId))
    .filter((r) => courses.has(r.courseCode) && r.semester <= cutoff)
    .sort((a, b) => a.courseCode.localeCompare(b.courseCode) || a.semester.localeCompare(b.semester) || a.attempt.localeCompare(b.attempt))
    .map((r) => {
      const gradeId = gradeDocId(r);
      const c = standing.get(gradeId);
      return {
        gradeId,
        courseCode: r.courseCode,
        courseName: r.courseName,
        semester: r.semester,
        attemptLabel: attemptLabel[r.attempt],
        score: r.score,
        credits: r.credits,
        correction: c ? { action: c.action, text: describeCorrection(c), reason: c.reason, byName: c.byName, at: c.at } : null,
      };
    });
}

async function latestPublishedSemester(store: Store, collegeId: string): Promise<string | null> {
  const [run] = await store.query<{ semester: string }>(RUNS, { where: { collegeId, status: 'published' }, orderBy: [{ field: 'semester', direction: 'desc' }], limit: 1 });
  return run?.semester ?? null;
}

/** Objections in the clerk's college: open ones first (with the disputed grade rows), then the answered ones. */
export const objections: ActionSpec<Api['objections']> = {
  permission: 'notice.resolveObjection',
  resource: 'list',
  async run(ctx) {
    const colleges = collegeIdsFor(ctx.actor, 'notice.resolveObjection');
    if (colleges.length === 0) return [];
    const rows = await queryAll<Notice>(ctx.store, NOTICES, { where: { collegeId: { in: colleges }, 'objection.state': { in: ['open', 'confirmed', 'corrected'] } } });
    const order = { open: 0, confirmed: 1, corrected: 1 };
    const out: ObjectionRow[] = [];
    const latest = new Map<string, string | null>();
    for (const n of rows) {
      if (!n.objection) continue;
      if (n.objection.state === 'open' && !latest.has(n.collegeId)) latest.set(n.collegeId, await latestPublishedSemester(ctx.store, n.collegeId));
      const grades = n.objection.state === 'open' ? await gradeRowsFor(ctx.store, n, latest.get(n.collegeId) ?? null) : [];
      out.push({ noticeId: n._id, studentId: n.studentId, studentName: n.studentName, classId: n.classId, levelName: n.levelName, semester: n.semester, reasons: reasonsOf(n), objection: n.objection, status: n.status, supersededBy: n.supersededBy ?? null, ending: noticeEnding(n), grades });
    }
    return out.sort((a, b) => order[a.objection.state] - order[b.objection.state] || b.objection.at.localeCompare(a.objection.at));
  },
};

async function tellStudent(tx: TxStore, studentId: string, intent: (to: { userId: string; openid: string }) => Parameters<typeof enqueue>[1], write: WriteContext): Promise<void> {
  const student = await tx.get<{ openid: string }>('users', studentUserId(studentId));
  if (student) await enqueue(tx, intent({ userId: student._id, openid: student.openid }), write);
}

/**
 * The clerk answers an objection, and the student is told either way:
 * - confirm (维持): the notice stands; the student may now sign;
 * - correct (更正): the clerk leaves out or corrects the student's grade rows, with the reason
 *   (stored and audited in 'gradeCorrections', read by every later run). The student is judged
 *   again on the corrected rows: the warning takes the new level and a corrected notice version
 *   replaces this one, or — no level left — the warning is withdrawn. The issued text itself is
 *   never edited.
 */
export const resolveObjection: ActionSpec<Api['resolveObjection']> = {
  permission: 'notice.resolveObjection',
  resource: (ctx, input) => noticeResource(ctx.store, input.noticeId),
  async run(ctx, { noticeId, decision, note, explanation, grades }) {
    const current = await loadNotice(ctx.store, noticeId);
    const at = ctx.nowIso();
    const write = ctx.write();
    const event = { type: 'resolveObjection' as const, at, by: ctx.actor.userId, byName: ctx.actor.name, decision, note };
    if (decision === 'confirm') {
      return ctx.store.transaction(async (tx) => {
        const { notice } = await applyEvent(tx, noticeId, event, write);
        await tellStudent(tx, notice.studentId, (to) => objectionKept(notice, to, { note, at }), write);
        return { noticeId, state: 'confirmed' as const, newNoticeId: null, outcome: 'kept' as const };
      });
    }
    const plan = await planCorrection(ctx, current, grades, note);
    const names = (await loadNoticeNames(ctx.store, [plan.warning])).get(plan.warning.studentId) ?? { collegeName: plan.warning.collegeId, className: plan.warning.classId, parentName: '家长' };
    return ctx.store.transaction(async (tx) => {
      const { notice } = await applyEvent(tx, noticeId, event, write);
      const warning = await applyCorrectionInTx(tx, plan, write);
      if (plan.outcome.kind === 'withdraw') {
        await tx.update<Notice>(NOTICES, noticeId, { endedAs: 'withdrawn' }, notice._version, write);
        await retireNoticesInTx(tx, warning._id, { kind: 'lifted' }, write);
        await tellStudent(tx, notice.studentId, (to) => objectionCorrected(notice, to, { note, at, newNoticeId: null }), write);
        return { noticeId, state: 'corrected' as const, newNoticeId: null, outcome: 'withdrawn' as const };
      }
      const version = notice.version + 1;
      const newId = noticeIdOf(warning._id, version);
      await tx.update<Notice>(NOTICES, noticeId, { supersededBy: newId, endedAs: 'corrected' }, notice._version, write);
      await issueNoticesInTx(tx, warning, write, names, {
        version,
        correction: { replaces: noticeId, reason: note, explanation: [...warning.triggers.map((t) => t.text), ...plan.lines, ...explanation] },
        announce: false,
      });
      await tellStudent(tx, notice.studentId, (to) => objectionCorrected(notice, to, { note, at, newNoticeId: newId }), write);
      return { noticeId, state: 'corrected' as const, newNoticeId: newId, outcome: 'amended' as const };
    });
  },
};
