import { northOf, placeNamed, sentFrom } from '../../support/checkins-factories';
import { openEmptyHarness, suiteDates, type EmptyHarness } from '../../support/harness';
import type { TwoClasses } from '../../support/build/two-classes';
import { seedCounselorOfThree } from '../../support/build/duties';
import { talkInput } from '../../support/support-factories';

/**
 * The duty views on any date: term time, the winter break (the shipped calendar once left them
 * empty there) and a later school year (the shipped calendar once had no semester at all).
 */
const expected: Record<string, { semester: string; weekly: boolean; talkedAt: string }> = {
  termTime: { semester: '2026-2027-1', weekly: true, talkedAt: '2026-11-20T15:00:00+08:00' },
  winterBreak: { semester: '2026-2027-1', weekly: false, talkedAt: '2026-12-18T15:00:00+08:00' },
  laterYear: { semester: '2028-2029-1', weekly: true, talkedAt: '2028-10-12T15:00:00+08:00' },
};

describe.each(suiteDates)('duties at %s (%s)', (name, now) => {
  let h: EmptyHarness;
  let p: TwoClasses;
  const want = expected[name] ?? { semester: '', weekly: false, talkedAt: '' };
  beforeAll(async () => {
    h = await openEmptyHarness(now);
    // 周辅导 counsels three classes of five students (seedCounselorOfThree) and talked with two of
    // them in the semester (want.talkedAt): a third of five, the semester's talks quota, is met.
    p = await seedCounselorOfThree(h.store, '2026-09-01T08:00:00.000+08:00');
    // Recorded on the day (talks older than 30 days are refused), then back to the suite's date.
    h.clock.set(want.talkedAt);
    for (const s of [p.student, p.third])
      await h.ok(p.counselorUser, 'support', 'recordTalk', talkInput(s._id, { at: want.talkedAt }));
    h.clock.set(now);
  });
  afterAll(() => h.close());

  it("every view evaluates today's semester (in a break, the one just ended)", async () => {
    const mine = await h.ok(p.counselorUser, 'duties', 'myDuties', { scope: 'semester' });
    expect(mine.semesterId).toBe(want.semester);
    expect((await h.ok(p.leaderUser, 'duties', 'classCompliance', {})).semesterId).toBe(want.semester);
    // The talks count: the talks quota is done this semester.
    expect(mine.tally.done).toBeGreaterThan(0);
    expect(mine.items.find((i) => i.ruleId === 'counselor-talks-third-of-class')?.status).toBe('done');
  });

  it('the week view lists the class checks of this week in term time, none in the break; overdue ones stay listed', async () => {
    const week = await h.ok(p.counselorUser, 'duties', 'myDuties', { scope: 'week' });
    const checks = week.items.filter((i) => i.ruleId === 'counselor-class-check-weekly');
    const classes = p.built.classes.filter((c) => c.counselorId === p.counselorUser).length;
    expect(classes).toBe(3);
    expect(checks).toHaveLength(want.weekly ? classes : 0);
    expect(week.overdue.length).toBeGreaterThan(0);
  });

  it("an assistant's dorm check filed today counts on the counselor's and the leader's dashboards", async () => {
    const cls = p.firstClass;
    const dorm = p.built.dorms.find((d) => d.classIds.includes(cls._id));
    if (!dorm) throw new Error('no dorm');
    const residents = p.built.students
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
