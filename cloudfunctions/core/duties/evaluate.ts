import type {
  AcademicCalendar,
  DutyItem,
  DutyRecord,
  DutyRule,
  DutyStatus,
  DutySubject,
  DutyUnit,
  PersonDutyEvaluation,
} from '../../../types/duty';
import { DomainError } from '../errors';
import { dateOf, isoAt } from './shanghai-days';
import { measureOf, recordFilter, requiredFor, tally } from './counting';
import { asIndex, type DutyRecordIndex } from './record-index';
import { resolveTerm, type Term } from './term';
import { unitsFor, type CountingUnit } from './units';
import { periodWindows, steppedWindows, withinDaysWindow, type DutyWindow } from './windows';

export type DutyEvaluationSettings = {
  rules: readonly DutyRule[];
  calendar: AcademicCalendar;
  now: Date | string | number;
  /** Default: the semester containing `now` (in a break, the one just ended). */
  semesterId?: string;
  /**
   * A case view keeps a warning's one-off deadlines from earlier semesters (missed, or met late);
   * dashboards leave them to the semester they fell in.
   */
  keepEarlierDeadlines?: boolean;
};

export type DutyEvaluator = {
  term: Term;
  evaluate(subject: DutySubject, index: DutyRecordIndex): PersonDutyEvaluation;
};

/**
 * Windows and formatted dates are computed once per evaluator and shared by every person, so a
 * batch costs records + units × windows.
 */
export function createDutyEvaluator(settings: DutyEvaluationSettings): DutyEvaluator {
  const now = new Date(settings.now).getTime();
  if (Number.isNaN(now)) throw new DomainError('DUTY.NOW_INVALID', '当前时间无法识别', 'now');
  const term = resolveTerm(settings.calendar, now, settings.semesterId);
  const steppedCache = new Map<string, readonly DutyWindow[]>();
  const stepped = (p: 'week' | 'twoWeeks' | 'month' | 'quarter') => {
    let windows = steppedCache.get(p);
    if (!windows) {
      windows = steppedWindows(p, term);
      steppedCache.set(p, windows);
    }
    return windows;
  };
  const formatted = new Map<number, { iso: string; lastDay: string; firstDay: string }>();
  const format = (at: number) => {
    let f = formatted.get(at);
    if (!f) {
      f = { iso: isoAt(at), lastDay: dateOf(at - 1), firstDay: dateOf(at) };
      formatted.set(at, f);
    }
    return f;
  };
  const compiled = settings.rules.map((rule) => ({
    rule,
    accepts: recordFilter(rule),
    measure: measureOf(rule),
    unitsKey: [
      rule.role,
      rule.per,
      rule.quota.fractionOfClassSize ? 'share' : '',
      ...(rule.appliesTo?.tags ?? []),
    ].join('|'),
  }));
  // Windows of units active all along depend on the rule's period only.
  const sharedWindows = new Map<string, DutyWindow[]>();

  const windowsOf = (rule: DutyRule, unit: CountingUnit): DutyWindow[] => {
    if (rule.period === 'withinDaysOf') {
      // One window per publication day (two cases published the same day share it); a deadline
      // that passed before the break ahead of this semester belongs to an earlier semester.
      const days = new Set<string>();
      const windows: DutyWindow[] = [];
      for (const since of unit.since) {
        const day = format(since).firstDay;
        const w = withinDaysWindow(since, rule.withinDays ?? 0);
        if (days.has(day) || (w.end <= term.breakStart && settings.keepEarlierDeadlines !== true)) continue;
        days.add(day);
        windows.push(w);
      }
      return windows;
    }
    const always = unit.active.start === -Infinity && unit.active.end === Infinity;
    const cacheKey = `${rule.period}:${rule.withinDays ?? 0}`;
    if (always) {
      const cached = sharedWindows.get(cacheKey);
      if (cached) return cached;
    }
    const windows = periodWindows(rule.period, term, unit.active, stepped, rule.withinDays);
    if (always) sharedWindows.set(cacheKey, windows);
    return windows;
  };

  return {
    term,
    evaluate(subject, index) {
      const items: DutyItem[] = [];
      // Rules of one role counted per the same thing share their units (a counselor's 150 students).
      const unitCache = new Map<string, CountingUnit[]>();
      for (const { rule, accepts, measure, unitsKey } of compiled) {
        let units = unitCache.get(unitsKey);
        if (!units) {
          units = unitsFor(rule, subject.personId, subject.assignments);
          unitCache.set(unitsKey, units);
        }
        for (const unit of units) {
          const required = requiredFor(rule, unit);
          const shown: DutyUnit = { kind: unit.kind, id: unit.id, classIds: unit.classIds };
          for (const window of windowsOf(rule, unit)) {
            if (window.start > now) continue;
            const inTime = tally(rule, accepts, index, subject.personId, unit, window);
            let status: DutyStatus = inTime.progress >= required ? 'done' : now >= window.end ? 'overdue' : 'due';
            let { done, progress } = inTime;
            let late: string[] = [];
            if (status === 'overdue' && rule.period === 'withinDaysOf') {
              // A one-off deadline met afterwards is 逾期完成: shown apart, never on time.
              const after = tally(rule, accepts, index, subject.personId, unit, { start: window.end, end: now + 1 });
              if (progress + after.progress >= required) {
                status = 'lateDone';
                late = after.done;
                done = [...done, ...after.done];
                progress += after.progress;
              }
            }
            const start = format(window.start);
            const end = format(window.end);
            items.push({
              key: `${subject.personId}|${rule.id}|${unit.kind}:${unit.id}|${start.firstDay}`,
              personId: subject.personId,
              ruleId: rule.id,
              role: rule.role,
              title: rule.title,
              period: rule.period,
              unit: shown,
              caseIds: unit.caseIds,
              window: { start: start.iso, end: end.iso, lastDay: end.lastDay },
              measure,
              required,
              progress,
              due: Math.max(0, required - progress),
              done,
              late,
              status,
              dueAt: end.iso,
              ...(rule.remindBeforeDays === undefined ? {} : { remindBeforeDays: rule.remindBeforeDays }),
            });
          }
        }
      }
      let next: DutyItem | null = null;
      for (const item of items) if (item.status === 'due' && (next === null || item.dueAt < next.dueAt)) next = item;
      return {
        personId: subject.personId,
        now: isoAt(now),
        semesterId: term.semester.id,
        schoolYearId: term.schoolYear.id,
        items,
        next,
        overdue: items.filter((i) => i.status === 'overdue'),
      };
    },
  };
}

/** Many people from one record list: the records are indexed once (a leader's dashboard). */
export function evaluateDutiesBatch(
  settings: DutyEvaluationSettings & {
    subjects: readonly DutySubject[];
    records: Iterable<DutyRecord> | DutyRecordIndex;
  },
): PersonDutyEvaluation[] {
  const evaluator = createDutyEvaluator(settings);
  const index = asIndex(settings.records);
  return settings.subjects.map((subject) => evaluator.evaluate(subject, index));
}

/** One person's duties: required, done (with the records), due and overdue per unit and window. */
export function evaluateDuties(
  settings: DutyEvaluationSettings & { subject: DutySubject; records: Iterable<DutyRecord> | DutyRecordIndex },
): PersonDutyEvaluation {
  return createDutyEvaluator(settings).evaluate(settings.subject, asIndex(settings.records));
}
