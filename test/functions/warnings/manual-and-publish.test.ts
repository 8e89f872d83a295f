import { expect } from '@jest/globals';
import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { warningsFunction } from '../../../cloudfunctions/warnings/function';
import { publishSettings } from '../../../cloudfunctions/application/publishing/publish-run';
import type { Warning } from '../../../types/warning';
import type { PublishResult } from '../../../types/api/warnings';
import { DEMO_OPENID_PREFIX } from '../../../scripts/demo/generate';
import { openEmptyHarness, type EmptyHarness } from '../../support/harness';
import { publicationChange } from '../../../cloudfunctions/core/publishing/publish-plan';
import { seedTwoClasses, type TwoClasses } from '../../support/build/two-classes';
import { fourMoves, movingStudents, runAndPublish, runEntries, sat } from '../../support/build/warnings';
import { storeWith } from '../../support/warnings-stores';
import { cellText } from '../../support/xlsx-read';

const AT = '2026-09-01T08:00:00.000+08:00';

async function warningsOf(h: EmptyHarness, studentId: string): Promise<Warning[]> {
  return h.store.query('warnings', { where: { studentId }, limit: 1000 });
}

describe('warnings: manual changes (rules: 002-4.2.1)', () => {
  let h: EmptyHarness;
  let p: TwoClasses;
  let runId: string;
  beforeAll(async () => {
    h = await openEmptyHarness();
    // Under gxu-ee in 2025-2026-1 only 孙一鸣 is listed (cumulative GPA 0 after failing MF1 and MF2);
    // 生工251班 also has 钱二妹, 赵三强 and three more without grades: five unlisted to add by hand.
    p = await seedTwoClasses(h.store, AT, (b, c) => {
      sat(b, c.student, { code: 'MF1', semester: '2025-2026-1' }, { regular: '40', makeup: '50' });
      sat(b, c.student, { code: 'MF2', semester: '2025-2026-1' }, { regular: '40', makeup: '50' });
      b.student(c.firstClass, { id: '2025311004', name: '周四海' });
      b.student(c.firstClass, { id: '2025311005', name: '吴五洲' });
      b.student(c.firstClass, { id: '2025311006', name: '郑六合', gender: '女' });
    });
    runId = (await h.ok(p.clerkUser, 'warnings', 'run', { semester: '2025-2026-1', policyId: 'gxu-ee' })).runId;
  });
  afterAll(() => h.close());

  const unlisted = async () => {
    const listed = new Set((await runEntries(h, runId)).map((e) => e.studentId));
    const s = p.built.students.find(
      (x) => x.classId === p.firstClass._id && !listed.has(x._id) && x._id !== p.student._id,
    );
    if (!s) throw new Error('every student of the class is listed');
    return s;
  };

  it('lets the counselor add a student of their class by hand; the mark stays visible and survives publication', async () => {
    const s = await unlisted();
    const entry = await h.ok(p.counselorUser, 'warnings', 'addManual', {
      runId,
      studentId: s._id,
      level: 'warning',
      reason: 'attendance',
      note: '本月旷课 12 节',
    });
    expect(entry).toMatchObject({ studentId: s._id, level: 'warning', source: 'manual', change: 'new' });
    expect(entry.manual).toMatchObject({
      action: 'add',
      reason: 'attendance',
      reasonLabel: '考勤',
      note: '本月旷课 12 节',
      by: p.counselorUser,
    });
    expect(entry.manual?.byName).not.toBe(p.counselorUser);
    const review = await h.ok(p.clerkUser, 'warnings', 'review', { runId });
    expect(review.entries.find((e) => e.studentId === s._id)?.manual?.reasonLabel).toBe('考勤');
    expect(review.run.manual).toBe(1);
  });

  it('shows class staff the open draft with their classes only; others see none', async () => {
    const [draft] = await h.ok(p.counselorUser, 'warnings', 'drafts', {});
    const mine = p.built.classes.filter((c) => c.counselorId === p.counselorUser).map((c) => c._id);
    expect(draft).toMatchObject({ runId, semester: '2025-2026-1', levels: [{ id: 'warning' }, { id: 'probation' }] });
    expect(draft?.classes.map((c) => c.classId).sort()).toEqual([...mine].sort());
    expect(draft?.entries.every((e) => mine.includes(e.classId))).toBe(true);
    expect(draft?.entries.some((e) => e.manual?.reason === 'attendance')).toBe(true);
    expect(draft?.manualReasons).toHaveLength(9);
    await expect(h.callAs(p.studentUser, 'warnings', 'drafts', {})).resolves.toMatchObject({
      ok: false,
      code: 'ACCESS.DENIED',
    });
  });

  it('lets the head teacher add too, and re-evaluation keeps the result deterministic', async () => {
    const s = await unlisted();
    const a = await h.ok(p.headTeacherUser, 'warnings', 'addManual', {
      runId,
      studentId: s._id,
      level: 'probation',
      reason: 'mentalState',
    });
    const b = await h.ok(p.headTeacherUser, 'warnings', 'addManual', {
      runId,
      studentId: s._id,
      level: 'probation',
      reason: 'mentalState',
    });
    expect(b).toEqual(a);
    expect(a.level).toBe('probation');
  });

  it('denies a counselor adding a student of another class, and a student adding anyone', async () => {
    await expect(
      h.callAs(p.counselorUser, 'warnings', 'addManual', {
        runId,
        studentId: p.outsider._id,
        level: 'warning',
        reason: 'attitude',
      }),
    ).resolves.toMatchObject({ ok: false, code: 'ACCESS.DENIED' });
    await expect(
      h.callAs(p.studentUser, 'warnings', 'addManual', {
        runId,
        studentId: p.student._id,
        level: 'warning',
        reason: 'attitude',
      }),
    ).resolves.toMatchObject({ ok: false, code: 'ACCESS.DENIED' });
    await expect(
      h.callAs(p.assistantUser, 'warnings', 'addManual', {
        runId,
        studentId: p.student._id,
        level: 'warning',
        reason: 'attitude',
      }),
    ).resolves.toMatchObject({ ok: false, code: 'ACCESS.DENIED' });
  });

  it('requires a reason and refuses a level the policy does not have', async () => {
    const s = await unlisted();
    await expect(
      h.callAs(p.counselorUser, 'warnings', 'addManual', { runId, studentId: s._id, level: 'warning' }),
    ).resolves.toMatchObject({ ok: false, code: 'INPUT.INVALID', field: 'reason' });
    await expect(
      h.callAs(p.counselorUser, 'warnings', 'addManual', { runId, studentId: s._id, level: 'written', reason: 'gpa' }),
    ).resolves.toMatchObject({ ok: false, code: 'MANUAL.REJECTED' });
    await expect(
      h.callAs(p.clerkUser, 'warnings', 'removeManual', { runId, studentId: s._id, note: '  ' }),
    ).resolves.toMatchObject({ ok: false, code: 'INPUT.INVALID', field: 'note' });
  });

  it('removes a listed student by hand with a note, and clearing the change restores the rules', async () => {
    const listed = (await runEntries(h, runId)).find((e) => e.source === 'rules');
    if (!listed) throw new Error('gxu-ee lists someone by the rules');
    expect(listed.studentId).toBe(p.student._id);
    const removed = await h.ok(p.clerkUser, 'warnings', 'removeManual', {
      runId,
      studentId: listed.studentId,
      note: '学籍异动，已转专业',
    });
    expect(removed).toMatchObject({ level: null, manual: { action: 'remove', note: '学籍异动，已转专业' } });
    const restored = await h.ok(p.clerkUser, 'warnings', 'clearManual', { runId, studentId: listed.studentId });
    expect(restored).toEqual(listed);
  });

  it('refuses manual additions when the policy does not allow them (lzut-life)', async () => {
    const lzut = await h.ok(p.clerkUser, 'warnings', 'run', { semester: '2025-2026-1' });
    await expect(
      h.callAs(p.counselorUser, 'warnings', 'addManual', {
        runId: lzut.runId,
        studentId: p.student._id,
        level: 'warning',
        reason: 'attitude',
      }),
    ).resolves.toMatchObject({ ok: false, code: 'MANUAL.NOT_ALLOWED' });
    // The newest draft is now lzut-life's: class staff have nothing to add to.
    await expect(h.ok(p.counselorUser, 'warnings', 'drafts', {})).resolves.toEqual([]);
  });

  it('publishes manual additions marked manual, then refuses further changes', async () => {
    const entries = await runEntries(h, runId);
    const manual = entries.filter((e) => e.manual?.action === 'add');
    expect(manual.length).toBe(2);
    await h.ok(p.clerkUser, 'warnings', 'publish', { runId });
    for (const e of manual) {
      const [w] = await warningsOf(h, e.studentId);
      expect(w?.manual).toMatchObject({
        reason: e.manual?.reason,
        reasonLabel: e.manual?.reasonLabel,
        by: e.manual?.by,
      });
    }
    const s = await unlisted();
    await expect(
      h.callAs(p.counselorUser, 'warnings', 'addManual', {
        runId,
        studentId: s._id,
        level: 'warning',
        reason: 'attitude',
      }),
    ).resolves.toMatchObject({ ok: false, code: 'RUN.PUBLISHED' });
  });
});

