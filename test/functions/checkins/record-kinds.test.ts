import { openEmptyHarness, type EmptyHarness } from '../../support/harness';
import { seedTwoClasses, type TwoClasses } from '../../support/build/two-classes';

/** Issue 11 defect 7: the forms offer each person the kinds their duties count, and say when a talk is too short to count. */
describe('check-in options per role', () => {
  let h: EmptyHarness;
  let people: TwoClasses;
  beforeAll(async () => {
    h = await openEmptyHarness();
    // 王助理 is the assistant of 生工251班, 周辅导 its counselor; the options follow from those grants alone.
    people = await seedTwoClasses(h.store, '2026-09-01T08:00:00.000+08:00');
  });
  afterAll(() => h.close());

  it('an assistant is offered activities and talks, not 班主任工作会, 听课 or 家长联系; their talks count from 30 minutes', async () => {
    const options = await h.ok(people.assistantUser, 'checkins', 'options', {});
    expect(options.recordKinds).toEqual(expect.arrayContaining(['talk', 'themedActivity', 'collectiveActivity']));
    for (const kind of ['headTeacherMeeting', 'lectureAttendance', 'parentContact'] as const)
      expect(options.recordKinds).not.toContain(kind);
    expect(options.talkMinMinutes).toBe(30);
  });

  it('a counselor keeps every kind of their duty table and no minimum talk length', async () => {
    const options = await h.ok(people.counselorUser, 'checkins', 'options', {});
    expect(options.recordKinds).toEqual(
      expect.arrayContaining([
        'talk',
        'classMeeting',
        'dormCheck',
        'classCheck',
        'lectureAttendance',
        'parentContact',
        'teacherContact',
        'classCommitteeMeeting',
        'headTeacherMeeting',
      ]),
    );
    expect(options.talkMinMinutes).toBeNull();
  });
});
