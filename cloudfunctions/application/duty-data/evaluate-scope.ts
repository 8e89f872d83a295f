import type { AcademicCalendar, DutyRule } from '../../../types/duty';
import { dutySubjects } from '../../core/compliance/directory';
import {
  evaluateDutiesBatch,
  indexDutyRecords,
  resolveTerm,
  type PersonDutyEvaluation,
  type Term,
} from '../../core/duties';
import { defaultDutyConfig } from '../../core/duties/defaults';
import { loadCalendar } from '../../platform/calendar/stored-calendar';
import { toIso } from '../../core/time/shanghai';
import { isoAt } from '../../core/duties/shanghai-days';
import { stableUntil } from '../../core/duties/stable-until';
import type { Store } from '../../platform/store/store';
import { scopeCache } from './scope-cache';
import { loadDutyData, type DutyData, type DutyDataScope, type DutyRecordSource } from './load-duty-data';

export type ScopeEvaluation = DutyData & { term: Term; now: number; evaluations: PersonDutyEvaluation[] };

/**
 * The duties of everyone serving a scope, from the store: one load (a fixed number of queries),
 * then the batch evaluator in memory. Records from the school year's start (yearly quotas) or the
 * break before the semester (a warning published in the holidays), whichever is earlier.
 */
export async function evaluateScope(
  store: Store,
  scope: DutyDataScope,
  now: number,
  given?: { rules: readonly DutyRule[]; calendar: AcademicCalendar },
  source: DutyRecordSource = 'records',
): Promise<ScopeEvaluation> {
  // The calendar the clerk keeps (over the default rule), unless a caller brings its own.
  const settings = given ?? { rules: defaultDutyConfig.rules, calendar: await loadCalendar(store, now) };
  const term = resolveTerm(settings.calendar, now);
  const from = toIso(new Date(Math.min(term.schoolYearSpan.start, term.breakStart)));
  const data = await loadDutyData(store, scope, from, now, source);
  const evaluate = () =>
    evaluateDutiesBatch({
      rules: settings.rules,
      calendar: settings.calendar,
      now,
      semesterId: term.semester.id,
      subjects: dutySubjects(data.directory),
      // Digests bring their records' times parsed: the index takes them instead of parsing 100k times again.
      records: data.times ? indexDutyRecords(data.records, data.times) : data.records,
    });
  // Only the shipped rules with a signature (digests) are reused: a caller's own rules are evaluated afresh.
  const evaluations =
    data.signature !== undefined && given === undefined
      ? reused(
          store,
          `${JSON.stringify(scope)}|${JSON.stringify(settings.calendar)}|${data.signature}`,
          now,
          data,
          evaluate,
        )
      : evaluate();
  return { ...data, term, now, evaluations };
}

type Memo = { key: string; since: number; until: number; evaluations: PersonDutyEvaluation[]; rows: number };
/** Sized by the rows evaluated, so an evaluation goes about when its rows do. */
const memos = scopeCache<Memo>((m) => m.rows);

/**
 * A warm instance asked again with nothing changed gets the same evaluation (re-dated to now)
 * instead of a new one, while `now` stays before the next instant anything could turn.
 */
function reused(
  store: Store,
  key: string,
  now: number,
  data: DutyData,
  evaluate: () => PersonDutyEvaluation[],
): PersonDutyEvaluation[] {
  const scopeKey = key.slice(0, key.indexOf('|'));
  const memo = memos.get(store, scopeKey);
  if (memo && memo.key === key && now >= memo.since && now < memo.until) {
    const at = isoAt(now);
    return memo.evaluations.map((e) => ({ ...e, now: at }));
  }
  const evaluations = evaluate();
  const until = Math.min(
    stableUntil(
      now,
      data.directory.warnings.flatMap((w) => [w.publishedAt, w.updatedAt]),
    ),
    stableUntil(now, data.times ?? data.records.map((r) => r.at)),
  );
  memos.set(store, scopeKey, { key, since: now, until, evaluations, rows: data.records.length });
  return evaluations;
}
