import { openEmptyHarness, type EmptyHarness } from '../../support/harness';
import { seedTwoClasses, type TwoClasses } from '../../support/build/two-classes';
import { makeWarning, publishWarning, SIGNATURE } from '../../support/notices-factories';
import { signatureCloudPath } from '../../../types/signature';

/** Issue 9 §6: the 学院存根 was generated but nobody could see it, nor the signatures behind it. */
describe('the notice record: three copies, the student signature, the signed receipt', () => {
  let h: EmptyHarness;
  let people: TwoClasses;
  let noticeId: string;
  beforeAll(async () => {
    h = await openEmptyHarness();
    people = await seedTwoClasses(h.store, '2026-09-01T08:00:00.000+08:00');
    noticeId = (await publishWarning(h.store, makeWarning(people.student))).notice._id;
    await h.ok(people.studentUser, 'notices', 'acknowledge', {
      noticeId,
      signature: SIGNATURE,
      deviceId: 'student-phone-1',
    });
    h.clock.advance(3600_000);
    await h.ok(people.parentUser, 'notices', 'returnReceipt', {
      noticeId,
      message: '我们会督促孩子学习',
      signature: SIGNATURE.replace('AAAA', 'PPPP'),
      deviceId: 'parent-phone-1',
    });
  });
  afterAll(() => h.close());

  it.each(['counselorUser', 'headTeacherUser', 'clerkUser'] as const)(
    'the %s sees every copy and both signatures',
    async (who) => {
      const record = await h.ok(people[who], 'notices', 'noticeRecord', { noticeId });
      expect([record.copies.college.title, record.copies.student.title, record.copies.parent.title]).toEqual([
        '学业警示通知单（学院存根）',
        '学业警示通知单（学生联）',
        '学业警示通知单（家长联）',
      ]);
      expect(record.studentSignature).toEqual({ at: '2026-11-23T09:00:00.000+08:00', image: SIGNATURE });
      expect(record.receipt).toMatchObject({ message: '我们会督促孩子学习', image: SIGNATURE.replace('AAAA', 'PPPP') });
    },
  );

  it.each([
    ['the student', 'studentUser'],
    ['the parent', 'parentUser'],
    ['a leader (tracks numbers, does not file papers)', 'leaderUser'],
    ["another class's counselor", 'otherCounselorUser'],
    ['the assistant', 'assistantUser'],
  ] as const)('%s is refused', async (_name, who) => {
    expect(await h.callAs(people[who], 'notices', 'noticeRecord', { noticeId })).toMatchObject({
      ok: false,
      code: 'ACCESS.DENIED',
    });
  });
});

/** Issue 9 §10: in WeChat the signature is an uploaded file; the server took data URLs only. */
describe('signatures as data URLs (H5) or cloud file ids (WeChat)', () => {
  let h: EmptyHarness;
  let people: TwoClasses;
  beforeEach(async () => {
    h = await openEmptyHarness();
    people = await seedTwoClasses(h.store, '2026-09-01T08:00:00.000+08:00');
  });
  afterEach(async () => h.close());

  const fileId = (noticeId: string, who: 'student' | 'parent') =>
    `cloud://prod-7g2k.7072-prod-7g2k-1300000000/${signatureCloudPath(noticeId, who, 'a1b2c3d4')}`;

  it('accepts the file id uploaded under this notice, and shows it on the record', async () => {
    const { notice } = await publishWarning(h.store, makeWarning(people.student));
    const signed = await h.callAs(people.studentUser, 'notices', 'acknowledge', {
      noticeId: notice._id,
      signature: fileId(notice._id, 'student'),
      deviceId: 'student-phone-1',
    });
    expect(signed).toMatchObject({ ok: true });
    const receipt = await h.callAs(people.parentUser, 'notices', 'returnReceipt', {
      noticeId: notice._id,
      message: '',
      signature: fileId(notice._id, 'parent'),
      deviceId: 'parent-phone-1',
    });
    expect(receipt).toMatchObject({ ok: true });
    const record = await h.ok(people.counselorUser, 'notices', 'noticeRecord', { noticeId: notice._id });
    expect(record.studentSignature?.image).toBe(fileId(notice._id, 'student'));
    expect(record.receipt?.image).toBe(fileId(notice._id, 'parent'));
  });

  it.each([
    ["another notice's file", (id: string) => fileId(`${id}-other`, 'student'), 'signature'],
    ["the parent's file as the student's signature", (id: string) => fileId(id, 'parent'), 'signature'],
    ['an outside URL', () => 'https://example.com/sig.png', 'signature'],
    ['a file id outside the signatures folder', () => 'cloud://prod-7g2k.7072/avatars/x.png', 'signature'],
    ['an oversized image', () => `data:image/png;base64,${'A'.repeat(400_001)}`, 'signature'],
  ])('refuses %s, writing nothing', async (_name, make, field) => {
    const { notice } = await publishWarning(h.store, makeWarning(people.student));
    const answer = await h.callAs(people.studentUser, 'notices', 'acknowledge', {
      noticeId: notice._id,
      signature: make(notice._id),
      deviceId: 'student-phone-1',
    });
    expect(answer).toMatchObject({ ok: false, code: 'INPUT.INVALID', field });
    expect(await h.store.get('noticeSignatures', `${notice._id}:student`)).toBeNull();
    expect((await h.ok(people.studentUser, 'notices', 'studentCopy', { noticeId: notice._id })).ack).toBeNull();
  });
});
