import { queryAll } from '../../cloudfunctions/platform/store/store';
import { recordDemoActivity } from '../../scripts/demo/activity';
import { demoPeople, openHarness, suiteDates, type Harness } from '../support/harness';

/** Whole weeks of check-ins in today's semester so far (in the winter break: the semester just ended). */
const weeks: Record<string, { semester: string; from: string; until: string }> = {
  termTime: { semester: '2026-2027-1', from: '2026-09-07', until: '2026-11-23' },
  winterBreak: { semester: '2026-2027-1', from: '2026-09-07', until: '2027-01-18' },
  laterYear: { semester: '2028-2029-1', from: '2028-09-11', until: '2028-10-09' },
};

/** The local demo's semester of staff work goes through the checkins function and feeds the dashboards. */
describe.each(suiteDates)('demo activity at %s (%s)', (name, now) => {
  let h: Harness;
  let recorded: number;
  const want = weeks[name] ?? { semester: '', from: '', until: '' };
  beforeAll(async () => {
    h = await openHarness(now);
    recorded = await recordDemoActivity(h.store, h.files, h.demo);
  }, 120_000);
  afterAll(() => h.close());

  it("covers today's semester from its start up to this week, never the future", async () => {
    expect(h.demo.timeline.current.id).toBe(want.semester);
    expect(h.demo.timeline.activity).toEqual({ from: want.from, until: want.until });
    const times = (await queryAll(h.store, 'dutyRecords')).map((r) => Date.parse(r.at));
    expect(Math.min(...times)).toBeGreaterThanOrEqual(Date.parse(`${want.from}T00:00:00+08:00`));
    expect(Math.max(...times)).toBeLessThan(
      Math.min(Date.parse(`${want.until}T00:00:00+08:00`), h.clock.now().getTime()),
    );
  });

  it('records weeks of check-ins, all stored, none flagged', async () => {
    const fullWeeks = Math.round((Date.parse(want.until) - Date.parse(want.from)) / (7 * 86_400_000));
    // About 30 records a week across six classes (some staff keep up, some do not).
    expect(recorded).toBeGreaterThan(fullWeeks * 20);
    // Issue 11: quick talks are talk records (collection talks), the rest check-in records.
    expect((await h.store.count('dutyRecords')) + (await h.store.count('talks'))).toBe(recorded);
    const flagged = (await queryAll(h.store, 'dutyRecords')).filter((r) => r.flags.length > 0);
    expect(flagged).toEqual([]);
  });

  it('gives the leader a dashboard of that semester where some classes do better than others', async () => {
    const board = await h.ok(demoPeople(h.demo).leaderUser, 'duties', 'classCompliance', { sort: 'worst' });
    expect(board.semesterId).toBe(want.semester);
    const percents = board.rows.map((r) => r.percent ?? 0);
    expect(Math.max(...percents)).toBeGreaterThan(0);
    expect(new Set(percents).size).toBeGreaterThan(1);
  });
});
