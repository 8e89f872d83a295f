import { recordDemoActivity } from '../../../scripts/demo/activity';
import { publishDemoHistory } from '../../../scripts/demo/history';
import { demoPeople, openHarness, type Harness } from '../../support/harness';

/** 我的职责 · 本周 on Tuesday 1 December: this week's work, not only November's overdue talk. */
describe('my duties this week', () => {
  let h: Harness;
  let p: ReturnType<typeof demoPeople>;
  beforeAll(async () => {
    h = await openHarness('2026-12-01T09:00:00+08:00');
    p = demoPeople(h.demo);
    await publishDemoHistory(h.store, h.files, h.clock);
    await recordDemoActivity(h.store, h.files, h.demo);
  }, 120_000);
  afterAll(() => h.close());

  it("a head teacher's week lists December's monthly talk with each warned student, and November's missed ones", async () => {
    const week = await h.ok(p.headTeacherUser, 'duties', 'myDuties', { scope: 'week' });
    const talks = week.items.filter((i) => i.ruleId === 'head-teacher-talk-warned-monthly');
    const windows = new Set(talks.map((i) => `${i.window.start.slice(0, 10)}..${i.window.lastDay}:${i.status}`));
    expect(windows).toEqual(new Set(['2026-11-01..2026-11-30:overdue', '2026-12-01..2026-12-31:due']));
    // Semester quotas that do not close this week stay out of the week view.
    expect(week.items.some((i) => i.period === 'semester')).toBe(false);
  });

  it("an assistant's week lists this month's themed activities", async () => {
    const week = await h.ok(p.assistantUser, 'duties', 'myDuties', { scope: 'week' });
    expect(
      week.items.filter((i) => i.ruleId === 'assistant-themed-activities-monthly').map((i) => i.window.lastDay),
    ).toContain('2026-12-31');
  });
});
