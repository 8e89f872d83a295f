import { expect } from '@jest/globals';
import {
  caseDuties,
  createDutyEvaluator,
  evaluateDuties,
  evaluateDutiesBatch,
  indexDutyRecords,
} from '../../../cloudfunctions/core/duties';
import { DomainError } from '../../../cloudfunctions/core/errors';
import {
  at,
  calendar,
  counselorOf,
  dutyRecord,
  dutyRule,
  shippedRule,
  subject,
  warned,
} from '../../support/duties-factories';
import { brief, evaluateAt, pick } from '../../support/duties-evaluation';

const r = dutyRecord;

describe('fraction of class size, rounded up', () => {
  const rule = dutyRule({ per: 'class', quota: { fractionOfClassSize: { numerator: 1, denominator: 3 } } });
  it.each([
    [30, 10],
    [31, 11],
    [32, 11],
    [33, 11],
    [1, 1],
    [0, 0],
  ])('1/3 of %i students is %i talks', (size, required) => {
    const evaluation = evaluateAt([rule], counselorOf({ classes: [{ id: 'class-1', size }] }), [], '2025-10-01 00:00');
    expect(pick(evaluation, 'class-1', '2026-01-18').required).toBe(required);
  });

  it('an empty class owes nothing: done at once', () => {
    const evaluation = evaluateAt(
      [rule],
      counselorOf({ classes: [{ id: 'class-1', size: 0 }] }),
      [],
      '2026-02-01 00:00',
    );
    expect(pick(evaluation, 'class-1', '2026-01-18').status).toBe('done');
  });
});

describe("a warned student's duties start at the warning's publication", () => {
  const monthly = shippedRule('head-teacher-talk-warned-monthly');
  const headTeacher = (since: string, until?: string) =>
    subject([
      { role: 'headTeacher', warnedStudents: [warned({ since: at(since), ...(until ? { until: at(until) } : {}) })] },
    ]);

  it('published mid-October: no September item, October runs from the publication minute', () => {
    const talkBefore = r({ kind: 'talk', at: at('2025-10-14 09:59'), studentId: 'stu-1' });
    const evaluation = evaluateAt([monthly], headTeacher('2025-10-14 10:00'), [talkBefore], '2025-11-01 00:00');
    expect(evaluation.items.map((i) => [i.window.start, i.window.lastDay])).toEqual([
      [at('2025-10-14 10:00'), '2025-10-31'],
      [at('2025-11-01 00:00'), '2025-11-30'],
    ]);
    expect(pick(evaluation, 'stu-1', '2025-10-31')).toEqual({ required: 1, progress: 0, status: 'overdue' });
  });

  it('no duty before publication: a warning published tomorrow shows nothing today', () => {
    expect(evaluateAt([monthly], headTeacher('2025-10-14 10:00'), [], '2025-10-13 12:00').items).toEqual([]);
  });

  it('a lifted warning stops its duties; a short last piece joins the month before, a third of a month stays', () => {
    const evaluation = evaluateAt(
      [monthly],
      headTeacher('2025-09-20 10:00', '2025-11-05 12:00'),
      [],
      '2025-12-15 00:00',
    );
    expect(evaluation.items.map((i) => `${i.window.start.slice(0, 10)}..${i.window.lastDay}`)).toEqual([
      '2025-09-20..2025-09-30',
      '2025-10-01..2025-11-05',
    ]);
  });

  it('two cases of one student make one unit; each publication opens its own notification window', () => {
    const cases = [
      warned({ since: at('2025-09-22 15:00'), tags: ['warning'], caseId: 'w-1' }),
      warned({ since: at('2025-11-10 09:00'), tags: ['discipline'], caseId: 'd-1' }),
    ];
    const notify = shippedRule('counselor-notify-parents-of-warned');
    const twice = shippedRule('counselor-talks-warned-twice-semester');
    const evaluation = evaluateAt([notify, twice], counselorOf({ warnedStudents: cases }), [], '2025-12-01 00:00');
    expect(evaluation.items.filter((i) => i.ruleId === notify.id).map((i) => i.window.lastDay)).toEqual([
      '2025-09-29',
      '2025-11-17',
    ]);
    // Only the warning case carries the 'warning' tag the twice-a-semester rule asks for.
    expect(evaluation.items.filter((i) => i.ruleId === twice.id).map((i) => i.caseIds)).toEqual([['w-1']]);
  });

  it.each([
    [
      'published in the summer break: its deadline shows in the autumn semester',
      '2026-08-20 10:00',
      ['2026-08-27:overdue'],
    ],
    ['published last spring: its deadline belonged to that semester', '2026-04-01 10:00', []],
  ])('notification deadline %s', (_name, since, expected) => {
    const evaluation = evaluateAt(
      [shippedRule('counselor-notify-parents-of-warned')],
      counselorOf({ warnedStudents: [warned({ since: at(since) })] }),
      [],
      '2026-09-15 00:00',
    );
    expect(evaluation.items.map((i) => `${i.window.lastDay}:${i.status}`)).toEqual(expected);
  });

  it('a case tagged for nothing the rule applies to creates no duty', () => {
    const evaluation = evaluateAt(
      [shippedRule('head-teacher-talk-warned-monthly')],
      subject([
        { role: 'headTeacher', warnedStudents: [warned({ since: at('2025-09-20 10:00'), tags: ['discipline'] })] },
      ]),
      [],
      '2025-12-01 00:00',
    );
    expect(evaluation.items).toEqual([]);
  });
});

