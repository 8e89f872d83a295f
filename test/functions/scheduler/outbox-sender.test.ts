import { expect } from '@jest/globals';
import { openEmptyHarness, type EmptyHarness } from '../../support/harness';
import { seedTwoClasses, type TwoClasses } from '../../support/build/two-classes';
import { addStudents } from '../../support/build/outbox';
import { makeWarning, publishWarning } from '../../support/notices-factories';
import type { SendResult } from '../../../cloudfunctions/core/messages/send-outcome';
import { messagesConfig } from '../../../cloudfunctions/core/messages/config';
import type { OutboxRow } from '../../../cloudfunctions/platform/messenger/outbox';
import type { MessageSender } from '../../../cloudfunctions/platform/messenger/sender';
import { sendDue } from '../../../cloudfunctions/platform/messenger/send-pass';
import { localSender } from '../../../cloudfunctions/platform/messenger/local-sender';
import { wechatSender, type SubscribeSendParams } from '../../../cloudfunctions/platform/messenger/wechat-sender';
import { runScheduler } from '../../../cloudfunctions/application/reminders/scheduler-tick';

/** A fake WeChat: counts deliveries per row, answers per openid, can die after N sends. */
function fakeSender(options: { crashAfter?: number; answer?: (row: OutboxRow) => SendResult } = {}) {
  const delivered = new Map<string, number>();
  let calls = 0;
  const sender: MessageSender = {
    name: 'fake',
    async send(row) {
      if (options.crashAfter !== undefined && calls >= options.crashAfter) throw new Error('sender killed');
      calls += 1;
      const answer = options.answer?.(row) ?? { errcode: 0, errmsg: 'ok' };
      if (answer.errcode === 0) delivered.set(row._id, (delivered.get(row._id) ?? 0) + 1);
      return answer;
    },
  };
  return { sender, delivered, calls: () => calls };
}

