import { openEmptyHarness, type EmptyHarness } from '../../support/harness';
import { seedTwoClasses } from '../../support/build/two-classes';
import { makeWarning, publishWarning } from '../../support/notices-factories';
import { localJobs } from '../../../scripts/server/timers';
import { main } from '../../../cloudfunctions/scheduler/index';
import { hourlyWorkDue } from '../../../cloudfunctions/application/reminders/scheduler-tick';

describe('the scheduler in the local server and in the cloud', () => {
  let h: EmptyHarness;
  beforeEach(async () => {
    h = await openEmptyHarness();
  });
  afterEach(async () => h.close());

  it('the local server runs the sender every 5 s, delivering into the local inbox', async () => {
    const job = localJobs.find((j) => j.name === 'send-outbox');
    expect(job?.everyMs).toBe(5000);
    const people = await seedTwoClasses(h.store, '2026-09-01T08:00:00.000+08:00');
    const { notice } = await publishWarning(h.store, makeWarning(people.student));
    await job?.run(h.store, h.clock);
    expect(await h.store.get('inbox', `msg:warningIssued:${notice._id}`)).toMatchObject({
      toUserId: people.studentUser,
      title: '学业警示通知',
    });
  });

  it('the cloud tick does the hourly duty reminders at minute 0, Shanghai time, and only then', () => {
    expect(hourlyWorkDue(new Date('2026-11-25T09:00:20+08:00'))).toBe(true);
    expect(hourlyWorkDue(new Date('2026-11-25T09:01:00+08:00'))).toBe(false);
    expect(hourlyWorkDue(new Date('2026-11-25T08:59:59+08:00'))).toBe(false);
    // Minute 0 in Shanghai, whatever the zone of the instant's notation.
    expect(hourlyWorkDue(new Date('2026-11-25T01:00:05Z'))).toBe(true);
  });

  it('the cloud entry acts on timer events only: a mini-program calling it by name gets nothing done', async () => {
    expect(await main({ action: 'send' })).toEqual({
      ok: false,
      code: 'ACTION.UNKNOWN',
      message: '仅由定时触发器调用',
    });
  });
});
