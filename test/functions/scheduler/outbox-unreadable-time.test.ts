import { expect } from '@jest/globals';
import { openEmptyHarness, type EmptyHarness } from '../../support/harness';
import { outboxRow as row } from '../../support/build/outbox';
import { sendDue } from '../../../cloudfunctions/platform/messenger/send-pass';
import type { MessageSender } from '../../../cloudfunctions/platform/messenger/sender';

const NOW = '2026-11-23T09:00:00.000+08:00';

describe('an outbox row whose send time cannot be read', () => {
  let h: EmptyHarness;
  beforeEach(async () => {
    h = await openEmptyHarness(NOW);
  });
  afterEach(async () => h.close());

  it('is marked failed with a reason the owner sees, instead of staying pending forever; readable rows are sent', async () => {
    const w = { by: 'test', at: NOW };
    // Written by an older version before times were parsed strictly.
    await h.store.add('outbox', row('bad', 'Invalid Date'), w);
    await h.store.add('outbox', row('year-0000', '0000-01-01T00:00:00.000+08:00'), w);
    await h.store.add('outbox', row('good', '2026-11-23T08:30:00.000+08:00'), w);
    const sent: string[] = [];
    const sender: MessageSender = { name: 'test', send: async (r) => (sent.push(r._id), { errcode: 0, errmsg: 'ok' }) };

    const result = await sendDue(h.store, sender, h.clock, 'test-sender');
    expect(sent).toEqual(['good']);
    expect(result.failed).toBe(2);
    for (const id of ['bad', 'year-0000']) {
      expect(await h.store.get('outbox', id)).toMatchObject({
        status: 'failed',
        lastError: expect.stringContaining('发送时间无效'),
      });
    }
    // Nothing left to repair on the next pass.
    expect((await sendDue(h.store, sender, h.clock, 'test-sender')).failed).toBe(0);
  });
});