describe('outbox sender', () => {
  let h: EmptyHarness;
  let people: TwoClasses;
  const lease = messagesConfig.sending.leaseMs;

  beforeEach(async () => {
    h = await openEmptyHarness();
    // 生工251班 with 8 students: 孙一鸣 (parent bound), 钱二妹 and 赵三强 (none), five more without parents.
    people = await seedTwoClasses(h.store, '2026-09-01T08:00:00.000+08:00', (b, c) =>
      addStudents(b, c.firstClass, 5, { firstId: 2025311004 }),
    );
  });
  afterEach(async () => h.close());

  async function publishFor(n: number): Promise<string[]> {
    const students = people.built.students.filter((s) => s.classId === people.firstClass._id).slice(0, n);
    expect(students).toHaveLength(n);
    for (const s of students) await publishWarning(h.store, makeWarning(s));
    return (await h.store.query('outbox')).map((m) => m._id).sort();
  }
  const rows = () => h.store.query('outbox', { limit: 1000 });

  it('a sender killed mid-batch: every message is still sent exactly once', async () => {
    const ids = await publishFor(6);
    const first = fakeSender({ crashAfter: 2 });
    await expect(sendDue(h.store, first.sender, h.clock, 'pass-1')).rejects.toThrow('sender killed');
    expect(first.delivered.size).toBe(2);

    // A second pass right away sends the untouched rows but not the one held by the dead pass's claim.
    const second = fakeSender();
    const r2 = await sendDue(h.store, second.sender, h.clock, 'pass-2');
    expect(r2.sent).toBe(3);
    h.clock.advance(lease + 1);
    const third = fakeSender();
    expect((await sendDue(h.store, third.sender, h.clock, 'pass-3')).sent).toBe(1);
    h.clock.advance(lease + 1);
    expect((await sendDue(h.store, fakeSender().sender, h.clock, 'pass-4')).sent).toBe(0);

    const total = new Map<string, number>();
    for (const f of [first, second, third]) for (const [id, n] of f.delivered) total.set(id, (total.get(id) ?? 0) + n);
    expect([...total.keys()].sort()).toEqual(ids);
    expect([...total.values()].every((n) => n === 1)).toBe(true);
    expect((await rows()).every((m) => m.status === 'sent' && m.sentAt)).toBe(true);
  });

  it('two senders running at once never send the same row', async () => {
    const ids = await publishFor(8);
    const a = fakeSender();
    const b = fakeSender();
    await Promise.all([sendDue(h.store, a.sender, h.clock, 'a'), sendDue(h.store, b.sender, h.clock, 'b')]);
    const all = [...a.delivered.keys(), ...b.delivered.keys()].sort();
    expect(all).toEqual(ids);
  });

  it('43101 is recorded as refused, never retried, and shown to the counselor', async () => {
    await publishFor(2);
    const refusing = fakeSender({
      answer: (row) =>
        row.toUserId === people.studentUser
          ? { errcode: 43101, errmsg: 'user refuse to accept the msg' }
          : { errcode: 0, errmsg: 'ok' },
    });
    expect(await sendDue(h.store, refusing.sender, h.clock, 'p')).toMatchObject({ sent: 1, refused: 1 });
    h.clock.advance(24 * 3600_000);
    expect(await sendDue(h.store, refusing.sender, h.clock, 'p')).toMatchObject({ sent: 0, refused: 0 });
    const status = await h.ok(people.counselorUser, 'notices', 'classStatus', { classId: people.firstClass._id });
    const row = status.rows.find((r) => r.studentId === people.student._id);
    expect(row).toMatchObject({
      sent: 'refused',
      undelivered: [{ kind: 'warningIssued', status: 'refused', toUserId: people.studentUser }],
    });
  });

  it('transient failures back off and stop after the configured count', async () => {
    await publishFor(1);
    const busy = fakeSender({ answer: () => ({ errcode: -1, errmsg: 'system error' }) });
    for (let pass = 0; pass < 20; pass++) {
      await sendDue(h.store, busy.sender, h.clock, `p${pass}`);
      h.clock.advance(messagesConfig.sending.backoffMaxMs);
    }
    expect(busy.calls()).toBe(messagesConfig.sending.maxAttempts);
    const [row] = await rows();
    expect(row).toMatchObject({ status: 'failed', attempts: messagesConfig.sending.maxAttempts });
  });

  it('a retried row waits for its backoff', async () => {
    await publishFor(1);
    const flaky = fakeSender({ answer: () => ({ errcode: 45009, errmsg: 'reach max api daily quota limit' }) });
    await sendDue(h.store, flaky.sender, h.clock, 'p');
    h.clock.advance(messagesConfig.sending.backoffBaseMs - 1000);
    await sendDue(h.store, flaky.sender, h.clock, 'p');
    expect(flaky.calls()).toBe(1);
    h.clock.advance(2000);
    await sendDue(h.store, flaky.sender, h.clock, 'p');
    expect(flaky.calls()).toBe(2);
  });

  it('the local sender delivers into the inbox the inbox page reads, once', async () => {
    await publishFor(1);
    const sender = localSender(h.store);
    await sendDue(h.store, sender, h.clock, 'local');
    const [row] = await rows();
    if (!row) throw new Error('no row');
    await sender.send({ ...row, attempts: 1 }, '2026-11-23T09:01:00.000+08:00');
    expect(await h.store.count('inbox')).toBe(1);
    const inbox = await h.ok(people.studentUser, 'notices', 'inbox', {});
    expect(inbox).toEqual([
      expect.objectContaining({
        kind: 'warningIssued',
        title: '学业警示通知',
        lines: expect.arrayContaining([
          { label: '通知类型', value: '书面警示' },
          { label: '发布时间', value: '2026年11月23日 09:00' },
        ]),
      }),
    ]);
    expect(await h.ok(people.classmateUser, 'notices', 'inbox', {})).toEqual([]);
  });

  it('the scheduler pass queues receipt requests and, after the week, overdue notes — each once', async () => {
    await publishWarning(h.store, makeWarning(people.student)); // bound parent (p-…)
    await publishWarning(h.store, makeWarning(people.classmate)); // no parent bound
    const sender = fakeSender();
    await runScheduler(h.store, h.clock, sender.sender, 's');
    await runScheduler(h.store, h.clock, sender.sender, 's');
    const kinds = async () => (await rows()).map((m) => `${m.kind}→${m.toUserId}`).sort();
    expect(await kinds()).toEqual(
      [
        `receiptDue→${people.parentUser}`,
        `warningIssued→${people.classmateUser}`,
        `warningIssued→${people.studentUser}`,
      ].sort(),
    );
    h.clock.advance(7 * 86_400_000 + 1000);
    await runScheduler(h.store, h.clock, sender.sender, 's');
    await runScheduler(h.store, h.clock, sender.sender, 's');
    expect(await kinds()).toEqual(
      [
        `receiptDue→${people.parentUser}`,
        `receiptOverdue→${people.parentUser}`,
        // One digest for the counselor's two overdue notices (issue 9), not one each.
        `parentContactOverdue→${people.counselorUser}`,
        `warningIssued→${people.classmateUser}`,
        `warningIssued→${people.studentUser}`,
      ].sort(),
    );
    expect([...sender.delivered.values()].every((n) => n === 1)).toBe(true);
    expect(sender.delivered.size).toBe(5);
  });
});

