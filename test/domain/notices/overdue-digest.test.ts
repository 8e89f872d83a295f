import { overdueDigest, type OverdueNotice } from '../../../cloudfunctions/core/notices/overdue-digest';

const counselor = { userId: 't-c', openid: 'o-c' };
const note = (i: number, classId = 'c1', deadline = '2026-11-30T09:00:00.000+08:00'): OverdueNotice => ({
  noticeId: `n${i}`,
  classId,
  className: classId === 'c1' ? '生工241班' : '生工242班',
  parentDeadline: deadline,
  storedAt: '2026-11-23T09:00:00.000+08:00',
});

describe('the counselor digest of overdue parent contacts', () => {
  it('is keyed by counselor and Shanghai day, so a pass every minute sends one a day', () => {
    const a = overdueDigest(counselor, [note(1)], null, '2026-11-30T23:59:00.000+08:00');
    const b = overdueDigest(counselor, [note(1)], null, '2026-11-30T16:00:00.000Z'); // 00:00 on 12-01 in Shanghai
    expect(a?.key).toBe('parentContactOverdue:t-c:2026-11-30');
    expect(b?.key).toBe('parentContactOverdue:t-c:2026-12-01');
  });

  it('counts every overdue notice, names the earliest deadline, opens the class list when one class', () => {
    const d = overdueDigest(
      counselor,
      [note(1, 'c1', '2026-12-01T09:00:00.000+08:00'), note(2)],
      null,
      '2026-12-02T09:00:00.000+08:00',
    );
    expect(d?.data).toEqual({
      count: '2',
      className: '生工241班',
      deadline: '2026-11-30T09:00:00.000+08:00',
      note: '新增2人，请尽快联系家长并记录',
    });
    expect(d?.page).toBe('packages/staff/notices/index?classId=c1');
    expect(
      overdueDigest(counselor, [note(1), note(2, 'c2')], null, '2026-12-02T09:00:00.000+08:00')?.data.className,
    ).toBe('生工241班等2个班');
  });

  it('nothing when no notice became overdue since the last digest', () => {
    expect(
      overdueDigest(counselor, [note(1)], '2026-11-30T10:00:00.000+08:00', '2026-12-01T10:00:00.000+08:00'),
    ).toBeNull();
    expect(overdueDigest(counselor, [], null, '2026-12-01T10:00:00.000+08:00')).toBeNull();
  });

  it('a notice stored after its deadline (a correction) is new from when it was stored', () => {
    const corrected = { ...note(3), storedAt: '2026-12-01T08:00:00.000+08:00' };
    expect(
      overdueDigest(counselor, [note(1), corrected], '2026-11-30T10:00:00.000+08:00', '2026-12-01T10:00:00.000+08:00')
        ?.data.note,
    ).toBe('新增1人，请尽快联系家长并记录');
  });
});
