import { recordDemoActivity } from '../../../scripts/demo/activity';
import { publishDemoHistory } from '../../../scripts/demo/history';
import { northOf, placeNamed, sentFrom } from '../../support/checkins-factories';
import { demoPeople, openHarness, suiteDates, type Harness } from '../../support/harness';

/**
 * The duty views on any date: term time, the winter break (the shipped calendar once left them
 * empty there) and a later school year (the shipped calendar once had no semester at all).
 */
const expected: Record<string, { semester: string; weekly: boolean }> = {
  termTime: { semester: '2026-2027-1', weekly: true },
  winterBreak: { semester: '2026-2027-1', weekly: false },
  laterYear: { semester: '2028-2029-1', weekly: true },
};

describe.each(suiteDates)('duties at %s (%s), on the whole demo', (name, now) => {
  let h: Harness;
  let p: ReturnType<typeof demoPeople>;
  const want = expected[name] ?? { semester: '', weekly: false };
  beforeAll(async () => {
    h = await openHarness(now);
    p = demoPeople(h.demo);
    await publishDemoHistory(h.store, h.files, h.clock);
    await recordDemoActivity(h.store, h.files, h.demo);
  }, 120_000);
  afterAll(() => h.close());

  it("every view evaluates today's semester (in a break, the one just ended)", async () => {
    const mine = await h.ok(p.counselorUser, 'duties', 'myDuties', { scope: 'semester' });
    expect(mine.semesterId).toBe(want.semester);
    expect((await h.ok(p.leaderUser, 'duties', 'classCompliance', {})).semesterId).toBe(want.semester);
    // The demo's check-ins so far count: some duties are done this semester.
    expect(mine.tally.done).toBeGreaterThan(0);
  });

  it('the week view lists the class checks of this week in term time, none in the break; overdue ones stay listed', async () => {
    const week = await h.ok(p.counselorUser, 'duties', 'myDuties', { scope: 'week' });
    const checks = week.items.filter((i) => i.ruleId === 'counselor-class-check-weekly');
    const classes = h.demo.classes.filter((c) => c.counselorId === p.counselorUser).length;
    expect(checks).toHaveLength(want.weekly ? classes : 0);
    expect(week.overdue.length).toBeGreaterThan(0);
  });

  it("an assistant's dorm check filed today counts on the counselor's and the leader's dashboards", async () => {
    const cls = p.firstClass;
    const dorm = h.demo.dorms.find((d) => d.classIds.includes(cls._id));
    if (!dorm) throw new Error('no dorm');
    const residents = h.demo.students
      .filter((s) => s.dormId === dorm._id)
      .map((s) => ({ studentId: s._id, status: 'present' as const }));
    const recordsOf = async (viewer: string) =>
      (await h.ok(viewer, 'duties', 'staffCompliance', {})).rows.find((r) => r.id === p.assistantUser)?.records ?? 0;
    const before = await recordsOf(p.counselorUser);
    const receipt = await h.ok(p.assistantUser, 'checkins', 'dormCheck', {
      ...sentFrom(h.clock, { location: northOf(placeNamed(dorm.building), 15) }),
      classId: cls._id,
      dormId: dorm._id,
      hygieneScore: 90,
      residents,
    });
    expect(await recordsOf(p.counselorUser)).toBe(before + 1);
    expect(await recordsOf(p.leaderUser)).toBe(before + 1);
    const detail = await h.ok(p.counselorUser, 'duties', 'complianceDetail', { personId: p.assistantUser });
    expect(detail.records[0]?.recordId).toBe(receipt.recordId);
  });
});
