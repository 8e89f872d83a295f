import { expect } from '@jest/globals';
import { openEmptyHarness, type EmptyHarness } from '../../support/harness';
import { seedTwoClasses, type TwoClasses } from '../../support/build/two-classes';
import { makeWarning, publishWarning, SIGNATURE } from '../../support/notices-factories';
import { issueNoticesInTx, loadNoticeNames } from '../../../cloudfunctions/application/notices/issue';
import { localSender } from '../../../cloudfunctions/platform/messenger/local-sender';
import { sendDue } from '../../../cloudfunctions/platform/messenger/send-pass';

describe('notices: publish → sign → parent binds → receipt → counselor sees all green', () => {
  let h: EmptyHarness;
  let people: TwoClasses;
  beforeEach(async () => {
    h = await openEmptyHarness();
    // 孙一鸣's parent is bound; 钱二妹 and 赵三强 have none yet.
    people = await seedTwoClasses(h.store, '2026-09-01T08:00:00.000+08:00');
  });
  afterEach(async () => h.close());

  const outbox = () => h.store.query('outbox', { limit: 1000 });

  it('the whole flow for a student whose parent has no WeChat binding yet', async () => {
    const student = people.classmate; // no parent user yet
    const { notice } = await publishWarning(h.store, makeWarning(student));
    expect((await outbox()).map((m) => [m.kind, m.toUserId])).toEqual([['warningIssued', `s-${student._id}`]]);

    const copy = await h.ok(people.classmateUser, 'notices', 'studentCopy', { noticeId: notice._id });
    expect(copy.readAt).toBe('2026-11-23T09:00:00.000+08:00');
    expect(copy.copy.title).toBe('学业警示通知单（学生联）');

    h.clock.advance(30_000);
    const signed = await h.ok(people.classmateUser, 'notices', 'acknowledge', {
      noticeId: notice._id,
      signature: SIGNATURE,
      deviceId: 'student-phone-1',
    });
    expect(signed.ack?.at).toBe('2026-11-23T09:00:30.000+08:00');
    h.clock.advance(60_000);
    const again = await h.ok(people.classmateUser, 'notices', 'acknowledge', {
      noticeId: notice._id,
      signature: SIGNATURE.replace('AAAA', 'BBBB'),
      deviceId: 'student-phone-1',
    });
    expect(again.ack?.at).toBe('2026-11-23T09:00:30.000+08:00');
    expect((await h.store.get('noticeSignatures', `${notice._id}:student`))?.image).toBe(SIGNATURE);

    const issued = await h.ok(people.counselorUser, 'notices', 'createBindingCode', { studentId: student._id });
    expect(issued.code).toMatch(/^[2-9A-Z]{4}-[2-9A-Z]{4}$/);
    expect(issued.parentPhoneMasked).toMatch(/^\d{3}\*{8}$/);
    expect(JSON.stringify(await h.store.query('bindingCodes'))).not.toContain(issued.code.replace('-', ''));

    h.clock.advance(3600_000);
    const bound = await h.ok('new-parent-x', 'notices', 'bindParent', {
      code: issued.code.toLowerCase(),
      studentNo: student._id,
      parentName: student.parentName,
    });
    expect(bound).toMatchObject({ studentId: student._id, openNotices: [notice._id] });
    const [parent] = await h.store.query('users', { where: { openid: 'demo:new-parent-x' } });
    expect(parent?.grants).toEqual([{ role: 'parent', childIds: [student._id] }]);
    expect((await outbox()).filter((m) => m.kind === 'receiptDue').map((m) => m.toUserId)).toEqual([parent?._id]);

    const parentCopy = await h.ok('new-parent-x', 'notices', 'parentCopy', { noticeId: notice._id });
    expect(parentCopy.copy.title).toBe('学业警示通知单（家长联）');
    const receipt = await h.ok('new-parent-x', 'notices', 'returnReceipt', {
      noticeId: notice._id,
      message: '我们会督促孩子学习',
      signature: SIGNATURE,
      deviceId: 'parent-phone-9',
    });
    expect(receipt.receipt).toMatchObject({ message: '我们会督促孩子学习' });

    await sendDue(h.store, localSender(h.store), h.clock, 'test');
    const status = await h.ok(people.counselorUser, 'notices', 'classStatus', { classId: student.classId });
    const row = status.rows.find((r) => r.studentId === student._id);
    expect(row).toMatchObject({
      sent: 'sent',
      read: true,
      answer: 'signed',
      parentBound: true,
      parentRead: true,
      contact: 'receipt',
      overdue: false,
      flags: [],
      undelivered: [],
      receiptMessage: '我们会督促孩子学习',
    });
  });

  it('issuing the same warning twice keeps one notice and one message', async () => {
    const warning = makeWarning(people.student);
    await publishWarning(h.store, warning);
    const names = (await loadNoticeNames(h.store, [warning])).get(warning.studentId);
    if (!names) throw new Error('names');
    const second = await h.store.transaction((tx) =>
      issueNoticesInTx(tx, warning, { by: 't-clerk', at: warning.publishedAt }, names),
    );
    expect(second.created).toBe(false);
    expect(await h.store.count('notices')).toBe(1);
    expect(await h.store.count('outbox')).toBe(1);
  });

  it('an escalated warning says so in the student message', async () => {
    await publishWarning(h.store, makeWarning(people.student, { change: 'escalated' }));
    const [m] = await outbox();
    expect(m?.data.level).toBe('书面警示（升级）');
  });

  it('no student user: the notice is issued, no message is queued, the counselor sees "none"', async () => {
    await h.store.remove('users', people.studentUser);
    const { notice, messageQueued } = await publishWarning(h.store, makeWarning(people.student));
    expect(messageQueued).toBe(false);
    const status = await h.ok(people.counselorUser, 'notices', 'classStatus', { classId: people.student.classId });
    expect(status.rows.find((r) => r.noticeId === notice._id)?.sent).toBe('none');
  });

  it('objection → clerk is told → clerk confirms → the counselor sees it → the student signs', async () => {
    const { notice } = await publishWarning(h.store, makeWarning(people.student));
    const objected = await h.ok(people.studentUser, 'notices', 'object', {
      noticeId: notice._id,
      reason: '大学物理补考我已通过',
    });
    expect(objected.objection?.state).toBe('open');
    expect(
      (await outbox()).filter((m) => m.kind === 'objectionRaised').map((m) => [m.toUserId, m.data.reason]),
    ).toEqual([['t-clerk', '大学物理补考我已通过']]);
    expect(
      (
        await h.callAs(people.studentUser, 'notices', 'acknowledge', {
          noticeId: notice._id,
          signature: SIGNATURE,
          deviceId: 'student-phone-1',
        })
      ).ok,
    ).toBe(false);

    const list = await h.ok(people.clerkUser, 'notices', 'objections', {});
    expect(list.map((o) => [o.noticeId, o.objection.state])).toEqual([[notice._id, 'open']]);
    expect(list[0]?.reasons.join('')).toContain('大学物理');
    await h.ok(people.clerkUser, 'notices', 'resolveObjection', {
      noticeId: notice._id,
      decision: 'confirm',
      note: '补考成绩 52 分，核实无误',
    });

    const status = await h.ok(people.counselorUser, 'notices', 'classStatus', { classId: people.student.classId });
    expect(status.rows.find((r) => r.noticeId === notice._id)).toMatchObject({
      answer: 'objected',
      objection: { state: 'confirmed', note: '补考成绩 52 分，核实无误' },
    });
    const signed = await h.ok(people.studentUser, 'notices', 'acknowledge', {
      noticeId: notice._id,
      signature: SIGNATURE,
      deviceId: 'student-phone-1',
    });
    expect(signed.ack).not.toBeNull();
  });

  it('a correction is a new version with the reason; the issued text is never edited', async () => {
    const warning = makeWarning(people.student);
    const { notice } = await publishWarning(h.store, warning);
    await h.ok(people.studentUser, 'notices', 'object', { noticeId: notice._id, reason: '大学物理补考我已通过' });
    h.clock.advance(3600_000);
    // The rows behind the warning, as imported; the clerk corrects the 大学物理 make-up (issue 9: the decision changes, not only the text).
    const row = (
      courseCode: string,
      courseName: string,
      credits: number,
      attempt: 'regular' | 'makeup',
      score: string,
    ) => ({
      _id: `${people.student._id}:${courseCode}:2025-2026-1:${attempt}`,
      studentId: people.student._id,
      classId: people.student.classId,
      collegeId: people.student.collegeId,
      courseCode,
      courseName,
      credits,
      score,
      attempt,
      semester: '2025-2026-1',
    });
    await h.store.addMany(
      'grades',
      [
        row('MA1011', '高等数学A（上）', 5, 'regular', '41'),
        row('MA1011', '高等数学A（上）', 5, 'makeup', '45'),
        row('PH1001', '大学物理', 4, 'regular', '38'),
        row('PH1001', '大学物理', 4, 'makeup', '52'),
      ],
      { by: 'import', at: '2026-09-01T09:00:00.000+08:00' },
    );
    const resolved = await h.ok(people.clerkUser, 'notices', 'resolveObjection', {
      noticeId: notice._id,
      decision: 'correct',
      note: '大学物理补考成绩录入有误，已更正',
      grades: [{ gradeId: `${people.student._id}:PH1001:2025-2026-1:makeup`, action: 'correct', score: '68' }],
    });
    expect(resolved).toMatchObject({ state: 'corrected', newNoticeId: `notice-${warning._id}-v2` });
    const old = await h.store.get('notices', notice._id);
    expect(old?.copies).toEqual(notice.copies);
    expect(old).toMatchObject({ status: 'superseded', supersededBy: resolved.newNoticeId });
    const v2 = await h.ok(people.studentUser, 'notices', 'studentCopy', { noticeId: resolved.newNoticeId ?? '' });
    expect(v2.correction).toEqual({ replaces: notice._id, reason: '大学物理补考成绩录入有误，已更正' });
    expect(v2.copy.paragraphs.find((line) => line.includes('补考后仍不及格'))).not.toContain('PH1001');
    // The correction answers the objection; it is not announced as a new warning.
    expect((await outbox()).filter((m) => m.kind === 'warningIssued').map((m) => m.data.level)).toEqual(['书面警示']);
    expect((await outbox()).filter((m) => m.kind === 'objectionAnswered').map((m) => m.data.result)).toEqual([
      '已更正',
    ]);
    const status = await h.ok(people.counselorUser, 'notices', 'classStatus', { classId: people.student.classId });
    expect(status.rows.filter((r) => r.studentId === people.student._id).map((r) => [r.version, r.correction])).toEqual(
      [[2, '大学物理补考成绩录入有误，已更正']],
    );
  });

  it('a parent without WeChat: a recorded phone contact counts, marked as phone', async () => {
    const { notice } = await publishWarning(h.store, makeWarning(people.classmate));
    h.clock.advance(8 * 86_400_000);
    let row = (await h.ok(people.counselorUser, 'notices', 'classStatus', { classId: people.classmate.classId }))
      .rows[0];
    expect(row).toMatchObject({ overdue: true, contact: 'none', parentBound: false });
    const res = await h.ok(people.counselorUser, 'notices', 'recordPhoneContact', {
      noticeId: notice._id,
      at: '2026-12-01T08:00:00+08:00',
      summary: '已电话告知家长，家长表示会督促',
    });
    expect(res.phoneContacts).toEqual([
      expect.objectContaining({
        at: '2026-12-01T08:00:00.000+08:00',
        by: people.counselorUser,
        summary: '已电话告知家长，家长表示会督促',
      }),
    ]);
    row = (await h.ok(people.counselorUser, 'notices', 'classStatus', { classId: people.classmate.classId })).rows[0];
    expect(row).toMatchObject({ overdue: false, contact: 'phone', contactAt: '2026-12-01T08:00:00.000+08:00' });
    const future = await h.callAs(people.counselorUser, 'notices', 'recordPhoneContact', {
      noticeId: notice._id,
      at: '2027-01-01T10:00:00+08:00',
      summary: 'x',
    });
    expect(future).toMatchObject({ ok: false, field: 'at' });
  });

  it.each<[string, string, { ok: true; at: string } | { ok: false; field: string }]>([
    ['before the notice was issued', '2026-11-23T08:59:59+08:00', { ok: false, field: 'at' }],
    ['at the issue time', '2026-11-23T09:00:00+08:00', { ok: true, at: '2026-11-23T09:00:00.000+08:00' }],
    [
      'a phone clock 2 minutes fast: stored as now',
      '2026-11-23T10:02:00+08:00',
      { ok: true, at: '2026-11-23T10:00:00.000+08:00' },
    ],
    ['an hour in the future', '2026-11-23T11:00:00+08:00', { ok: false, field: 'at' }],
  ])('a phone contact dated %s', async (_name, at, expected) => {
    const { notice } = await publishWarning(h.store, makeWarning(people.classmate));
    h.clock.advance(3600_000);
    const res = await h.callAs(people.counselorUser, 'notices', 'recordPhoneContact', {
      noticeId: notice._id,
      at,
      summary: '已电话告知',
    });
    if (expected.ok) expect(res).toMatchObject({ ok: true, data: { phoneContacts: [{ at: expected.at }] } });
    else expect(res).toMatchObject({ ok: false, code: 'INPUT.INVALID', field: expected.field });
  });

  it('a phone contact sent twice (or at once) with the same client key is recorded once', async () => {
    const { notice } = await publishWarning(h.store, makeWarning(people.classmate));
    const input = {
      noticeId: notice._id,
      at: '2026-11-23T09:00:00+08:00',
      summary: '已电话告知',
      clientId: 'call-abc-0001',
    };
    const [a, b] = await Promise.all([
      h.ok(people.counselorUser, 'notices', 'recordPhoneContact', input),
      h.ok(people.counselorUser, 'notices', 'recordPhoneContact', input),
    ]);
    expect(a.phoneContacts).toHaveLength(1);
    expect(b.phoneContacts).toHaveLength(1);
    const again = await h.ok(people.counselorUser, 'notices', 'recordPhoneContact', { ...input, summary: '重发' });
    expect(again.phoneContacts.map((c) => c.summary)).toEqual(['已电话告知']);
    const another = await h.ok(people.counselorUser, 'notices', 'recordPhoneContact', {
      ...input,
      clientId: 'call-abc-0002',
      summary: '跟进',
    });
    expect(another.phoneContacts.map((c) => c.summary)).toEqual(['已电话告知', '跟进']);
  });

  it('a receipt from the student’s own device within a minute of signing is flagged', async () => {
    const { notice } = await publishWarning(h.store, makeWarning(people.student));
    await h.ok(people.studentUser, 'notices', 'acknowledge', {
      noticeId: notice._id,
      signature: SIGNATURE,
      deviceId: 'same-phone-123',
    });
    h.clock.advance(15_000);
    await h.ok(people.parentUser, 'notices', 'returnReceipt', {
      noticeId: notice._id,
      signature: SIGNATURE,
      deviceId: 'same-phone-123',
    });
    const row = (
      await h.ok(people.counselorUser, 'notices', 'classStatus', { classId: people.student.classId })
    ).rows.find((r) => r.noticeId === notice._id);
    expect(row?.flags).toEqual(['receiptRightAfterAck']);
  });

  it('one WeChat bound as parent of unrelated students is flagged on both bindings', async () => {
    // 钱二妹 and 赵三强 of 生工251班: unrelated (different parent phones), neither has a parent bound.
    const [a, b] = [people.classmate, people.third];
    await publishWarning(h.store, makeWarning(b));
    for (const s of [a, b]) {
      const { code } = await h.ok(people.counselorUser, 'notices', 'createBindingCode', { studentId: s._id });
      await h.ok('hired-parent', 'notices', 'bindParent', { code, studentNo: s._id, parentName: s.parentName });
    }
    const bindings = await h.store.query('parentBindings');
    expect(bindings.map((x) => [x.studentId, x.flags])).toEqual(
      expect.arrayContaining([
        [a._id, ['parentOfUnrelatedStudents']],
        [b._id, ['parentOfUnrelatedStudents']],
      ]),
    );
    const row = (await h.ok(people.counselorUser, 'notices', 'classStatus', { classId: b.classId })).rows.find(
      (r) => r.studentId === b._id,
    );
    expect(row?.flags).toContain('parentOfUnrelatedStudents');
  });
});