describe('WeChat sender (subscribeMessage.send as documented)', () => {
  const row: OutboxRow = {
    _id: 'msg:receiptDue:n1:p1',
    kind: 'receiptDue',
    toUserId: 'p1',
    toOpenid: 'oPARENT',
    page: 'packages/parent/notice/index?id=n1',
    data: {
      student: '欧阳娜娜娜娜娜娜娜娜娜',
      level: '学业警示通知（书面警示）很长很长很长很长很长',
      deadline: '2026-11-30T09:00:00.000+08:00',
      note: '请阅读家长联并填写回执',
    },
    status: 'pending',
    attempts: 0,
    sendAfter: '2026-11-23T09:00:00.000+08:00',
    subjectId: 'n1',
  };

  it('sends touser, templateId (from env), page, fitted data and miniprogramState', async () => {
    const calls: SubscribeSendParams[] = [];
    const sender = wechatSender(
      { send: async (p) => (calls.push(p), { errCode: 0, errMsg: 'openapi.subscribeMessage.send:ok' }) },
      { WX_TMPL_RECEIPT_DUE: 'tmpl-receipt-123' },
    );
    expect(await sender.send(row, '')).toEqual({ errcode: 0, errmsg: 'openapi.subscribeMessage.send:ok' });
    expect(calls).toEqual([
      {
        touser: 'oPARENT',
        templateId: 'tmpl-receipt-123',
        page: 'packages/parent/notice/index?id=n1',
        miniprogramState: 'formal',
        data: {
          name1: { value: '欧阳娜娜娜娜娜娜娜…' },
          thing2: { value: '学业警示通知（书面警示）很长很长很长很…' },
          time3: { value: '2026年11月30日 09:00' },
          thing4: { value: '请阅读家长联并填写回执' },
        },
      },
    ]);
  });

  it.each([
    [{ errCode: 43101, errMsg: 'user refuse to accept the msg' }, 43101],
    [{ errCode: 40003, errMsg: 'invalid openid' }, 40003],
    [new Error('ESOCKETTIMEDOUT'), -1],
  ])('maps a rejection %j to errcode %i', async (error, code) => {
    // eslint-disable-next-line @typescript-eslint/prefer-promise-reject-errors -- the WeChat SDK rejects with plain { errCode, errMsg } objects; this is that rejection
    const sender = wechatSender({ send: async () => Promise.reject(error) }, { WX_TMPL_RECEIPT_DUE: 't' });
    expect((await sender.send(row, '')).errcode).toBe(code);
  });

  it('a missing template id is a permanent failure, not a crash', async () => {
    const sender = wechatSender({ send: async () => ({ errCode: 0 }) }, {});
    expect(await sender.send(row, '')).toEqual({ errcode: -2, errmsg: '未配置模板 ID（WX_TMPL_RECEIPT_DUE）' });
  });
});
