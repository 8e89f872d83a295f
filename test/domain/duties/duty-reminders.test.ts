import { remindersDue } from '../../../cloudfunctions/core/duties';
import { at, counselorOf, dutyRecord, shippedRule, subject, warned } from '../../support/duties-factories';
import { evaluateAt } from '../../support/duties-evaluation';

const r = dutyRecord;
const weekly = shippedRule('counselor-class-check-weekly'); // remindBeforeDays 2
const monthly = shippedRule('head-teacher-talk-warned-monthly'); // remindBeforeDays 7

describe('reminders before a duty falls overdue', () => {
  const person = counselorOf({
    classes: [
      { id: 'class-1', size: 30 },
      { id: 'class-2', size: 30 },
    ],
  });
  const checked = [r({ kind: 'classCheck', at: at('2025-09-16 10:00'), classId: 'class-2' })];

  it.each([
    ['Friday 23:59, 2 days and a minute before Monday 00:00', '2025-09-19 23:59', []],
    ['Saturday 00:00, exactly 2 days before', '2025-09-20 00:00', ['class-1']],
    ['Sunday 23:59', '2025-09-21 23:59', ['class-1']],
    ['Monday 00:00: overdue now, no reminder', '2025-09-22 00:00', []],
  ])('%s', (_name, now, units) => {
    const reminders = remindersDue(evaluateAt([weekly], person, checked, now), at(now), 5);
    expect(reminders.flatMap((x) => x.units.map((u) => u.id))).toEqual(units);
  });

  it("falls back to the caller's lead when the rule has none", () => {
    const { remindBeforeDays: _dropped, ...noLead } = weekly;
    const evaluation = evaluateAt([noLead], person, checked, '2025-09-17 00:00');
    expect(remindersDue(evaluation, at('2025-09-17 00:00'), 5)).toHaveLength(1);
    expect(remindersDue(evaluation, at('2025-09-17 00:00'), 4)).toHaveLength(0);
  });

  it('one reminder per duty per window, whatever the number of units, with a key stable across runs', () => {
    const head = subject([
      {
        role: 'headTeacher',
        warnedStudents: ['stu-1', 'stu-2', 'stu-3'].map((studentId) =>
          warned({ studentId, since: at('2025-09-10 09:00') }),
        ),
      },
    ]);
    const talked = [r({ kind: 'talk', at: at('2025-10-20 10:00'), studentId: 'stu-2' })];
    const early = remindersDue(evaluateAt([monthly], head, talked, '2025-10-25 08:00'), at('2025-10-25 08:00'), 1);
    const later = remindersDue(evaluateAt([monthly], head, talked, '2025-10-30 20:00'), at('2025-10-30 20:00'), 1);
    expect(early).toEqual([
      {
        dedupKey: 'duty-reminder|staff-1|head-teacher-talk-warned-monthly|2025-10-31',
        personId: 'staff-1',
        ruleId: monthly.id,
        title: monthly.title,
        dueAt: at('2025-11-01 00:00'),
        lastDay: '2025-10-31',
        itemKeys: [
          'staff-1|head-teacher-talk-warned-monthly|warnedStudent:stu-1|2025-10-01',
          'staff-1|head-teacher-talk-warned-monthly|warnedStudent:stu-3|2025-10-01',
        ],
        units: [
          { kind: 'warnedStudent', id: 'stu-1', classIds: ['class-1'] },
          { kind: 'warnedStudent', id: 'stu-3', classIds: ['class-1'] },
        ],
        remaining: 2,
      },
    ]);
    expect(later.map((x) => x.dedupKey)).toEqual(early.map((x) => x.dedupKey));
  });

  it('a done duty is never reminded', () => {
    const done = [r({ kind: 'classCheck', at: at('2025-09-16 10:00'), classId: 'class-1' }), ...checked];
    expect(remindersDue(evaluateAt([weekly], person, done, '2025-09-20 00:00'), at('2025-09-20 00:00'), 5)).toEqual([]);
  });
});
