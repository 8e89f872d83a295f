import { openEmptyHarness, type EmptyHarness } from '../../support/harness';
import { seedTwoClasses, type TwoClasses } from '../../support/build/two-classes';
import { makeWarning, publishWarning, SIGNATURE } from '../../support/notices-factories';

describe('who may read and answer a notice', () => {
  let h: EmptyHarness;
  let people: TwoClasses;
  let noticeId: string;
  let outsiderNoticeId: string;
  beforeEach(async () => {
    h = await openEmptyHarness();
    people = await seedTwoClasses(h.store, '2026-09-01T08:00:00.000+08:00');
    noticeId = (await publishWarning(h.store, makeWarning(people.student))).notice._id;
    outsiderNoticeId = (await publishWarning(h.store, makeWarning(people.outsider))).notice._id;
    await h.ok(people.parentUser, 'notices', 'returnReceipt', {
      noticeId,
      message: '只给辅导员看的话',
      signature: SIGNATURE,
      deviceId: 'parent-device',
    });
  });
  afterEach(async () => h.close());

  const denied = { ok: false, code: 'ACCESS.DENIED' };

  it.each([
    [
      'a parent reads another student’s parent copy',
      () => h.callAs(people.otherParentUser, 'notices', 'parentCopy', { noticeId }),
    ],
    [
      'a parent returns a receipt for another student',
      () =>
        h.callAs(people.otherParentUser, 'notices', 'returnReceipt', {
          noticeId,
          signature: SIGNATURE,
          deviceId: 'xxxxxxxx',
        }),
    ],
    [
      'a student reads the parent copy (and its receipt message)',
      () => h.callAs(people.studentUser, 'notices', 'parentCopy', { noticeId }),
    ],
    [
      'a student reads a classmate’s notice',
      () => h.callAs(people.classmateUser, 'notices', 'studentCopy', { noticeId }),
    ],
    [
      'a student signs a classmate’s notice',
      () =>
        h.callAs(people.classmateUser, 'notices', 'acknowledge', {
          noticeId,
          signature: SIGNATURE,
          deviceId: 'xxxxxxxx',
        }),
    ],
    [
      'a counselor tracks another grade’s class',
      () => h.callAs(people.counselorUser, 'notices', 'classStatus', { classId: people.otherClass._id }),
    ],
    [
      'a counselor records a contact for another grade’s student',
      () =>
        h.callAs(people.counselorUser, 'notices', 'recordPhoneContact', {
          noticeId: outsiderNoticeId,
          at: '2026-11-23T08:00:00+08:00',
          summary: 'x',
        }),
    ],
    [
      'an assistant tracks the class',
      () => h.callAs(people.assistantUser, 'notices', 'classStatus', { classId: people.firstClass._id }),
    ],
    [
      'a counselor resolves an objection',
      () => h.callAs(people.counselorUser, 'notices', 'resolveObjection', { noticeId, decision: 'confirm', note: 'x' }),
    ],
    [
      'anyone reads an unknown notice',
      () => h.callAs(people.studentUser, 'notices', 'studentCopy', { noticeId: 'notice-nope' }),
    ],
  ])('denied: %s', async (_name, call) => {
    expect(await call()).toMatchObject(denied);
  });

  it("the student's view never carries the parent's receipt message", async () => {
    const view = await h.ok(people.studentUser, 'notices', 'studentCopy', { noticeId });
    expect(JSON.stringify(view)).not.toContain('只给辅导员看的话');
    expect(JSON.stringify(await h.ok(people.studentUser, 'notices', 'studentNotices', {}))).not.toContain(
      '只给辅导员看的话',
    );
  });

  it('a parent lists only their own child’s notices; the counselor sees their class only', async () => {
    expect((await h.ok(people.parentUser, 'notices', 'childNotices', {})).map((n) => n.noticeId)).toEqual([noticeId]);
    expect((await h.ok(people.otherParentUser, 'notices', 'childNotices', {})).map((n) => n.noticeId)).toEqual([
      outsiderNoticeId,
    ]);
    const status = await h.ok(people.counselorUser, 'notices', 'classStatus', { classId: people.firstClass._id });
    expect(status.rows.map((r) => r.noticeId)).toEqual([noticeId]);
    expect(status.rows[0]?.receiptMessage).toBe('只给辅导员看的话');
  });

  it('staff reading the student copy does not mark it read', async () => {
    await h.ok(people.counselorUser, 'notices', 'studentCopy', { noticeId });
    const row = (await h.ok(people.counselorUser, 'notices', 'classStatus', { classId: people.firstClass._id }))
      .rows[0];
    expect(row?.read).toBe(false);
  });
});
