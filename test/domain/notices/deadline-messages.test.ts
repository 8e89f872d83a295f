import { deadlineMessages } from '../../../cloudfunctions/core/notices/message-intents';
import { isParentContactOverdue } from '../../../cloudfunctions/core/notices/parent-contact';

const notice = {
  _id: 'notice-w1',
  studentId: 's1',
  studentName: '李明',
  classId: 'c1',
  semester: '2025-2026-1',
  levelName: '书面警示',
  issuedAt: '2026-11-23T09:00:00.000+08:00',
  parentDeadline: '2026-11-30T09:00:00.000+08:00',
  version: 1,
  status: 'issued' as const,
  receipt: null,
  phoneContacts: [],
};
const parent = { userId: 'p-s1', openid: 'o-p' };

describe('deadline reminders for one notice', () => {
  it('before the deadline: the receipt request to each bound parent', () => {
    const out = deadlineMessages(notice, { parents: [parent], nowIso: '2026-11-25T09:00:00.000+08:00' });
    expect(out.map((m) => [m.kind, m.toUserId, m.key])).toEqual([['receiptDue', 'p-s1', 'receiptDue:notice-w1:p-s1']]);
  });

  it('after the week: the overdue note to the parent, one key per notice (the counselor gets a daily digest instead)', () => {
    const out = deadlineMessages(notice, { parents: [parent], nowIso: '2026-11-30T09:00:01.000+08:00' });
    expect(out.map((m) => m.key).sort()).toEqual(['receiptDue:notice-w1:p-s1', 'receiptOverdue:notice-w1:p-s1']);
  });

  it('no parent bound, overdue: nothing per notice', () => {
    expect(deadlineMessages(notice, { parents: [], nowIso: '2026-12-05T09:00:00.000+08:00' })).toEqual([]);
  });

  it.each([
    ['a receipt', { receipt: { parentUserId: 'p', parentName: 'x', at: notice.issuedAt, message: '', deviceId: 'd' } }],
    [
      'a phone contact',
      { phoneContacts: [{ at: notice.issuedAt, by: 't', byName: 'x', summary: 'y', recordedAt: notice.issuedAt }] },
    ],
    ['a superseded notice', { status: 'superseded' as const }],
  ])('nothing is owed after %s', (_name, patch) => {
    expect(
      deadlineMessages({ ...notice, ...patch }, { parents: [parent], nowIso: '2026-12-05T09:00:00.000+08:00' }),
    ).toEqual([]);
    expect(isParentContactOverdue({ ...notice, ...patch }, '2026-12-05T09:00:00.000+08:00')).toBe(false);
  });

  it('overdue exactly after the deadline instant', () => {
    expect(isParentContactOverdue(notice, notice.parentDeadline)).toBe(false);
    expect(isParentContactOverdue(notice, '2026-11-30T09:00:00.001+08:00')).toBe(true);
  });
});
