import type { CollegeBoard, SchoolBoard, SchoolRow } from '../../../types/api/duties';
import type { College } from '../../../types/domain';
import { summarizeCollegeDuties, type CollegeDutySummary } from '../../core/compliance/college-summary';
import { emptySummary } from '../../core/compliance/views';
import { resolveTerm } from '../../core/duties';
import { isoAt } from '../../core/duties/shanghai-days';
import { loadCalendar } from '../../platform/calendar/stored-calendar';
import { queryAll, type Store, type WriteContext } from '../../platform/store/store';
import { evaluateScope, type ScopeEvaluation } from '../duty-data/evaluate-scope';
import { classesOf, semesterCounts } from './board-rows';

/** Who writes a summary when no person asked for it (the hourly pass). */
export const SUMMARY_WRITER = 'system:duty-summaries';

export const collegeSummaryId = (collegeId: string, semesterId: string) => `${collegeId}|${semesterId}`;

/** The school's view of a college from an evaluation of its whole scope (the college's leader board, condensed). */
export function summaryOf(e: ScopeEvaluation, college: Pick<College, '_id' | 'name'>): CollegeDutySummary {
  return summarizeCollegeDuties({
    college: { id: college._id, name: college.name },
    semesterId: e.term.semester.id,
    asOf: isoAt(e.now),
    evaluations: e.evaluations,
    classes: classesOf(e),
    recordsPerClass: semesterCounts(e).byClass,
  });
}

/** Keeps the newest summary of a college and semester (an older evaluation never replaces a newer one). */
export async function keepCollegeSummary(
  store: Store,
  summary: CollegeDutySummary,
  write: WriteContext,
): Promise<CollegeDutySummary> {
  const id = collegeSummaryId(summary.collegeId, summary.semesterId);
  return store.transaction(async (tx) => {
    const kept = await tx.get('collegeDutySummaries', id);
    if (!kept) return tx.add('collegeDutySummaries', { _id: id, ...summary }, write);
    if (Date.parse(kept.asOf) > Date.parse(summary.asOf)) return kept;
    return tx.update('collegeDutySummaries', id, summary, kept._version, write);
  });
}

/** Evaluates one college now, from its duty digests, and keeps the summary; returns the one kept. */
export async function refreshCollegeSummary(
  store: Store,
  college: Pick<College, '_id' | 'name'>,
  now: number,
  write: WriteContext,
): Promise<CollegeDutySummary> {
  const e = await evaluateScope(store, { collegeId: college._id }, now, undefined, 'digests');
  return keepCollegeSummary(store, summaryOf(e, college), write);
}

/** The semester the school view shows now (the boards' semester). */
async function semesterShown(store: Store, now: number): Promise<string> {
  return resolveTerm(await loadCalendar(store, now), now).semester.id;
}

/** A college's row: its summary's total as of its evaluation, or not yet counted this semester. */
function rowOf(college: Pick<College, '_id' | 'name'>, summary: CollegeDutySummary | null): SchoolRow {
  if (summary) return { ...summary.row, name: college.name, asOf: summary.asOf };
  return { ...emptySummary(college._id), name: college.name, note: '尚未统计', records: 0, asOf: null };
}

/** One college as the school sees it, from its summary of the semester (null: none yet). */
export function collegeBoardOf(
  college: Pick<College, '_id' | 'name'>,
  semesterId: string,
  summary: CollegeDutySummary | null,
): CollegeBoard {
  return { semesterId, collegeId: college._id, row: rowOf(college, summary), classes: summary?.classes ?? [] };
}

/**
 * Every college this semester, one row each, from the summaries: two queries whatever the number
 * of colleges, classes or records. A college not evaluated yet this semester shows as such.
 */
export async function schoolBoard(store: Store, now: number): Promise<SchoolBoard> {
  const semesterId = await semesterShown(store, now);
  const [colleges, summaries] = await Promise.all([
    queryAll(store, 'colleges'),
    queryAll(store, 'collegeDutySummaries', { where: { semesterId } }),
  ]);
  const byCollege = new Map(summaries.map((s) => [s.collegeId, s]));
  return { semesterId, now: isoAt(now), rows: colleges.map((c) => rowOf(c, byCollege.get(c._id) ?? null)) };
}

/** One college's board as the school sees it (null: no such college). */
export async function collegeBoard(store: Store, collegeId: string, now: number): Promise<CollegeBoard | null> {
  const college = await store.get('colleges', collegeId);
  if (!college) return null;
  const semesterId = await semesterShown(store, now);
  return collegeBoardOf(
    college,
    semesterId,
    await store.get('collegeDutySummaries', collegeSummaryId(collegeId, semesterId)),
  );
}
