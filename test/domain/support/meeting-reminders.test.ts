import { meetingReminders, remindAt } from '../../../cloudfunctions/core/support/meeting-reminders';

const meeting = {
  _id: 'm1',
  actorId: 't-head',
  at: '2026-11-25T14:00:00.000+08:00',
  title: '学业帮扶约谈',
  place: '生科楼 302',
  remindBeforeMinutes: 24 * 60,
};
const people = [
  { userId: 't-head', openid: 'o-head', parent: false },
  { userId: 's-1', openid: 'o-s1', parent: false },
  { userId: 'p-1', openid: 'o-p1', parent: true },
  { userId: 's-2', openid: '', parent: false },
];

describe('meeting reminders', () => {
  it.each([
    ['2026-11-20T09:00:00.000+08:00', 24 * 60, '2026-11-24T14:00:00.000+08:00'],
    ['2026-11-20T09:00:00.000+08:00', 90, '2026-11-25T12:30:00.000+08:00'],
    ['2026-11-25T10:00:00.000+08:00', 24 * 60, '2026-11-25T10:00:00.000+08:00'], // too late for a day ahead: now
    ['2026-11-20T09:00:00.000+08:00', 0, '2026-11-25T14:00:00.000+08:00'],
  ])('now %s, %i minutes before → %s', (now, before, expected) => {
    expect(remindAt(meeting.at, before, now)).toBe(expected);
  });

  it('reminds both sides once each, skipping people without WeChat, opening their own page', () => {
    const reminders = meetingReminders(meeting, [...people, people[1]!], '2026-11-20T09:00:00.000+08:00');
    expect(reminders.map((r) => [r.toUserId, r.sendAfter])).toEqual([
      ['t-head', '2026-11-24T14:00:00.000+08:00'],
      ['s-1', '2026-11-24T14:00:00.000+08:00'],
      ['p-1', '2026-11-24T14:00:00.000+08:00'],
    ]);
    expect(reminders.map((r) => r.page.split('?')[0])).toEqual([
      'packages/staff/meeting/index',
      'packages/student/case/index',
      'packages/parent/meeting/index',
    ]);
    expect(new Set(reminders.map((r) => r.key)).size).toBe(3);
    for (const r of reminders) expect(r.data.thing1!.length).toBeLessThanOrEqual(20);
  });

  it('a new start time gives new keys (the old reminders can be withdrawn)', () => {
    const a = meetingReminders(meeting, people, '2026-11-20T09:00:00.000+08:00');
    const b = meetingReminders(
      { ...meeting, at: '2026-11-26T14:00:00.000+08:00' },
      people,
      '2026-11-20T09:00:00.000+08:00',
    );
    expect(a.map((r) => r.key).filter((k) => b.some((x) => x.key === k))).toEqual([]);
  });
});
