import { openEmptyHarness, type EmptyHarness } from '../../support/harness';
import { outboxRow as row } from '../../support/build/outbox';
import { dueRows } from '../../../cloudfunctions/platform/messenger/outbox';
import { sendDue } from '../../../cloudfunctions/platform/messenger/send-pass';
import type { MessageSender } from '../../../cloudfunctions/platform/messenger/sender';
import { messagesConfig } from '../../../cloudfunctions/core/messages/config';

const NOW = '2026-11-23T09:00:00.000+08:00';
const minute = (m: number) => `2026-11-23T08:${String(m).padStart(2, '0')}:00.000+08:00`;

const heldUntil = '2026-11-23T09:02:00.000+08:00';
const lapsedAt = '2026-11-23T08:59:00.000+08:00';

describe('due outbox rows', () => {
  let h: EmptyHarness;
  beforeEach(async () => {
    h = await openEmptyHarness(NOW);
  });
  afterEach(async () => h.close());

  async function seed(held: number): Promise<void> {
    const w = { by: 'test', at: NOW };
    // The oldest rows are held by a sender still inside its lease.
    for (let i = 0; i < held; i++)
      await h.store.add('outbox', row(`held-${i}`, minute(i % 10), { by: 'other', until: heldUntil }), w);
    await h.store.add('outbox', row('lapsed', minute(20), { by: 'dead', until: lapsedAt }), w);
    await h.store.add('outbox', row('fresh-1', minute(30)), w);
    await h.store.add('outbox', row('fresh-2', minute(40)), w);
    await h.store.add('outbox', row('later', '2026-11-23T10:00:00.000+08:00'), w);
  }

  it.each<[string, number, number, string[]]>([
    ['more held rows than the limit', 5, 3, ['lapsed', 'fresh-1', 'fresh-2']],
    ['a limit smaller than the due rows', 5, 2, ['lapsed', 'fresh-1']],
    ['no held rows', 0, 10, ['lapsed', 'fresh-1', 'fresh-2']],
  ])('%s: held rows never take the places of due ones', async (_name, held, limit, expected) => {
    await seed(held);
    expect((await dueRows(h.store, NOW, limit)).map((r) => r._id)).toEqual(expected);
  });

  it('a full batch held by a live sender does not stop another pass from sending the rest', async () => {
    await seed(messagesConfig.sending.batchSize);
    const sent: string[] = [];
    const sender: MessageSender = { name: 'fake', send: async (r) => (sent.push(r._id), { errcode: 0, errmsg: 'ok' }) };
    const result = await sendDue(h.store, sender, h.clock, 'pass-2');
    expect(sent).toEqual(['lapsed', 'fresh-1', 'fresh-2']);
    expect(result.sent).toBe(3);
  });
});
