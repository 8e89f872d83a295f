import { evaluateDuties } from '../../../cloudfunctions/core/duties';
import { SUITE_DATES } from '../../support/harness';
import { calendar, counselorOf, dutyRecord, shippedRule } from '../../support/duties-factories';

/** The evaluator on the default rule's calendar at term time, in the winter break and years later. */
describe.each(Object.entries(SUITE_DATES))('duty evaluation at %s (%s)', (name, now) => {
  const want = {
    termTime: {
      semester: '2026-2027-1',
      thisWeek: '2026-11-23..2026-11-29',
      firstDay: '2026-09-07',
      lastDay: '2026-11-29',
    },
    winterBreak: { semester: '2026-2027-1', thisWeek: null, firstDay: '2026-09-07', lastDay: '2027-01-17' },
    laterYear: {
      semester: '2028-2029-1',
      thisWeek: '2028-10-09..2028-10-15',
      firstDay: '2028-09-11',
      lastDay: '2028-10-15',
    },
  }[name];
  const rule = shippedRule('counselor-class-check-weekly');
  const evaluate = (records = [dutyRecord({ kind: 'classCheck', at: now, classId: 'class-1' })]) =>
    evaluateDuties({ rules: [rule], calendar, now, subject: counselorOf(), records });

  it("evaluates today's semester (in a break, the one just ended), its weeks from the first up to this one", () => {
    const evaluation = evaluate();
    const starts = evaluation.items.map((i) => i.window.start.slice(0, 10)).sort();
    const days = evaluation.items.map((i) => i.window.lastDay).sort();
    expect(evaluation.semesterId).toBe(want?.semester);
    expect([starts[0], days[days.length - 1]]).toEqual([want?.firstDay, want?.lastDay]);
  });

  it('a class check today counts for this week in term time; in the break there is no week to count for', () => {
    const evaluation = evaluate();
    const open = evaluation.items.filter(
      (i) => Date.parse(i.window.start) <= Date.parse(now) && Date.parse(now) < Date.parse(i.window.end),
    );
    expect(open.map((i) => `${i.window.start.slice(0, 10)}..${i.window.lastDay}:${i.status}`)).toEqual(
      want?.thisWeek ? [`${want.thisWeek}:done`] : [],
    );
    expect(evaluation.overdue.length).toBeGreaterThan(0);
  });
});
