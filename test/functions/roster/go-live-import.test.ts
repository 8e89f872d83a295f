import { expect } from '@jest/globals';
import { classRows, staffRows, studentRows, zhengfangRows } from '../../support/college-files';
import { openFreshInstall, type FreshInstall } from '../../support/fresh-install';

/** A fresh install brought live from the college's own files, through the roster function. */
describe('roster: staff, classes and students from the college files', () => {
  let f: FreshInstall;
  beforeAll(async () => {
    f = await openFreshInstall();
  });
  afterAll(() => f.close());
  // People take time between steps: each step is a minute later, so the audit reads in order.
  beforeEach(() => f.clock.advance(60_000));

  const clerk = () => f.clerkOpenid;
  const user = (id: string) => f.store.get('users', id);

  it('the bootstrap clerk joined with their invite code and holds the clerk grant of the college', async () => {
    const me = await f.ok(clerk(), 'identity', 'me', {});
    expect(me).toMatchObject({ userId: 't-T0001', name: '张秘书', roles: ['clerk'] });
  });

  it('staff: preview shows every person as added, apply writes them, the same file again changes nothing', async () => {
    const fileId = f.upload(staffRows);
    const preview = await f.ok(clerk(), 'roster', 'preview', { kind: 'staff', fileId });
    // The bootstrap clerk is already stored: unchanged, not added.
    expect(preview).toMatchObject({ fatal: null, rows: 7, good: 7, bad: 0, added: 6, changed: 1, missing: 0 });
    expect(preview.changes.find((c) => c.key === 'T1003')?.fields).toEqual(
      expect.arrayContaining([{ field: '角色', before: '', after: '班主任、任课教师' }]),
    );
    const applied = await f.ok(clerk(), 'roster', 'apply', { kind: 'staff', fileId });
    expect(applied).toMatchObject({ added: 6, changed: 1, removed: 0 });
    const again = await f.ok(clerk(), 'roster', 'apply', { kind: 'staff', fileId: f.upload(staffRows) });
    expect(again).toMatchObject({ added: 0, changed: 0, unchanged: 7 });
    expect((await user('t-T1006'))?.grants).toEqual([
      { role: 'departmentHead', collegeId: 'life', departmentId: '生物工程系' },
    ]);
  });

  it('classes: an unknown 工号 is a row error (row, column, reason); apply gives class staff their grants', async () => {
    const fileId = f.upload([
      ...classRows,
      ['生工2403班', '生物工程', 2024, '生物工程系', 'T9999', 'T1002', ''],
      ['生工2404班', '生物工程', 2024, '生物工程系', 'T1001', 'T1002', 'T1004'],
    ]);
    const preview = await f.ok(clerk(), 'roster', 'preview', { kind: 'classes', fileId });
    expect(preview.errors).toEqual([
      { row: 4, column: '辅导员', message: '工号 T9999 不在教职工名单中，请先导入教职工名单' },
      // An assistant serves at most two classes (rules: 000-5.1, the project's reading).
      { row: 5, column: '学业助理', message: '学业助理 T1004 已在前面服务 2 个班（每位学业助理最多 2 个班）' },
    ]);
    expect(preview).toMatchObject({ added: 2, bad: 2 });
    await f.ok(clerk(), 'roster', 'apply', { kind: 'classes', fileId });
    expect((await user('t-T1001'))?.grants).toEqual([
      { role: 'counselor', classIds: ['cls-life-生工2401班', 'cls-life-生工2402班'] },
    ]);
    expect((await user('t-T1003'))?.grants).toEqual([
      { role: 'headTeacher', classIds: ['cls-life-生工2402班'] },
      { role: 'courseTeacher', courseCodes: [] },
    ]);
    expect((await user('t-T1004'))?.grants).toEqual([
      { role: 'assistant', classIds: ['cls-life-生工2401班', 'cls-life-生工2402班'] },
    ]);
  });

  it('students: bad rows are reported by row and column; dorms, parents (two phones) and class sizes are stored', async () => {
    const bad = f.upload([
      ...studentRows,
      ['2024319999', '错行', '未知', '不存在班', '生物工程', 24, '', '', '某', '12345'],
    ]);
    const preview = await f.ok(clerk(), 'roster', 'preview', { kind: 'students', fileId: bad });
    expect(preview.errors).toEqual([
      { row: 7, column: '性别', message: '性别应为 男 或 女（实际为“未知”）' },
      { row: 7, column: '年级', message: '年级应为四位入学年份，如 2024（实际为“24”）' },
      { row: 7, column: '家长电话', message: '家长电话应为 11 位手机号（实际为“12345”）' },
    ]);
    const fileId = f.upload(studentRows);
    const ok = await f.ok(clerk(), 'roster', 'preview', { kind: 'students', fileId });
    expect(ok).toMatchObject({ added: 5, changed: 0, missing: 0, bad: 0 });
    await f.ok(clerk(), 'roster', 'apply', { kind: 'students', fileId });
    const sun = await f.store.get('students', '2024310101');
    expect(sun).toMatchObject({
      parentPhone: '13900000101',
      parentPhones: ['13900000101', '13900000111'],
      dormId: 'dorm-life-7号楼-305',
      classId: 'cls-life-生工2401班',
    });
    expect((await f.store.get('classes', 'cls-life-生工2401班'))?.size).toBe(3);
    expect((await f.store.get('dorms', 'dorm-life-7号楼-305'))?.classIds).toEqual(['cls-life-生工2401班']);
  });

  it('a changed file shows added / changed / missing before applying; removing marks, never deletes', async () => {
    const next = studentRows
      .filter((r) => r[0] !== '2024310202')
      .map((r) => (r[0] === '2024310102' ? [...r.slice(0, 6), '5号楼', '101', ...r.slice(8)] : r));
    const fileId = f.upload([
      ...next,
      ['2024310203', '吴六', '男', '生工2402班', '生物工程', 2024, '7号楼', '306', '吴刚', '13900000203'],
    ]);
    const preview = await f.ok(clerk(), 'roster', 'preview', { kind: 'students', fileId });
    expect(preview).toMatchObject({ added: 1, changed: 1, missing: 1, unchanged: 3 });
    expect(preview.changes).toEqual([
      { key: '2024310203', label: '2024310203 吴六', change: 'added', fields: expect.any(Array) },
      {
        key: '2024310102',
        label: '2024310102 钱二妹',
        change: 'changed',
        fields: [{ field: '宿舍', before: '3号楼 201', after: '5号楼 101' }],
      },
      { key: '2024310202', label: '2024310202 周五月', change: 'missing', fields: [] },
    ]);
    // Nothing was written by the preview.
    expect(await f.store.get('students', '2024310203')).toBeNull();
    await f.ok(clerk(), 'roster', 'apply', { kind: 'students', fileId, removeMissing: true });
    const gone = await f.store.get('students', '2024310202');
    expect(gone).toMatchObject({ enrolled: false, name: '周五月' });
    expect((await user('s-2024310202'))?.grants).toEqual([]);
    const audit = await f.store.query('rosterChanges', {
      where: { entityId: '2024310202' },
      orderBy: [{ field: 'at', direction: 'asc' }],
    });
    expect(audit.map((a) => [a.change, a.by, a.byName])).toEqual([
      ['added', 't-T0001', '张秘书'],
      ['removed', 't-T0001', '张秘书'],
    ]);
    // Back on the list in the next file: enrolled again.
    await f.ok(clerk(), 'roster', 'apply', { kind: 'students', fileId: f.upload(studentRows) });
    expect((await f.store.get('students', '2024310202'))?.enrolled).toBe(true);
    expect((await user('s-2024310202'))?.grants).toEqual([{ role: 'student', studentId: '2024310202' }]);
  });

  it('single changes: a student moves class, a head teacher is replaced mid-year; both audited, grants follow', async () => {
    const moved = await f.call(clerk(), 'roster', 'moveStudent', {
      studentId: '2024310103',
      classId: 'cls-life-生工2402班',
      reason: '',
    });
    expect(moved).toMatchObject({ ok: false, code: 'INPUT.INVALID', field: 'reason' });
    await f.ok(clerk(), 'roster', 'moveStudent', {
      studentId: '2024310103',
      classId: 'cls-life-生工2402班',
      reason: '转专业方向，学院批准',
    });
    f.clock.advance(60_000);
    expect((await f.store.get('students', '2024310103'))?.classId).toBe('cls-life-生工2402班');
    await f.ok(clerk(), 'roster', 'assignClassStaff', {
      classId: 'cls-life-生工2401班',
      duty: 'headTeacher',
      userId: 't-T1003',
      reason: '吴老师外出访学',
    });
    expect((await user('t-T1002'))?.grants).toEqual([{ role: 'headTeacher', classIds: [] }]);
    expect((await user('t-T1003'))?.grants[0]).toEqual({
      role: 'headTeacher',
      classIds: ['cls-life-生工2401班', 'cls-life-生工2402班'],
    });
    const changes = await f.ok(clerk(), 'roster', 'changes', {});
    expect(changes.slice(0, 2).map((c) => [c.change, c.fields, 'reason' in c.source ? c.source.reason : ''])).toEqual([
      ['replaced', [{ field: '班主任', before: '吴班主', after: '郑班主' }], '吴老师外出访学'],
      ['moved', [{ field: '班级', before: '生工2401班', after: '生工2402班' }], '转专业方向，学院批准'],
    ]);
    // T1004 already assists both classes: a third is refused (rules: 000-5.1).
    await f.ok(clerk(), 'roster', 'apply', {
      kind: 'classes',
      fileId: f.upload([...classRows, ['生工2405班', '生物工程', 2024, '生物工程系', 'T1001', 'T1002', '']]),
    });
    expect(
      await f.call(clerk(), 'roster', 'assignClassStaff', {
        classId: 'cls-life-生工2405班',
        duty: 'assistant',
        userId: 't-T1004',
        reason: '临时代管',
      }),
    ).toMatchObject({
      ok: false,
      code: 'ROSTER.ASSISTANT_FULL',
      message: '王助理已服务 2 个班（每位学业助理最多 2 个班）',
    });
    // Put things back for the tests below.
    await f.ok(clerk(), 'roster', 'assignClassStaff', {
      classId: 'cls-life-生工2401班',
      duty: 'headTeacher',
      userId: 't-T1002',
      reason: '访学结束',
    });
    await f.ok(clerk(), 'roster', 'moveStudent', {
      studentId: '2024310103',
      classId: 'cls-life-生工2401班',
      reason: '恢复原班',
    });
  });

  it('invite codes: a wrong proof counts, five burn the code; the right one joins once; nobody else may import', async () => {
    const burnt = await f.ok(clerk(), 'roster', 'createInvite', { userId: 't-T1001' });
    for (let i = 0; i < 5; i++) {
      const wrong = await f.call(`wx-guess-${i}`, 'roster', 'join', {
        code: burnt.code,
        number: 'T1001',
        name: '周某',
      });
      expect(wrong).toMatchObject({ ok: false, code: 'INVITE.PROOF_MISMATCH' });
    }
    expect(
      await f.call('wx-guess-6', 'roster', 'join', { code: burnt.code, number: 'T1001', name: '周辅导' }),
    ).toMatchObject({ ok: false, code: 'INVITE.LOCKED' });
    const invite = await f.ok(clerk(), 'roster', 'createInvite', { userId: 't-T1001' });
    expect(invite).toMatchObject({
      name: '周辅导',
      number: 'T1001',
      code: expect.stringMatching(/^[2-9A-Z]{4}-[2-9A-Z]{4}$/),
    });
    expect(
      await f.ok('wx-counselor', 'roster', 'join', {
        code: invite.code.toLowerCase(),
        number: 't1001',
        name: '周 辅导',
      }),
    ).toMatchObject({ userId: 't-T1001', roles: ['counselor'] });
    expect(
      await f.call('wx-other', 'roster', 'join', { code: invite.code, number: 'T1001', name: '周辅导' }),
    ).toMatchObject({ ok: false, code: 'INVITE.USED' });
    expect(await f.call(clerk(), 'roster', 'createInvite', { userId: 't-T1001' })).toMatchObject({
      ok: false,
      code: 'INVITE.ALREADY_JOINED',
    });
    // The counselor may neither import nor invite.
    expect(
      await f.call('wx-counselor', 'roster', 'preview', { kind: 'staff', fileId: f.upload(staffRows) }),
    ).toMatchObject({ ok: false, code: 'ACCESS.DENIED' });
    expect(await f.call('wx-counselor', 'roster', 'createInvite', { userId: 't-T1002' })).toMatchObject({
      ok: false,
      code: 'ACCESS.DENIED',
    });
    expect(await f.call(null, 'roster', 'join', { code: invite.code, number: 'T1001', name: '周辅导' })).toMatchObject({
      ok: false,
      code: 'AUTH.REQUIRED',
    });
  });

  it("a 正方 grade export names the course teachers (授课教师): they reach their sections' students", async () => {
    const fileId = f.upload(zhengfangRows);
    expect(await f.ok(clerk(), 'grades', 'preview', { fileId })).toMatchObject({
      fatal: null,
      good: 8,
      bad: 0,
      voided: 1,
    });
    let job = await f.ok(clerk(), 'grades', 'importChunk', { fileId });
    while (job.status === 'running') job = await f.ok(clerk(), 'grades', 'importChunk', { fileId, jobId: job.jobId });
    // 8 rows imported, the 成绩作废 row left out, 周放 is not on the staff list (no section, no error).
    expect(job).toMatchObject({ status: 'done', inserted: 8, errorCount: 0 });
    expect((await user('t-T1005'))?.grants).toEqual([{ role: 'courseTeacher', courseCodes: ['SW201'] }]);
    expect((await user('t-T1003'))?.grants).toContainEqual({ role: 'courseTeacher', courseCodes: ['SW202', 'SW203'] });
    const grade = await f.store.query('grades', { where: { studentId: '2024310101', courseCode: 'SW201' } });
    expect(grade[0]).toMatchObject({ courseKind: 'required', courseKindName: '必修课' });
  });

  it("the counselor's course-teacher contact duty now has one item per real course teacher of their classes", async () => {
    const duties = await f.ok('wx-counselor', 'duties', 'myDuties', { scope: 'semester' });
    const contacts = duties.items.filter((i) => i.unit.kind === 'courseTeacher');
    expect(contacts.map((i) => i.unit.label).sort()).toEqual(['李明', '郑班主']);
    // The check-in form names the teacher as typed: the contact counts for 李明, not for 郑班主.
    const now = f.clock.now().toISOString();
    await f.ok('wx-counselor', 'checkins', 'teacherContact', {
      clientId: '6f1c2b9e-1a2b-4c3d-8e9f-0a1b2c3d4e5f',
      deviceAt: now,
      sentAt: now,
      classId: 'cls-life-生工2401班',
      teacherName: '李明',
      notes: '沟通孙一鸣有机化学学习情况',
    });
    const after = (await f.ok('wx-counselor', 'duties', 'myDuties', { scope: 'semester' })).items.filter(
      (i) => i.unit.kind === 'courseTeacher',
    );
    expect(after.map((i) => [i.unit.label, i.progress]).sort()).toEqual([
      ['李明', 1],
      ['郑班主', 0],
    ]);
  });

  it("course teachers: the home's first call is allowed; a concern reaches the counselor's queue and the case, and its outcome the teacher", async () => {
    const invite = await f.ok(clerk(), 'roster', 'createInvite', { userId: 't-T1005' });
    await f.ok('wx-teacher', 'roster', 'join', { code: invite.code, number: 'T1005', name: '李明' });
    // Denied before issue 13 (ACCESS.DENIED on the home's first call).
    expect(await f.call('wx-teacher', 'campus', 'myClasses', {})).toEqual({ ok: true, data: [] });
    const mine = await f.ok('wx-teacher', 'teaching', 'mine', {});
    expect(mine.sections).toEqual([
      {
        semester: '2025-2026-2',
        courseCode: 'SW201',
        courseName: '有机化学',
        classNames: ['生工2401班', '生工2402班'],
        students: 6,
      },
    ]); // 吴六 joined 生工2402班 above
    const raised = await f.ok('wx-teacher', 'teaching', 'raiseConcern', {
      studentId: '2024310102',
      courseCode: 'SW201',
      kind: 'missingWork',
      note: '实验报告三次未交',
    });
    expect(raised).toMatchObject({
      status: 'open',
      kindLabel: '作业未交',
      className: '生工2401班',
      teacherName: '李明',
    });
    // Only students of their own sections: another course is denied.
    expect(
      await f.call('wx-teacher', 'teaching', 'raiseConcern', {
        studentId: '2024310102',
        courseCode: 'SW202',
        kind: 'attitude',
        note: '上课玩手机',
      }),
    ).toMatchObject({ ok: false, code: 'ACCESS.DENIED' });
    const queue = await f.ok('wx-counselor', 'teaching', 'queue', { status: 'open' });
    expect(queue.map((c) => c._id)).toEqual([raised._id]);
    expect(
      (await f.ok('wx-counselor', 'teaching', 'studentConcerns', { studentId: '2024310102' })).map((c) => c.note),
    ).toEqual(['实验报告三次未交']);
    // The teacher cannot close their own concern; the counselor does, and the teacher is told.
    expect(await f.call('wx-teacher', 'teaching', 'close', { concernId: raised._id, outcome: '已处理' })).toMatchObject(
      { ok: false, code: 'ACCESS.DENIED' },
    );
    const closed = await f.ok('wx-counselor', 'teaching', 'close', {
      concernId: raised._id,
      outcome: '已约谈，补交报告',
    });
    expect(closed).toMatchObject({ status: 'closed', outcome: '已约谈，补交报告', closedByName: '周辅导' });
    const again = await f.ok('wx-counselor', 'teaching', 'close', { concernId: raised._id, outcome: '再次处理' });
    expect(again.outcome).toBe('已约谈，补交报告');
    const outbox = await f.store.query('outbox', { where: { subjectId: raised._id } });
    expect(outbox.map((m) => [m.kind, m.toUserId, m.toOpenid, m.data.outcome])).toEqual([
      ['concernAnswered', 't-T1005', 'wx-teacher', '已约谈，补交报告'],
    ]);
    expect((await f.ok('wx-teacher', 'teaching', 'myConcerns', {}))[0]?.outcome).toBe('已约谈，补交报告');
    // The concern is in the student's case for the class's counselor.
    const caseView = await f.ok('wx-counselor', 'support', 'caseView', { studentId: '2024310102' });
    expect(caseView.timeline.filter((e) => e.kind === 'concern').map((e) => [e.title, e.detail])).toEqual([
      ['任课教师反映：作业未交（有机化学）', '李明老师：实验报告三次未交；处理结果（周辅导）：已约谈，补交报告'],
    ]);
  });

  it("gxu-ee's thresholds are set per college by the clerk (audited); the next run uses them", async () => {
    const view = await f.ok(clerk(), 'policies', 'settings', { policyId: 'gxu-ee' });
    expect(view.parameters.find((p) => p.id === 'semester-failed-credits')).toMatchObject({ default: 10, value: 10 });
    expect(
      await f.call('wx-counselor', 'policies', 'save', {
        policyId: 'gxu-ee',
        values: { 'semester-failed-credits': 8 },
        reason: '学校新规',
      }),
    ).toMatchObject({ ok: false, code: 'ACCESS.DENIED' });
    expect(
      await f.call(clerk(), 'policies', 'save', {
        policyId: 'gxu-ee',
        values: { 'semester-failed-credits': 99 },
        reason: '学校新规',
      }),
    ).toMatchObject({ ok: false, code: 'INPUT.INVALID', field: 'values.semester-failed-credits' });
    const saved = await f.ok(clerk(), 'policies', 'save', {
      policyId: 'gxu-ee',
      values: { 'semester-failed-credits': 8 },
      reason: '西大教〔2025〕3号调整',
    });
    expect(saved.history).toEqual([
      {
        at: expect.any(String),
        by: 't-T0001',
        byName: '张秘书',
        reason: '西大教〔2025〕3号调整',
        changes: [{ id: 'semester-failed-credits', label: '预警：本学期不及格学分', before: 10, after: 8 }],
      },
    ]);
    const run = await f.ok(clerk(), 'warnings', 'run', { semester: '2025-2026-2', policyId: 'gxu-ee' });
    const review = await f.ok(clerk(), 'warnings', 'review', { runId: run.runId });
    const sun = review.entries.find((e) => e.studentId === '2024310101');
    expect(sun?.triggers.map((t) => t.text)).toContainEqual(
      expect.stringMatching(/本学期正考不及格 10 学分（条件 ≥8 学分）/),
    );
  });

  it("a timetable names this semester's course teachers before any grade exists (unknown class or 工号 is a row error)", async () => {
    const fileId = f.upload([
      ['学期', '课程代码', '课程名称', '任课教师工号', '上课班级'],
      ['2026-2027-1', 'SW301', '分子生物学', 'T1005', '生工2401班、生工2402班'],
      ['2026-2027-1', 'SW302', '细胞生物学', 'T9999', '生工2401班'],
      ['2026-2027-1', 'SW303', '遗传学', 'T1003', '生工2499班'],
    ]);
    const preview = await f.ok(clerk(), 'roster', 'preview', { kind: 'timetable', fileId });
    expect(preview.errors).toEqual([
      { row: 3, column: '任课教师工号', message: '工号 T9999 不在教职工名单中，请先导入教职工名单' },
      { row: 4, column: '上课班级', message: '班级不在班级名单中：生工2499班' },
    ]);
    expect(preview.changes).toEqual([
      {
        key: '2026-2027-1|SW301|T1005',
        label: '2026-2027-1 分子生物学（SW301）',
        change: 'added',
        fields: [
          { field: '任课教师', before: '', after: '李明（T1005）' },
          { field: '上课班级', before: '', after: '生工2401班、生工2402班' },
        ],
      },
    ]);
    await f.ok(clerk(), 'roster', 'apply', { kind: 'timetable', fileId });
    expect((await user('t-T1005'))?.grants).toEqual([{ role: 'courseTeacher', courseCodes: ['SW201', 'SW301'] }]);
    const mine = await f.ok('wx-teacher', 'teaching', 'mine', {});
    expect(mine.sections.map((s) => [s.semester, s.courseCode])).toEqual([
      ['2026-2027-1', 'SW301'],
      ['2025-2026-2', 'SW201'],
    ]);
    // A section from years ago no longer makes its class's warnings reach the teacher (review finding).
    await f.store.add(
      'teachingSections',
      {
        _id: 'sec-old',
        collegeId: 'life',
        semester: '2023-2024-2',
        courseCode: 'SW101',
        courseName: '普通生物学',
        teacherId: 't-T1005',
        teacherName: '李明',
        classIds: ['cls-life-生工2401班'],
        source: 'timetable',
      },
      { by: 'test', at: '2026-11-25T10:00:00.000+08:00' },
    );
    expect((await f.ok('wx-teacher', 'teaching', 'mine', {})).sections.map((s) => s.semester)).toEqual([
      '2026-2027-1',
      '2025-2026-2',
    ]);
    expect(await f.ok(clerk(), 'roster', 'apply', { kind: 'timetable', fileId })).toMatchObject({
      added: 0,
      changed: 0,
      unchanged: 1,
    });
  });
});
