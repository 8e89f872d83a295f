import { openEmptyHarness, type EmptyHarness } from '../../support/harness';
import { seedTwoClasses, type TwoClasses } from '../../support/build/two-classes';
import { makeWarning, publishWarning } from '../../support/notices-factories';

/** Issue 9 §7: the counselor was told to phone the parent but saw 188********. */
describe('the parent phone on the notice tracker', () => {
  let h: EmptyHarness;
  let people: TwoClasses;
  beforeAll(async () => {
    h = await openEmptyHarness();
    people = await seedTwoClasses(h.store, '2026-09-01T08:00:00.000+08:00');
    await publishWarning(h.store, makeWarning(people.classmate));
  });
  afterAll(() => h.close());

  const rowOf = async (who: string) => {
    const status = await h.ok(who, 'notices', 'classStatus', { classId: people.firstClass._id });
    const row = status.rows.find((r) => r.studentId === people.classmate._id);
    if (!row) throw new Error('no row');
    return row;
  };

  it.each(['counselorUser', 'headTeacherUser', 'clerkUser'] as const)(
    'the %s (handles the student) gets the number on file to call',
    async (who) => {
      expect((await rowOf(people[who])).parent).toEqual({
        name: people.classmate.parentName,
        phone: people.classmate.parentPhone,
        callable: true,
      });
    },
  );

  it('a leader tracking the list sees it masked and cannot call from it', async () => {
    const row = await rowOf(people.leaderUser);
    expect(row.parent.callable).toBe(false);
    expect(row.parent.phone).toBe(
      `${people.classmate.parentPhone.slice(0, 3)}${'*'.repeat(people.classmate.parentPhone.length - 3)}`,
    );
    expect(JSON.stringify(row)).not.toContain(people.classmate.parentPhone);
  });
});
