import { openEmptyHarness, type EmptyHarness } from '../../support/harness';
import { seedTwoClasses, type TwoClasses } from '../../support/build/two-classes';
import { seedSecondCollege, type SecondCollege } from '../../support/second-college';

/** Defect 2: department ids repeat across colleges, so a department reach must compare the college too. */
describe('department reach compares the whole scope (college + department)', () => {
  let h: EmptyHarness;
  let p: TwoClasses;
  let k: SecondCollege;
  beforeAll(async () => {
    h = await openEmptyHarness();
    p = await seedTwoClasses(h.store, '2026-09-01T08:00:00.000+08:00');
    k = await seedSecondCollege(h.store, '2026-09-01T08:00:00+08:00');
  });
  afterAll(() => h.close());

  // The first college's bioeng head (t-dept-bioeng): their department holds 生工251班.
  const demoHead = 't-dept-bioeng';

  it("a department head cannot read another college's class list or student of the same department id", async () => {
    const other = k.people;
    expect(k.classes.find((c) => c._id === other.classId)?.departmentId).toBe('bioeng');
    expect(await h.callAs(demoHead, 'campus', 'classStudents', { classId: other.classId })).toMatchObject({
      ok: false,
      code: 'ACCESS.DENIED',
    });
    expect(await h.callAs(demoHead, 'campus', 'student', { studentId: other.student._id })).toMatchObject({
      ok: false,
      code: 'ACCESS.DENIED',
    });
    const mine = await h.ok(demoHead, 'campus', 'myClasses', {});
    expect(mine.map((c) => c.classId).filter((id) => id.startsWith('k'))).toEqual([]);
  });

  it('each head still reads their own department', async () => {
    const own = p.firstClass;
    expect(own.departmentId).toBe('bioeng');
    // 孙一鸣, 钱二妹, 赵三强.
    expect((await h.ok(demoHead, 'campus', 'classStudents', { classId: own._id })).students).toHaveLength(3);
    const theirs = await h.ok(k.people.departmentHeadUser, 'campus', 'classStudents', { classId: k.people.classId });
    expect(theirs.students.map((s) => s.studentId)).toContain(k.people.student._id);
    expect(await h.callAs(k.people.departmentHeadUser, 'campus', 'classStudents', { classId: own._id })).toMatchObject({
      ok: false,
      code: 'ACCESS.DENIED',
    });
  });
});
