import type { AcademicCalendar, DutyRule } from '../../types/duty';
import { dutySubjects } from '../core/compliance/directory';
import { evaluateDutiesBatch, resolveTerm, type PersonDutyEvaluation, type Term } from '../core/duties';
import { defaultDutyConfig } from '../core/duties/defaults';
import { loadCalendar } from '../platform/calendar/stored-calendar';
import { toIso } from '../core/time/shanghai';
import type { Store } from '../platform/store/store';
import { loadDutyData, type DutyData, type DutyDataScope, type DutyRecordSource } from './load-duty-data';

export type ScopeEvaluation = DutyData & { term: Term; now: number; evaluations: PersonDutyEvaluation[] };

/**
 * The duties of everyone serving a scope, from the store: one load (a fixed number of queries),
 * then the batch evaluator in memory. Records from the school year's start (yearly quotas) or the
 * break before the semester (a warning published in the holidays), whichever is earlier.
 */
export async function evaluateScope(store: Store, scope: DutyDataScope, now: number, given?: { rules: readonly DutyRule[]; calendar: AcademicCalendar }, source: DutyRecordSource = 'records'): Promise<ScopeEvaluation> {
  // The calendar the clerk keeps (over the default rule), unless a caller brings its own.
  const settings = given ?? { rules: defaultDutyConfig.rules, calendar: await loadCalendar(store, now) };
  const term = resolveTerm(settings.calendar, now);
  const from = toIso(new Date(Math.min(term.schoolYearSpan.start, term.breakStart)));
  const data = await loadDutyData(store, scope, from, now, source);
  const evaluations = evaluateDutiesBatch({
    rules: settings.rules,
    calendar: settings.calendar,
    now,
    semesterId: term.semester.id,
    subjects: dutySubjects(data.directory),
    records: data.records,
  });
  return { ...data, term, now, evaluations };
}
