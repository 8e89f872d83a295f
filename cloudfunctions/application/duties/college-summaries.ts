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
export async function keepCollegeSummary(store: Store, summary: CollegeDutySummary, write: WriteContext) {
  const id = collegeSummaryId(summary.collegeId, summary.semesterId);
  await store.transaction(async (tx) => {
    const kept = await tx.get('collegeDutySummaries', id);
    if (!kept) return tx.add('collegeDutySummaries', { _id: id, ...summary }, write);
    if (Date.parse(kept.asOf) > Date.parse(summary.asOf)) return kept;
    return tx.update('collegeDutySummaries', id, summary, kept._version, write);
  });
}

/** Evaluates one college now, from its duty digests, and keeps the summary. */
export async function refreshCollegeSummary(
  store: Store,
  college: Pick<College, '_id' | 'name'>,
  now: number,
  write: WriteContext,
): Promise<CollegeDutySummary> {
  const e = await evaluateScope(store, { collegeId: college._id }, now, undefined, 'digests');
  const summary = summaryOf(e, college);
  await keepCollegeSummary(store, summary, write);
  return summary;
}

const schoolRow = (summary: CollegeDutySummary): SchoolRow => ({ ...summary.row, asOf: summary.asOf });

const notYet = (college: Pick<College, '_id' | 'name'>): SchoolRow => ({
  ...emptySummary(college._id),
  name: college.name,
  note: '尚未统计',
  records: 0,
  asOf: null,
});

/**
 * Every college this semester, one row each, from the summaries: two queries whatever the number
 * of colleges, classes or records. A college not evaluated yet this semester shows as such.
 */
export async function schoolBoard(store: Store, now: number): Promise<SchoolBoard> {
  const semesterId = resolveTerm(await loadCalendar(store, now), now).semester.id;
  const [colleges, summaries] = await Promise.all([
    queryAll(store, 'colleges'),
    queryAll(store, 'collegeDutySummaries', { where: { semesterId } }),
  ]);
  const byCollege = new Map(summaries.map((s) => [s.collegeId, s]));
  return {
    semesterId,
    now: isoAt(now),
    rows: colleges.map((c) => {
      const summary = byCollege.get(c._id);
      return summary ? { ...schoolRow(summary), name: c.name } : notYet(c);
    }),
  };
}

/** One college's board as the school sees it (null: no such college). */
export async function collegeBoard(store: Store, collegeId: string, now: number): Promise<CollegeBoard | null> {
  const college = await store.get('colleges', collegeId);
  if (!college) return null;
  const semesterId = resolveTerm(await loadCalendar(store, now), now).semester.id;
  const summary = await store.get('collegeDutySummaries', collegeSummaryId(collegeId, semesterId));
  return {
    semesterId,
    collegeId,
    row: summary ? { ...schoolRow(summary), name: college.name } : notYet(college),
    classes: summary?.classes ?? [],
  };
}
