import type { ClassInfo } from '../../types/domain';
import { openEmptyHarness, type EmptyHarness } from '../support/harness';
import { seedTwoClasses, type TwoClasses } from '../support/build/two-classes';

/** For each role: one allowed read and at least two denied ones. */
describe('access: each role sees only what it owns', () => {
  let h: EmptyHarness;
  let p: TwoClasses;
  let parallel: ClassInfo;
  beforeAll(async () => {
    h = await openEmptyHarness();
    // Two classes (生工251班 of three students, 食品241班 of one) and a parallel class of the same
    // counselor and cohort, 生工252班 with its own head teacher and one student: three classes.
    p = await seedTwoClasses(h.store, '2026-09-01T08:00:00.000+08:00', (b) => {
      parallel = b.class({
        id: 'c2025-bioeng-2',
        name: '生工252班',
        departmentId: 'bioeng',
        cohort: 2025,
        counselor: b.person('t-counselor', '周辅导'),
        headTeacher: b.person('t-head-3', '范班主'),
      });
      b.student(parallel, { id: '2025312001', name: '周五月', gender: '女' });
    });
  });
  afterAll(() => h.close());

  const denied = async (
    userId: string,
    fn: 'campus',
    action: 'student' | 'classStudents',
    input: Record<string, string>,
  ) => {
    const result = await h.callAs(userId, fn, action, input);
    expect(result).toMatchObject({ ok: false, code: 'ACCESS.DENIED' });
  };

  describe('student', () => {
    it('reads their own record', async () => {
      const me = await h.ok(p.studentUser, 'campus', 'student', { studentId: p.student._id });
      expect(me.name).toBe(p.student.name);
      expect(me.parentPhone).toBeUndefined();
    });
    it('cannot read a classmate, an outsider, or a class roster', async () => {
      await denied(p.studentUser, 'campus', 'student', { studentId: p.classmate._id });
      await denied(p.studentUser, 'campus', 'student', { studentId: p.outsider._id });
      await denied(p.studentUser, 'campus', 'classStudents', { classId: p.firstClass._id });
    });
  });

  describe('parent', () => {
    it('reads their bound child', async () => {
      const child = await h.ok(p.parentUser, 'campus', 'student', { studentId: p.student._id });
      expect(child.studentId).toBe(p.student._id);
      const me = await h.ok(p.parentUser, 'identity', 'me', {});
      expect(me.children.map((c) => c.studentId)).toEqual([p.student._id]);
    });
    it("cannot read another parent's child or a classmate of their child", async () => {
      await denied(p.parentUser, 'campus', 'student', { studentId: p.outsider._id });
      await denied(p.parentUser, 'campus', 'student', { studentId: p.classmate._id });
      await denied(p.otherParentUser, 'campus', 'student', { studentId: p.student._id });
    });
  });

  describe('counselor', () => {
    it('reads their classes and students, with the parent phone on file to call', async () => {
      const classes = await h.ok(p.counselorUser, 'campus', 'myClasses', {});
      expect(classes.map((c) => c.classId)).toEqual(['c2025-bioeng-1', 'c2025-bioeng-2']);
      const s = await h.ok(p.counselorUser, 'campus', 'student', { studentId: p.student._id });
      // Before: masked (188********), while the counselor is the one told to phone the parent.
      expect(s.parentPhone).toBe(p.student.parentPhone);
    });
    it("cannot read another counselor's class or its students", async () => {
      await denied(p.counselorUser, 'campus', 'classStudents', { classId: p.otherClass._id });
      await denied(p.counselorUser, 'campus', 'student', { studentId: p.outsider._id });
    });
  });

  describe('head teacher', () => {
    it('reads their one class', async () => {
      const roster = await h.ok(p.headTeacherUser, 'campus', 'classStudents', { classId: p.firstClass._id });
      expect(roster.students.map((s) => s.name)).toEqual(['孙一鸣', '钱二妹', '赵三强']);
    });
    it('cannot read a parallel class or its students', async () => {
      expect(parallel.headTeacherId).not.toBe(p.headTeacherUser);
      await denied(p.headTeacherUser, 'campus', 'classStudents', { classId: parallel._id });
      await denied(p.headTeacherUser, 'campus', 'student', { studentId: p.outsider._id });
    });
  });

  describe('assistant', () => {
    it('reads a class they serve, without parent contact details', async () => {
      const s = await h.ok(p.assistantUser, 'campus', 'student', { studentId: p.student._id });
      expect(s.parentPhone).toBeUndefined();
      expect(JSON.stringify(s)).not.toContain(p.student.parentPhone);
    });
    it('cannot read classes they do not serve', async () => {
      await denied(p.assistantUser, 'campus', 'classStudents', { classId: p.otherClass._id });
      await denied(p.assistantUser, 'campus', 'student', { studentId: p.outsider._id });
    });
  });

  describe('clerk and leader', () => {
    it('see every class of their college', async () => {
      for (const user of [p.clerkUser, p.leaderUser]) {
        const classes = await h.ok(user, 'campus', 'myClasses', {});
        expect(classes).toHaveLength(3);
      }
    });
    it('are denied a student of another college and an unknown class', async () => {
      await h.store.add(
        'students',
        {
          _id: '2099999001',
          name: '外院学生',
          gender: '男',
          classId: 'x-class',
          collegeId: 'other',
          cohort: 2025,
          dormId: '',
          parentName: '某',
          parentPhone: '13800000000',
        },
        { by: 'test', at: h.clock.now().toISOString() },
      );
      await denied(p.clerkUser, 'campus', 'student', { studentId: '2099999001' });
      await denied(p.leaderUser, 'campus', 'classStudents', { classId: 'x-class' });
    });
  });

  describe('department head', () => {
    it("reads a student of their department's classes", async () => {
      // 孙一鸣 of 生工251班 (bioeng).
      const own = p.student;
      expect((await h.ok('t-dept-bioeng', 'campus', 'student', { studentId: own._id })).studentId).toBe(own._id);
    });
    it('cannot read a student or the roster of another department', async () => {
      // 李四海 of 食品241班 (food).
      const foodClass = p.otherClass;
      const foodStudent = p.outsider;
      await denied('t-dept-bioeng', 'campus', 'student', { studentId: foodStudent._id });
      await denied('t-dept-bioeng', 'campus', 'classStudents', { classId: foodClass._id });
    });
  });

  describe('identity comes from OPENID, never from the payload', () => {
    it('ignores a forged identity in the input', async () => {
      const forged = {
        studentId: p.outsider._id,
        openid: `demo:${p.outsiderUser}`,
        userId: p.outsiderUser,
        userInfo: { openId: `demo:${p.outsiderUser}` },
      };
      const result = await h.callAs(p.studentUser, 'campus', 'student', forged);
      expect(result).toMatchObject({ ok: false, code: 'ACCESS.DENIED' });
      const me = await h.callAs(p.studentUser, 'identity', 'me', { openid: `demo:${p.counselorUser}` });
      expect(me).toMatchObject({ ok: true, data: { userId: p.studentUser, roles: ['student'] } });
    });
    it('refuses an unknown caller and an anonymous one with AUTH.REQUIRED', async () => {
      expect(await h.callAs('nobody', 'identity', 'me', {})).toMatchObject({ ok: false, code: 'AUTH.REQUIRED' });
      expect(await h.callAs(null, 'campus', 'myClasses', {})).toMatchObject({ ok: false, code: 'AUTH.REQUIRED' });
    });
  });
});