describe('warnings: publish', () => {
  let h: EmptyHarness;
  let p: TwoClasses;
  beforeAll(async () => {
    h = await openEmptyHarness();
    // 孙一鸣 书面 → lifted, 钱二妹 口头 → 书面, 赵三强 口头 kept, 李四海 书面 carried (fourMoves).
    p = await seedTwoClasses(h.store, AT, fourMoves);
  });
  afterAll(() => h.close());

  it('denies a counselor and a student', async () => {
    const run = await h.ok(p.clerkUser, 'warnings', 'run', { semester: '2025-2026-1' });
    for (const user of [p.counselorUser, p.studentUser, p.headTeacherUser]) {
      await expect(h.callAs(user, 'warnings', 'publish', { runId: run.runId })).resolves.toMatchObject({
        ok: false,
        code: 'ACCESS.DENIED',
      });
    }
  });

  it('writes one warning per listed student with its duties and a notice; publishing twice adds nothing', async () => {
    const run = await h.ok(p.clerkUser, 'warnings', 'run', { semester: '2025-2026-1' });
    const entries = await runEntries(h, run.runId);
    const first = await h.ok(p.clerkUser, 'warnings', 'publish', { runId: run.runId });
    expect(first).toMatchObject({
      published: entries.length,
      superseded: 0,
      lifted: 0,
      notices: entries.length,
      alreadyPublished: false,
    });
    const count = await h.store.count('warnings');
    const again = await h.ok(p.clerkUser, 'warnings', 'publish', { runId: run.runId });
    expect(again).toMatchObject({ published: 0, alreadyPublished: true });
    expect(await h.store.count('warnings')).toBe(count);
    expect(
      await h.store.count('notices', { warningId: { in: entries.map((e) => `w:${run.runId}:${e.studentId}`) } }),
    ).toBe(entries.length);

    const written = entries.find((e) => e.level === 'written');
    if (!written) throw new Error('孙一鸣 and 李四海 have written warnings');
    const w = await h.store.get('warnings', `w:${run.runId}:${written.studentId}`);
    expect(w).toMatchObject({
      status: 'active',
      level: 'written',
      levelName: '书面警示',
      change: 'new',
      manual: null,
      publishedBy: p.clerkUser,
    });
    // lzut-life builds on lower levels: the written warning carries the duties of 学业警示 and 口头警示 too.
    expect(w?.duties?.map((d) => `${d.role}:${d.duty}`)).toEqual(
      expect.arrayContaining(['counselor:talk', 'headTeacher:study-plan', 'headTeacher:parent-contact']),
    );
    const summary = (await h.ok(p.clerkUser, 'warnings', 'runs', {})).find((r) => r.runId === run.runId);
    expect(summary).toMatchObject({ status: 'published' });
  });

  it('supersedes changed warnings, keeps unchanged ones and lifts the rest on the next publication; history and the previous run are kept', async () => {
    const [firstRun] = (await h.ok(p.clerkUser, 'warnings', 'runs', {})).filter((r) => r.status === 'published');
    if (!firstRun) throw new Error('published above');
    const second = await h.ok(p.clerkUser, 'warnings', 'run', { semester: '2025-2026-2' });
    const entries = await runEntries(h, second.runId);
    const result = await h.ok(p.clerkUser, 'warnings', 'publish', { runId: second.runId });
    const lifted = entries.filter((e) => e.change === 'lifted');
    const moved = entries.filter((e) => e.level !== null && e.previousWarningId !== null && e.change !== 'unchanged');
    const unchanged = entries.filter(
      (e) => e.level !== null && e.previousWarningId !== null && e.change === 'unchanged',
    );
    expect(result).toMatchObject({ lifted: lifted.length, superseded: moved.length, kept: unchanged.length });
    expect(lifted.map((e) => e.studentId)).toEqual([p.student._id]);
    expect(moved.map((e) => e.studentId)).toEqual([p.classmate._id]);
    expect(unchanged.map((e) => e.studentId).sort()).toEqual([p.outsider._id, p.third._id].sort());

    const liftedOne = lifted[0];
    const old = await h.store.get('warnings', liftedOne?.previousWarningId ?? '');
    expect(old).toMatchObject({ status: 'lifted', liftedByRun: second.runId });
    const replaced = moved[0];
    const history = await warningsOf(h, replaced?.studentId ?? '');
    expect(history.map((w) => w.status).sort()).toEqual(['active', 'superseded']);
    expect(history.find((w) => w.status === 'superseded')?.supersededBy).toBe(
      `w:${second.runId}:${replaced?.studentId}`,
    );
    // An unchanged student keeps the warning the first list gave them: no second one is written.
    const same = unchanged[0];
    expect((await warningsOf(h, same?.studentId ?? '')).map((w) => [w._id, w.status])).toEqual([
      [same?.previousWarningId, 'active'],
    ]);

    const runs = await h.ok(p.clerkUser, 'warnings', 'runs', {});
    expect(runs.filter((r) => r.status === 'published').map((r) => r.runId)).toEqual(
      expect.arrayContaining([firstRun.runId, second.runId]),
    );
    const active = await h.store.count('warnings', { collegeId: 'life', status: 'active' });
    expect(active).toBe(entries.filter((e) => e.level !== null).length);
  });

  it('refuses a draft made before another publication of its semester', async () => {
    const a = await h.ok(p.clerkUser, 'warnings', 'run', { semester: '2025-2026-2' });
    const b = await h.ok(p.clerkUser, 'warnings', 'run', { semester: '2025-2026-2' });
    await h.ok(p.clerkUser, 'warnings', 'publish', { runId: a.runId });
    await expect(h.callAs(p.clerkUser, 'warnings', 'publish', { runId: b.runId })).resolves.toMatchObject({
      ok: false,
      code: 'RUN.OUTDATED',
    });
  });

  it('refuses to publish an earlier semester over a later one', async () => {
    const old = await h.ok(p.clerkUser, 'warnings', 'run', { semester: '2025-2026-1' });
    await expect(h.callAs(p.clerkUser, 'warnings', 'publish', { runId: old.runId })).resolves.toMatchObject({
      ok: false,
      code: 'RUN.OLD_SEMESTER',
    });
  });
});

