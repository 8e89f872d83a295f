import { backoffMs, classify, outcomeOf } from '../../../cloudfunctions/core/messages/send-outcome';
import { messagesConfig } from '../../../cloudfunctions/core/messages/config';

const sending = { batchSize: 10, leaseMs: 120_000, maxAttempts: 3, backoffBaseMs: 60_000, backoffMaxMs: 600_000 };
const NOW = Date.parse('2026-11-23T09:00:00+08:00');

describe('WeChat errcodes', () => {
  it.each([
    [0, 'sent'],
    [43101, 'refused'],
    [40003, 'permanent'],
    [47003, 'permanent'],
    [-2, 'permanent'],
    [-1, 'transient'],
    [45009, 'transient'],
    [40001, 'transient'],
  ] as const)('%i is %s', (code, kind) => expect(classify(code)).toBe(kind));
});

describe('retry policy', () => {
  it('backs off exponentially up to the cap', () => {
    expect([1, 2, 3, 4, 5].map((n) => backoffMs(n, sending))).toEqual([60_000, 120_000, 240_000, 480_000, 600_000]);
  });

  it('retries a transient failure until the configured count, then fails for good', () => {
    const first = outcomeOf({ errcode: -1, errmsg: 'system busy' }, 0, NOW, sending, 'now');
    expect(first).toMatchObject({ status: 'pending', attempts: 1, sendAfterMs: NOW + 60_000 });
    const second = outcomeOf({ errcode: -1, errmsg: 'system busy' }, 1, NOW, sending, 'now');
    expect(second).toMatchObject({ status: 'pending', attempts: 2, sendAfterMs: NOW + 120_000 });
    const third = outcomeOf({ errcode: -1, errmsg: 'system busy' }, 2, NOW, sending, 'now');
    expect(third.status).toBe('failed');
    expect(third.sendAfterMs).toBeUndefined();
    expect(third.lastError).toContain('已重试 3 次');
  });

  it.each([
    [
      { errcode: 0, errmsg: 'ok' },
      { status: 'sent', attempts: 1, sentAt: 'now' },
    ],
    [
      { errcode: 43101, errmsg: 'user refuse to accept the msg' },
      { status: 'refused', attempts: 1 },
    ],
    [
      { errcode: 47003, errmsg: 'argument invalid' },
      { status: 'failed', attempts: 1 },
    ],
  ])('%j is final on the first try', (result, expected) => {
    expect(outcomeOf(result, 0, NOW, sending, 'now')).toMatchObject(expected);
  });

  it('the shipped config retries a few times with a lease longer than a send', () => {
    expect(messagesConfig.sending.maxAttempts).toBeGreaterThan(1);
    expect(messagesConfig.sending.leaseMs).toBeGreaterThanOrEqual(60_000);
  });
});
