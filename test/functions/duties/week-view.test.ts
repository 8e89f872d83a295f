import { openEmptyHarness, type EmptyHarness } from '../../support/harness';
import { seedTwoClasses, type TwoClasses } from '../../support/build/two-classes';
import { publishWarning } from '../../support/support-factories';

/**
 * 我的职责 · 本周 on Tuesday 1 December: this week's work, not only November's overdue talk.
 * 生工251班's 孙一鸣 holds a warning published on the morning of 1 November; nobody has talked with him since.
 */
describe('my duties this week', () => {
  let h: EmptyHarness;
  let p: TwoClasses;
  beforeAll(async () => {
    h = await openEmptyHarness('2026-12-01T09:00:00+08:00');
    p = await seedTwoClasses(h.store, '2026-09-01T08:00:00.000+08:00');
    await publishWarning(h.store, p.student, { publishedAt: '2026-11-01T08:00:00.000+08:00' });
  });
  afterAll(() => h.close());

  it("a head teacher's week lists December's monthly talk with each warned student, and November's missed ones", async () => {
    const week = await h.ok(p.headTeacherUser, 'duties', 'myDuties', { scope: 'week' });
    const talks = week.items.filter((i) => i.ruleId === 'head-teacher-talk-warned-monthly');
    const windows = new Set(talks.map((i) => `${i.window.start.slice(0, 10)}..${i.window.lastDay}:${i.status}`));
    expect(windows).toEqual(new Set(['2026-11-01..2026-11-30:overdue', '2026-12-01..2026-12-31:due']));
    expect(talks.every((i) => i.unit.id === p.student._id)).toBe(true);
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
