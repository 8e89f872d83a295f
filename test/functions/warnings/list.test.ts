import { demoPeople, openHarness, type Harness } from '../../support/harness';
import { publishSemester } from '../../support/warnings-runs';

describe('warnings: who sees the published warnings', () => {
  let h: Harness;
  let p: ReturnType<typeof demoPeople>;
  beforeAll(async () => {
    h = await openHarness();
    p = demoPeople(h.demo);
    await publishSemester(h, '2025-2026-2');
  });
  afterAll(() => h.close());

  const classesOf = (userId: string) =>
    h.demo.classes
      .filter((c) => c.counselorId === userId || c.headTeacherId === userId || c.assistantId === userId)
      .map((c) => c._id);

  it.each([
    ['the counselor', () => p.counselorUser],
    ['the head teacher', () => p.headTeacherUser],
    ['the assistant', () => p.assistantUser],
  ])('%s sees the active warnings of their classes only, with explanations', async (_who, user) => {
    const list = await h.ok(user(), 'warnings', 'list', {});
    const mine = new Set(classesOf(user()));
    expect(list.length).toBeGreaterThan(0);
    expect(list.every((w) => mine.has(w.classId) && w.status === 'active')).toBe(true);
    expect(list.every((w) => w.triggers.length > 0 && w.triggers[0]?.text !== '')).toBe(true);
    const active = await h.store.count('warnings', { classId: { in: [...mine] }, status: 'active' });
    expect(list.length).toBe(active);
  });

  it('filters by class, and denies a class the caller does not serve', async () => {
    const list = await h.ok(p.counselorUser, 'warnings', 'list', { classId: p.firstClass._id });
    expect(list.every((w) => w.classId === p.firstClass._id)).toBe(true);
    await expect(h.callAs(p.counselorUser, 'warnings', 'list', { classId: p.otherClass._id })).resolves.toMatchObject({
      ok: false,
      code: 'ACCESS.DENIED',
    });
  });

  it('the clerk sees the whole college, a department head their department', async () => {
    const all = await h.ok(p.clerkUser, 'warnings', 'list', {});
    expect(all.length).toBe(await h.store.count('warnings', { collegeId: 'life', status: 'active' }));
    const dept = await h.ok('t-dept-bioeng', 'warnings', 'list', {});
    const bioeng = new Set(h.demo.classes.filter((c) => c.departmentId === 'bioeng').map((c) => c._id));
    expect(dept.every((w) => bioeng.has(w.classId))).toBe(true);
    expect(dept.length).toBeLessThan(all.length);
  });

  it('a student sees only their own warnings; a parent cannot list', async () => {
    const [any] = await h.store.query('warnings', { where: { status: 'active' }, limit: 1 });
    if (!any) throw new Error('published above');
    const own = await h.ok(`s-${any.studentId}`, 'warnings', 'mine', {});
    expect(own.length).toBeGreaterThan(0);
    expect(own.every((w) => w.studentId === any.studentId)).toBe(true);
    const listed = await h.ok(`s-${any.studentId}`, 'warnings', 'list', {});
    expect(listed.every((w) => w.studentId === any.studentId)).toBe(true);
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
