import {
  compliancePerClass,
  compliancePerPerson,
  compliancePerRule,
  evaluateDutiesBatch,
  summarizeBy,
  worstFirst,
  type DutyItem,
} from '../../../cloudfunctions/core/duties';
import { at, calendar, counselorOf, dutyRecord, shippedRule } from '../../support/duties-factories';

const r = dutyRecord;
const rules = [shippedRule('counselor-class-check-weekly'), shippedRule('counselor-dorm-check-fortnightly')];
// Now: Wednesday of the third week. Weeks 1–2 and the first two-week window are settled.
const now = at('2025-09-24 12:00');

const people = [
  counselorOf(
    { classes: [{ id: 'class-a', size: 30 }], dorms: [{ id: 'dorm-a', classIds: ['class-a', 'class-b'] }] },
    'alice',
  ),
  counselorOf({ classes: [{ id: 'class-b', size: 30 }], dorms: [] }, 'bob'),
  counselorOf({ classes: [], dorms: [] }, 'carol'),
];
const records = [
  r({ kind: 'classCheck', actorId: 'alice', at: at('2025-09-09 10:00'), classId: 'class-a' }),
  r({ kind: 'classCheck', actorId: 'alice', at: at('2025-09-16 10:00'), classId: 'class-a' }),
  r({ kind: 'dormCheck', actorId: 'alice', at: at('2025-09-10 21:00'), dormId: 'dorm-a', documented: true }),
  r({ kind: 'classCheck', actorId: 'bob', at: at('2025-09-16 10:00'), classId: 'class-b' }),
  r({ kind: 'classCheck', actorId: 'bob', at: at('2025-09-23 10:00'), classId: 'class-b' }),
];
const evaluations = evaluateDutiesBatch({ rules, calendar, now, subjects: people, records });

describe('compliance summaries', () => {
  it('per person: done ÷ (done + overdue); open windows count against nobody; a person with nothing settled is null', () => {
    expect(compliancePerPerson(evaluations)).toEqual([
      // weeks 1, 2 done, week 3 open; dorm window 1 done, window 2 open
      { id: 'alice', total: 5, done: 3, due: 2, overdue: 0, lateDone: 0, percent: 100 },
      // week 1 missed, weeks 2 and 3 done
      { id: 'bob', total: 3, done: 2, due: 0, overdue: 1, lateDone: 0, percent: 66.7 },
      { id: 'carol', total: 0, done: 0, due: 0, overdue: 0, lateDone: 0, percent: null },
    ]);
  });

  it('per class: a dorm shared by two classes counts in both', () => {
    const byClass = Object.fromEntries(
      compliancePerClass(evaluations).map((s) => [s.id, [s.total, s.done, s.overdue]]),
    );
    expect(byClass).toEqual({ 'class-a': [5, 3, 0], 'class-b': [5, 3, 1] });
  });

  it('per rule', () => {
    expect(compliancePerRule(evaluations).map((s) => [s.id, s.percent])).toEqual([
      ['counselor-class-check-weekly', 80],
      ['counselor-dorm-check-fortnightly', 100],
    ]);
  });

  it('sorts worst first, unsettled last', () => {
    expect(
      compliancePerPerson(evaluations)
        .sort(worstFirst)
        .map((s) => s.id),
    ).toEqual(['bob', 'alice', 'carol']);
  });

  it('a deadline met late is counted apart and is not on time (issue 11)', () => {
    const item = (status: DutyItem['status']): DutyItem => ({
      key: status,
      personId: 'p',
      ruleId: 'r',
      role: 'counselor',
      title: 't',
      period: 'withinDaysOf',
      unit: { kind: 'warnedStudent', id: 's', classIds: [] },
      caseIds: [],
      window: { start: '2025-09-01T00:00:00.000+08:00', end: '2025-09-15T00:00:00.000+08:00', lastDay: '2025-09-14' },
      measure: 'count',
      required: 1,
      progress: status === 'done' || status === 'lateDone' ? 1 : 0,
      due: 0,
      done: [],
      late: [],
      status,
      dueAt: '2025-09-15T00:00:00.000+08:00',
    });
    const [summary] = summarizeBy([item('done'), item('lateDone'), item('overdue'), item('due')], (i) => [i.personId]);
    expect(summary).toEqual({ id: 'p', total: 4, done: 1, due: 1, overdue: 1, lateDone: 1, percent: 33.3 });
  });
});