describe('what counts', () => {
  it("only the person's own records count", () => {
    const rule = shippedRule('counselor-class-check-weekly');
    const others = r({ kind: 'classCheck', at: at('2025-09-10 10:00'), classId: 'class-1', actorId: 'staff-2' });
    expect(
      pick(evaluateAt([rule], counselorOf(), [others], '2025-09-11 00:00'), 'class-1', '2025-09-14').progress,
    ).toBe(0);
  });

  it('a minutes quota adds up minutes and lists the records that gave any', () => {
    const rule = dutyRule({ per: 'student', period: 'schoolYear', quota: { minutes: 60 } });
    const records = [
      r({ _id: 'a', kind: 'talk', at: at('2025-10-01 10:00'), studentId: 'stu-1', minutes: 25 }),
      r({ _id: 'b', kind: 'talk', at: at('2025-11-01 10:00'), studentId: 'stu-1', minutes: 40 }),
      r({ _id: 'c', kind: 'talk', at: at('2025-11-02 10:00'), studentId: 'stu-1' }),
    ];
    const item = evaluateAt([rule], counselorOf(), records, '2025-12-01 00:00').items.find(
      (i) => i.unit.id === 'stu-1',
    );
    expect(item && { ...brief(item), measure: item.measure, done: item.done, due: item.due }).toEqual({
      required: 60,
      progress: 65,
      status: 'done',
      measure: 'minutes',
      done: ['a', 'b'],
      due: 0,
    });
  });

  it('a rule counting several kinds counts each', () => {
    const rule = dutyRule({ counts: { kinds: ['talk', 'parentContact'] }, quota: { count: 2 } });
    const records = [
      r({ kind: 'talk', at: at('2025-10-01 10:00') }),
      r({ kind: 'parentContact', at: at('2025-10-02 10:00') }),
    ];
    expect(pick(evaluateAt([rule], counselorOf(), records, '2025-10-03 00:00'), 'staff-1', '2026-01-18').status).toBe(
      'done',
    );
  });

  it('records given in any order give the same answer', () => {
    const rule = shippedRule('counselor-dorm-check-fortnightly');
    const records = ['2025-10-30', '2025-09-10', '2025-10-01', '2025-09-25'].map((d, i) =>
      r({ _id: `d${i}`, kind: 'dormCheck', at: at(`${d} 21:00`), dormId: 'dorm-101', documented: true }),
    );
    const forward = evaluateAt([rule], counselorOf(), records, '2025-11-10 00:00');
    const backward = evaluateAt([rule], counselorOf(), [...records].reverse(), '2025-11-10 00:00');
    expect(backward.items).toEqual(forward.items);
    expect(forward.items.filter((i) => i.unit.id === 'dorm-101').map((i) => i.done)).toEqual([
      ['d1'],
      ['d3', 'd2'],
      [],
      ['d0'],
      [],
    ]);
  });
});