/** A fresh college with 2025-2026-1 published: its 2025-2026-2 list has warnings to write, replace and lift. */
describe('warnings: publishing a long list', () => {
  let h: EmptyHarness;
  let p: TwoClasses;
  beforeEach(async () => {
    h = await openEmptyHarness();
    // The four of fourMoves and 20 more in 生工251班 (four of each move: new, escalated, lifted, kept, carried).
    p = await seedTwoClasses(h.store, AT, (b, c) => {
      fourMoves(b, c);
      movingStudents(b, c.firstClass, 20);
    });
    await runAndPublish(h, '2025-2026-1');
  });
  afterEach(() => h.close());

  it('resumes an interrupted publication without duplicates', async () => {
    const run = await h.ok(p.clerkUser, 'warnings', 'run', { semester: '2025-2026-2' });
    const entries = await runEntries(h, run.runId);
    let transactions = 0;
    const dying = storeWith(h.store, {
      transaction: async (fn) => {
        if (++transactions === 6) throw new Error('simulated crash');
        return h.store.transaction(fn);
      },
    });
    jest.spyOn(console, 'error').mockImplementation(() => undefined);
    const crashed = await warningsFunction.dispatch(
      { action: 'publish', input: { runId: run.runId } },
      { store: dying, clock: h.clock, files: h.files, openid: DEMO_OPENID_PREFIX + p.clerkUser },
    );
    expect(crashed).toMatchObject({ ok: false });
    const partial = await h.store.count('warnings', { runId: run.runId });
    expect(partial).toBeGreaterThan(0);
    const resumed = await h.ok(p.clerkUser, 'warnings', 'publish', { runId: run.runId });
    const written = entries.filter((e) => publicationChange(e) === 'publish').length;
    expect(resumed.published).toBe(written - partial);
    expect(await h.store.count('warnings', { runId: run.runId })).toBe(written);
    expect(await h.store.count('warnings', { collegeId: 'life', status: 'active' })).toBe(
      entries.filter((e) => e.level !== null).length,
    );
  });

  it('publishes a large list over several calls when the time budget runs out, each call resuming', async () => {
    const run = await h.ok(p.clerkUser, 'warnings', 'run', { semester: '2025-2026-2' });
    const entries = await runEntries(h, run.runId);
    const steps = entries.filter((e) => publicationChange(e) === 'publish' || publicationChange(e) === 'lift').length;
    const saved = publishSettings.budgetMs;
    publishSettings.budgetMs = -1; // one student per call
    try {
      const calls: PublishResult[] = [];
      do calls.push(await h.ok(p.clerkUser, 'warnings', 'publish', { runId: run.runId }));
      while (calls[calls.length - 1]?.done === false);
      expect(calls).toHaveLength(steps);
      expect(calls.map((c) => c.remaining)).toEqual(Array.from({ length: steps }, (_, i) => steps - 1 - i));
      expect(calls.reduce((n, c) => n + c.published + c.lifted, 0)).toBe(steps);
    } finally {
      publishSettings.budgetMs = saved;
    }
    expect(await h.store.count('warnings', { runId: run.runId })).toBe(
      entries.filter((e) => publicationChange(e) === 'publish').length,
    );
  });

  it('exports the summary table with the columns a college files', async () => {
    const [latest] = await h.ok(p.clerkUser, 'warnings', 'runs', {});
    if (!latest) throw new Error('runs exist');
    const entries = await runEntries(h, latest.runId);
    const file = await h.ok(p.clerkUser, 'warnings', 'exportSummary', { runId: latest.runId });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.read(Readable.from(Buffer.from(file.base64, 'base64')));
    const sheet = workbook.worksheets[0];
    const header = sheet?.getRow(2).values;
    expect(Array.isArray(header) ? header.slice(1) : []).toEqual([
      '序号',
      '学号',
      '姓名',
      '班级',
      '专业/年级',
      '警示等级',
      '警示原因（规则与课程）',
      '不及格课程及学分',
      '变化',
      '人工补充及原因',
      '辅导员',
      '班主任',
      '备注',
    ]);
    const expected = entries.filter((e) => e.level !== null || e.change === 'lifted').length;
    expect(file.rows).toBe(expected);
    expect(sheet?.rowCount).toBe(expected + 2);
    expect(cellText(sheet?.getCell(1, 1).value)).toMatch(/学业警示学生名单汇总表/);
    expect(file.fileName).toMatch(/\.xlsx$/);
  });
});
