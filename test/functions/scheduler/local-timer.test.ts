import { demoPeople, openHarness, type Harness } from '../../support/harness';
import { makeWarning, publishWarning } from '../../support/notices-factories';
import { localJobs } from '../../../scripts/server/timers';
import { INBOX } from '../../../types/notice';
import schedulerConfig from '../../../cloudfunctions/scheduler/config.json';
import { main } from '../../../cloudfunctions/scheduler/index';

describe('the scheduler in the local server and in the cloud', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await openHarness();
  });
  afterEach(async () => h.close());

  it('the local server runs the sender every 5 s, delivering into the local inbox', async () => {
    const job = localJobs.find((j) => j.name === 'send-outbox');
    expect(job?.everyMs).toBe(5000);
    const people = demoPeople(h.demo);
    const { notice } = await publishWarning(h.store, makeWarning(people.student));
    await job?.run(h.store, h.clock);
    expect(await h.store.get(INBOX, `msg:warningIssued:${notice._id}`)).toMatchObject({ toUserId: people.studentUser, title: '学业警示通知' });
  });

  it('the cloud function has a one-minute sender timer, an hourly duty-reminder timer and the subscribeMessage.send permission', () => {
    expect(schedulerConfig).toEqual({
      triggers: [
        { name: 'send-outbox', type: 'timer', config: '0 */1 * * * * *' },
        { name: 'duty-reminders', type: 'timer', config: '0 0 */1 * * * *' },
      ],
      permissions: { openapi: ['subscribeMessage.send'] },
    });
  });

  it('the cloud entry acts on timer events only: a mini-program calling it by name gets nothing done', async () => {
    expect(await main({ action: 'send' })).toEqual({ ok: false, code: 'ACTION.UNKNOWN', message: '仅由定时触发器调用' });
  });
});