describe('one evaluation', () => {
  const rules = [shippedRule('counselor-class-check-weekly'), shippedRule('counselor-lecture-attendance-monthly')];

  it('lists only windows begun by now; next is the open item due soonest; overdue lists the missed ones', () => {
    const evaluation = evaluateAt(rules, counselorOf(), [], '2025-09-17 12:00');
    expect(evaluation.items.map((i) => `${i.ruleId}@${i.window.lastDay}:${i.status}`)).toEqual([
      'counselor-class-check-weekly@2025-09-14:overdue',
      'counselor-class-check-weekly@2025-09-21:due',
      'counselor-lecture-attendance-monthly@2025-09-30:due',
    ]);
    expect(evaluation.next?.key).toBe('staff-1|counselor-class-check-weekly|class:class-1|2025-09-15');
    expect(evaluation.next?.dueAt).toBe(at('2025-09-22 00:00'));
    expect(evaluation.overdue.map((i) => i.window.lastDay)).toEqual(['2025-09-14']);
    expect([evaluation.semesterId, evaluation.schoolYearId]).toEqual(['2025-2026-1', '2025-2026']);
  });

  it('a person with two roles gets the duties of both, each from its own classes', () => {
    const both = subject([
      { role: 'counselor', classes: [{ id: 'class-1', size: 30 }] },
      { role: 'headTeacher', classes: [{ id: 'class-7', size: 30 }] },
    ]);
    const evaluation = evaluateAt(
      [shippedRule('counselor-class-check-weekly'), shippedRule('head-teacher-study-method-meetings')],
      both,
      [],
      '2025-09-10 00:00',
    );
    expect(evaluation.items.map((i) => `${i.role}:${i.unit.id}`)).toEqual(['counselor:class-1', 'headTeacher:class-7']);
  });

  it('in the winter break the semester just ended is shown, all closed', () => {
    const evaluation = evaluateAt(rules, counselorOf(), [], '2026-02-10 00:00');
    expect(evaluation.semesterId).toBe('2025-2026-1');
    expect(evaluation.items.every((i) => i.status === 'overdue')).toBe(true);
    expect(evaluation.next).toBeNull();
  });

  it('a past semester can be asked for', () => {
    const evaluation = evaluateDuties({
      rules,
      calendar,
      now: at('2026-04-01 00:00'),
      semesterId: '2025-2026-1',
      subject: counselorOf(),
      records: [],
    });
    expect(evaluation.items).toHaveLength(19 + 5);
  });

  it.each([
    ['a date before the calendar', { now: at('2024-03-01 00:00') }, 'DUTY.CALENDAR_GAP'],
    ['an unknown semester', { now: at('2025-10-01 00:00'), semesterId: '2031-2032-1' }, 'DUTY.SEMESTER_UNKNOWN'],
  ])('%s is an error, not an empty answer', (_name, settings, code) => {
    expect(() => createDutyEvaluator({ rules, calendar, ...settings })).toThrow(DomainError);
    expect(() => createDutyEvaluator({ rules, calendar, ...settings })).toThrow(expect.objectContaining({ code }));
  });

  it('a record whose time cannot be read is an error', () => {
    expect(() => indexDutyRecords([r({ kind: 'talk', at: 'yesterday' })])).toThrow(
      expect.objectContaining({ code: 'DUTY.RECORD_INVALID' }),
    );
  });
});

describe('batch', () => {
  it('gives each person what evaluating them alone gives, from one index', () => {
    const people = ['staff-1', 'staff-2', 'staff-3'].map((id, n) =>
      counselorOf({ classes: [{ id: `class-${n}`, size: 30 + n }] }, id),
    );
    const records = people.flatMap((p, n) => [
      r({ kind: 'classCheck', actorId: p.personId, at: at('2025-09-10 10:00'), classId: `class-${n}` }),
      r({ kind: 'talk', actorId: p.personId, at: at('2025-09-11 10:00'), classId: `class-${n}`, studentId: 'x' }),
    ]);
    const settings = {
      rules: [shippedRule('counselor-class-check-weekly'), shippedRule('counselor-talks-third-of-class')],
      calendar,
      now: at('2025-09-20 00:00'),
    };
    const batch = evaluateDutiesBatch({ ...settings, subjects: people, records: indexDutyRecords(records) });
    expect(batch).toEqual(people.map((p) => evaluateDuties({ ...settings, subject: p, records })));
  });
});

describe('case view (the warning-level duties of the casework)', () => {
  it("shows each handler's duties toward the student and nothing else", () => {
    const rules = [
      shippedRule('counselor-talks-warned-twice-semester'),
      shippedRule('head-teacher-talk-warned-monthly'),
      shippedRule('counselor-class-check-weekly'),
    ];
    const items = caseDuties({
      rules,
      calendar,
      now: at('2025-10-05 00:00'),
      cases: [warned({ since: at('2025-09-20 09:00') })],
      handlers: [
        { personId: 'counselor-1', role: 'counselor' },
        { personId: 'head-1', role: 'headTeacher' },
      ],
      records: [r({ kind: 'talk', actorId: 'head-1', at: at('2025-09-25 10:00'), studentId: 'stu-1' })],
    });
    expect(items.map((i) => `${i.personId}:${i.ruleId}@${i.window.lastDay}:${i.status}`)).toEqual([
      'counselor-1:counselor-talks-warned-twice-semester@2026-01-18:due',
      'head-1:head-teacher-talk-warned-monthly@2025-09-30:done',
      'head-1:head-teacher-talk-warned-monthly@2025-10-31:due',
    ]);
  });
});
