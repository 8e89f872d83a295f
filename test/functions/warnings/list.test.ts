import { openEmptyHarness, type EmptyHarness } from '../../support/harness';
import { seedTwoClasses, type TwoClasses } from '../../support/build/two-classes';
import { failAfterMakeup, passAll, runAndPublish } from '../../support/build/warnings';

const SEMESTER = '2025-2026-2';

describe('warnings: who sees the published warnings', () => {
  let h: EmptyHarness;
  let p: TwoClasses;
  beforeAll(async () => {
    h = await openEmptyHarness();
    // Warned under lzut-life: 孙一鸣 (书面) and 钱二妹 (口头) in 生工251班, 李四海 (书面) in 食品241班; 赵三强 passes.
    p = await seedTwoClasses(h.store, '2026-09-01T08:00:00.000+08:00', (b, c) => {
      failAfterMakeup(b, c.student, 2, SEMESTER);
      failAfterMakeup(b, c.classmate, 1, SEMESTER);
      passAll(b, c.third, 3, SEMESTER);
      failAfterMakeup(b, c.outsider, 2, SEMESTER);
    });
    await runAndPublish(h, SEMESTER);
  });
  afterAll(() => h.close());

  const classesOf = (userId: string) =>
    p.built.classes
      .filter((c) => c.counselorId === userId || c.headTeacherId === userId || c.assistantId === userId)
      .map((c) => c._id);

  it.each([
    ['the counselor', () => p.counselorUser],
    ['the head teacher', () => p.headTeacherUser],
    ['the assistant', () => p.assistantUser],
  ])('%s sees the active warnings of their classes only, with explanations', async (_who, user) => {
    const list = await h.ok(user(), 'warnings', 'list', {});
    const mine = new Set(classesOf(user()));
    // 孙一鸣 and 钱二妹 of 生工251班.
    expect(list).toHaveLength(2);
    expect(list.every((w) => mine.has(w.classId) && w.status === 'active')).toBe(true);
    expect(list.every((w) => w.triggers.length > 0 && w.triggers[0]?.text !== '')).toBe(true);
    const active = await h.store.count('warnings', { classId: { in: [...mine] }, status: 'active' });
    expect(list.length).toBe(active);
  });

  it('filters by class, and denies a class the caller does not serve', async () => {
    const list = await h.ok(p.counselorUser, 'warnings', 'list', { classId: p.firstClass._id });
    expect(list).toHaveLength(2);
    expect(list.every((w) => w.classId === p.firstClass._id)).toBe(true);
    await expect(h.callAs(p.counselorUser, 'warnings', 'list', { classId: p.otherClass._id })).resolves.toMatchObject({
      ok: false,
      code: 'ACCESS.DENIED',
    });
  });

  it('the clerk sees the whole college, a department head their department', async () => {
    const all = await h.ok(p.clerkUser, 'warnings', 'list', {});
    expect(all).toHaveLength(3);
    expect(all.length).toBe(await h.store.count('warnings', { collegeId: 'life', status: 'active' }));
    const dept = await h.ok(p.departmentHeadUser, 'warnings', 'list', {});
    const bioeng = new Set(p.built.classes.filter((c) => c.departmentId === 'bioeng').map((c) => c._id));
    expect(dept).toHaveLength(2);
    expect(dept.every((w) => bioeng.has(w.classId))).toBe(true);
    expect(dept.length).toBeLessThan(all.length);
  });

  it('a student sees only their own warnings; a parent cannot list', async () => {
    const own = await h.ok(p.studentUser, 'warnings', 'mine', {});
    expect(own.length).toBeGreaterThan(0);
    expect(own.every((w) => w.studentId === p.student._id)).toBe(true);
    const listed = await h.ok(p.studentUser, 'warnings', 'list', {});
    expect(listed.length).toBeGreaterThan(0);
    expect(listed.every((w) => w.studentId === p.student._id)).toBe(true);
    await expect(h.callAs(p.parentUser, 'warnings', 'list', {})).resolves.toMatchObject({
      ok: false,
      code: 'ACCESS.DENIED',
    });
    await expect(h.callAs(p.counselorUser, 'warnings', 'mine', {})).resolves.toMatchObject({
      ok: false,
      code: 'ACCESS.DENIED',
    });
  });
});
