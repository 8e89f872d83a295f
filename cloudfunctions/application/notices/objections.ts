import type { NoticesApi, ObjectionGradeRow, ObjectionRow } from '../../../types/api/notices';
import { attemptLabel } from '../../../types/grade';
import { type Notice } from '../../../types/notice';
import { type Warning } from '../../../types/warning';
import { collegeIdsFor } from '../../core/access/authorize';
import { gradeDocId } from '../../core/grades/grade-doc-id';
import { noticeEnding } from '../../core/notices/ending';
import { describeCorrection } from '../../core/publishing/grade-corrections';
import type { ActionSpec } from '../../platform/runtime/define-function';
import { queryAll, type Store } from '../../platform/store/store';
import { latestPublishedSemester } from '../repositories/runs';
import { studentGrades } from '../warnings/college-data';

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
  const warning = await store.get('warnings', notice.warningId);
  if (!warning) return [];
  const courses = disputedCourses(warning);
  const cutoff = latestSemester !== null && latestSemester > warning.semester ? latestSemester : warning.semester;
  const corrections = await queryAll(store, 'gradeCorrections', { where: { studentId: notice.studentId } });
  const standing = new Map([...corrections].sort((a, b) => (a.at < b.at ? -1 : 1)).map((c) => [c.gradeId, c]));
  return (await studentGrades(store, notice.studentId))
    .filter((r) => courses.has(r.courseCode) && r.semester <= cutoff)
    .sort(
      (a, b) =>
        a.courseCode.localeCompare(b.courseCode) ||
        a.semester.localeCompare(b.semester) ||
        a.attempt.localeCompare(b.attempt),
    )
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
        correction: c
          ? { action: c.action, text: describeCorrection(c), reason: c.reason, byName: c.byName, at: c.at }
          : null,
      };
    });
}

/** Objections in the clerk's college: open ones first (with the disputed grade rows), then the answered ones. */
export const objections: ActionSpec<Api['objections']> = {
  permission: 'notice.resolveObjection',
  resource: 'list',
  async run(ctx) {
    const colleges = collegeIdsFor(ctx.actor, 'notice.resolveObjection');
    if (colleges.length === 0) return [];
    const rows = await queryAll(ctx.store, 'notices', {
      where: { collegeId: { in: colleges }, 'objection.state': { in: ['open', 'confirmed', 'corrected'] } },
    });
    const order = { open: 0, confirmed: 1, corrected: 1 };
    const out: ObjectionRow[] = [];
    const latest = new Map<string, string | null>();
    for (const n of rows) {
      if (!n.objection) continue;
      if (n.objection.state === 'open' && !latest.has(n.collegeId))
        latest.set(n.collegeId, await latestPublishedSemester(ctx.store, n.collegeId));
      const grades =
        n.objection.state === 'open' ? await gradeRowsFor(ctx.store, n, latest.get(n.collegeId) ?? null) : [];
      out.push({
        noticeId: n._id,
        studentId: n.studentId,
        studentName: n.studentName,
        classId: n.classId,
        levelName: n.levelName,
        semester: n.semester,
        reasons: reasonsOf(n),
        objection: n.objection,
        status: n.status,
        supersededBy: n.supersededBy ?? null,
        ending: noticeEnding(n),
        grades,
      });
    }
    return out.sort(
      (a, b) => order[a.objection.state] - order[b.objection.state] || b.objection.at.localeCompare(a.objection.at),
    );
  },
};
