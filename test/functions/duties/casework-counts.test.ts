import { talkInput } from '../../support/support-factories';
import { openEmptyHarness, type EmptyHarness } from '../../support/harness';
import { seedTwoClasses, type TwoClasses } from '../../support/build/two-classes';

/** Talks recorded in casework (support) count toward the same duties as check-in talks. */
describe('duties count casework talks', () => {
  let h: EmptyHarness;
  let people: TwoClasses;
  beforeAll(async () => {
    h = await openEmptyHarness('2026-11-23T09:00:00+08:00');
    people = await seedTwoClasses(h.store, '2026-09-01T08:00:00.000+08:00');
  });
  afterAll(() => h.close());

  it("a counselor's talk record advances their talks-with-students quota and shows in the leader's drill-down", async () => {
    const rule = 'counselor-talks-third-of-class';
    const progressOf = async () => {
      const mine = await h.ok(people.counselorUser, 'duties', 'myDuties', { scope: 'semester' });
      return mine.items.filter((i) => i.ruleId === rule).reduce((sum, i) => sum + i.progress, 0);
    };
    // Nothing recorded yet in this college: the quota starts at zero.
    const before = await progressOf();
    expect(before).toBe(0);
    const talk = await h.ok(people.counselorUser, 'support', 'recordTalk', talkInput(people.student._id));
    expect(await progressOf()).toBe(before + 1);
    const mine = await h.ok(people.counselorUser, 'duties', 'myDuties', { scope: 'semester' });
    expect(mine.items.filter((i) => i.ruleId === rule).flatMap((i) => i.recordIds)).toContain(talk._id);
  });
});
