import { queryAll } from '../../cloudfunctions/platform/store/store';
import { recordDemoActivity } from '../../scripts/demo/activity';
import { demoPeople, openHarness, type Harness } from '../support/harness';

/** The local demo's semester of staff work goes through the checkins function and feeds the dashboards. */
describe('demo activity', () => {
  let h: Harness;
  let recorded: number;
  beforeAll(async () => {
    h = await openHarness('2026-11-23T09:00:00+08:00');
    recorded = await recordDemoActivity(h.store, h.files, h.demo);
  }, 120_000);
  afterAll(() => h.close());

  it('records weeks of check-ins, all stored, none flagged', async () => {
    expect(recorded).toBeGreaterThan(300);
    expect(await h.store.count('dutyRecords')).toBe(recorded);
    const flagged = (await queryAll<{ flags: string[] }>(h.store, 'dutyRecords')).filter((r) => r.flags.length > 0);
    expect(flagged).toEqual([]);
  });

  it('gives the leader a dashboard where some classes do better than others', async () => {
    const board = await h.ok(demoPeople(h.demo).leaderUser, 'duties', 'classCompliance', { sort: 'worst' });
    const percents = board.rows.map((r) => r.percent ?? 0);
    expect(Math.max(...percents)).toBeGreaterThan(0);
    expect(new Set(percents).size).toBeGreaterThan(1);
  });
});
