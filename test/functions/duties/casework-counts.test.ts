import { talkInput } from '../../support/support-factories';
import { demoPeople, openHarness, type Harness } from '../../support/harness';

/** Talks recorded in casework (support) count toward the same duties as check-in talks. */
describe('duties count casework talks', () => {
  let h: Harness;
  let people: ReturnType<typeof demoPeople>;
  beforeAll(async () => {
    h = await openHarness('2026-11-23T09:00:00+08:00');
    people = demoPeople(h.demo);
  });
  afterAll(() => h.close());

  it("a counselor's talk record advances their talks-with-students quota and shows in the leader's drill-down", async () => {
    const rule = 'counselor-talks-third-of-class';
    const progressOf = async () => {
      const mine = await h.ok(people.counselorUser, 'duties', 'myDuties', { scope: 'semester' });
      return mine.items.filter((i) => i.ruleId === rule).reduce((sum, i) => sum + i.progress, 0);
    };
    const before = await progressOf();
    const talk = await h.ok(people.counselorUser, 'support', 'recordTalk', talkInput(people.student._id));
    expect(await progressOf()).toBe(before + 1);
    const mine = await h.ok(people.counselorUser, 'duties', 'myDuties', { scope: 'semester' });
    expect(mine.items.filter((i) => i.ruleId === rule).flatMap((i) => i.recordIds)).toContain(talk._id);
  });
});
