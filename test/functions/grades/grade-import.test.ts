import { expect } from '@jest/globals';
import { writeFileSync } from 'node:fs';
import { gradesFunction } from '../../../cloudfunctions/grades/function';
import { UNREADABLE_FILE } from '../../../cloudfunctions/application/grades/file-rows';
import { importSettings } from '../../../cloudfunctions/grades/import-job';
import { DEMO_OPENID_PREFIX } from '../../../scripts/demo/generate';
import { openEmptyHarness, type EmptyHarness } from '../../support/harness';
import { seedTwoClasses, type TwoClasses } from '../../support/build/two-classes';
import { passedRows, uploadCsv, uploadXlsx } from '../../support/warnings-files';
import { storeWith } from '../../support/warnings-stores';

describe('grades: preview and resumable import', () => {
  let h: EmptyHarness;
  let p: TwoClasses;
  beforeAll(async () => {
    h = await openEmptyHarness();
    // 生工251班 grows to 30 students: 孙一鸣, 钱二妹, 赵三强 and 27 more; the college stores no grades yet.
    p = await seedTwoClasses(h.store, '2026-09-01T08:00:00.000+08:00', (b, c) => {
      for (let n = 4; n <= 30; n++)
        b.student(c.firstClass, { id: `2025311${String(n).padStart(3, '0')}`, name: `学生${n}` });
    });
  });
  afterAll(() => h.close());

  const ids = () => p.built.students.filter((s) => s.classId === p.firstClass._id).map((s) => s._id);

  it('previews the header mapping, the first rows and the errors', async () => {
    const fileId = uploadCsv(h, [
      ...passedRows(ids().slice(0, 2), 2),
      ['X999', '某某', 'TST900', '测试', 'abc', 'A+', '期中', '2025'],
    ]);
    const preview = await h.ok(p.clerkUser, 'grades', 'preview', { fileId });
    expect(preview.fatal).toBeNull();
    expect(preview.columns.map((c) => [c.header, c.field])).toEqual([
      ['学号', 'studentId'],
      ['姓名', 'studentName'],
      ['课程代码', 'courseCode'],
      ['课程名称', 'courseName'],
      ['学分', 'credits'],
      ['成绩', 'score'],
      ['考试性质', 'attempt'],
      ['学期', 'semester'],
    ]);
    expect(preview.rows).toHaveLength(4);
    expect(preview).toMatchObject({ scanned: 5, good: 4, bad: 1, more: false });
    expect(preview.errors.map((e) => e.column).sort()).toEqual(['学分', '学期', '学号', '成绩', '考试性质'].sort());
    expect(preview.errors.every((e) => e.row === 6)).toBe(true);
  });

  it('reports an unusable header as fatal', async () => {
    const fileId = uploadCsv(h, [['1', '2']], ['甲', '乙']);
    const preview = await h.ok(p.clerkUser, 'grades', 'preview', { fileId });
    expect(preview.fatal).toMatch(/表头缺少必需的列/);
    const job = await h.ok(p.clerkUser, 'grades', 'importChunk', { fileId });
    expect(job).toMatchObject({ status: 'failed', inserted: 0 });
    expect(job.message).toMatch(/表头缺少/);
  });

  it.each([
    ['unknown student', ['S-NOBODY', '', 'TST1', '课', 2, 70, '正考', '2025-2026-2'], '学号', /未知学生/],
    [
      'student of no college of the clerk',
      ['ZZ0001', '', 'TST1', '课', 2, 70, '正考', '2025-2026-2'],
      '学号',
      /未知学生/,
    ],
    ['non-numeric credits', ['{id}', '', 'TST1', '课', '两', 70, '正考', '2025-2026-2'], '学分', /学分应为/],
    ['unknown exam type', ['{id}', '', 'TST1', '课', 2, 70, '期中', '2025-2026-2'], '考试性质', /未知的考试性质/],
    ['unreadable score', ['{id}', '', 'TST1', '课', 2, 'A+', '正考', '2025-2026-2'], '成绩', /成绩无法识别/],
    ['bad semester', ['{id}', '', 'TST1', '课', 2, 70, '正考', '2025秋'], '学期', /学期格式不正确/],
    ['missing course name', ['{id}', '', 'TST1', '', 2, 70, '正考', '2025-2026-2'], '课程名称', /缺少课程名称/],
  ])(
    'reports a bad row (%s) with its row, column and reason, and keeps the good rows',
    async (name, bad, column, message) => {
      const [first, second] = ids();
      const row = bad.map((c) => (c === '{id}' ? (first ?? '') : c));
      const fileId = uploadCsv(h, [
        ...passedRows([second ?? ''], 1, '2025-2026-1').map((r) =>
          r.map((c) => (c === 'TST000' ? `OK-${name.length}-${String(column)}` : c)),
        ),
        row,
      ]);
      const job = await h.ok(p.clerkUser, 'grades', 'importChunk', { fileId });
      expect(job.status).toBe('done');
      expect(job.inserted).toBe(1);
      expect(job.errors).toEqual([
        expect.objectContaining({ row: 3, column, message: expect.stringMatching(message) }),
      ]);
    },
  );

  it('reports a duplicate row of the file, also across chunks and calls', async () => {
    const [a] = ids();
    const row = [a ?? '', '', 'DUP001', '重复课程', 2, 70, '正考', '2025-2026-2'];
    const filler = passedRows(ids().slice(1, 4), 1, '2025-2026-1').map((r) =>
      r.map((c) => (c === 'TST000' ? 'DUPFILL' : c)),
    );
    const fileId = uploadCsv(h, [row, ...filler, row]);
    let job = await h.ok(p.clerkUser, 'grades', 'importChunk', { fileId, chunkRows: 2, maxChunks: 1 });
    expect(job).toMatchObject({ status: 'running', cursor: 3, rows: 2, inserted: 2 });
    while (job.status === 'running')
      job = await h.ok(p.clerkUser, 'grades', 'importChunk', { fileId, jobId: job.jobId, chunkRows: 2, maxChunks: 1 });
    expect(job).toMatchObject({ status: 'done', rows: 5, inserted: 4, errorCount: 1 });
    expect(job.errors).toEqual([{ row: 6, column: null, message: expect.stringMatching(/重复的成绩：与第 2 行/) }]);
  });

  it('imports a file in chunks, fills the class from the roster, and a second import adds nothing', async () => {
    const rows = passedRows(ids(), 10); // 300 rows
    const fileId = uploadCsv(h, rows);
    const before = await h.store.count('grades');
    let job = await h.ok(p.clerkUser, 'grades', 'importChunk', { fileId, chunkRows: 64, maxChunks: 1 });
    let calls = 1;
    while (job.status === 'running') {
      job = await h.ok(p.clerkUser, 'grades', 'importChunk', { fileId, jobId: job.jobId, chunkRows: 64, maxChunks: 1 });
      calls++;
    }
    expect(calls).toBe(5);
    expect(job).toMatchObject({ status: 'done', rows: 300, inserted: 300, alreadyPresent: 0, errorCount: 0 });
    expect(await h.store.count('grades')).toBe(before + 300);
    const first = p.student;
    const stored = await h.store.get('grades', `${first._id}:TST000:2025-2026-2:regular`);
    expect(stored).toMatchObject({ classId: first.classId, studentName: first.name });

    const again = await h.ok(p.clerkUser, 'grades', 'importChunk', { fileId });
    expect(again).toMatchObject({ status: 'done', inserted: 0, alreadyPresent: 300, updated: 0 });
    expect(await h.store.count('grades')).toBe(before + 300);
  });

  it('treats a row an earlier import stored as present, and corrects a changed result', async () => {
    const [a] = ids();
    const row = [a ?? '', '', 'FIX001', '有机化学', 3, '58', '正考', '2025-2026-2'];
    await h.ok(p.clerkUser, 'grades', 'importChunk', { fileId: uploadCsv(h, [row]) });
    const before = await h.store.count('grades');
    const same = await h.ok(p.clerkUser, 'grades', 'importChunk', { fileId: uploadCsv(h, [row]) });
    expect(same).toMatchObject({ inserted: 0, alreadyPresent: 1, updated: 0 });
    const corrected = [...row];
    corrected[5] = '61';
    const fixed = await h.ok(p.clerkUser, 'grades', 'importChunk', { fileId: uploadCsv(h, [corrected]) });
    expect(fixed).toMatchObject({ inserted: 0, alreadyPresent: 0, updated: 1 });
    expect(await h.store.count('grades')).toBe(before);
    expect(await h.store.get('grades', `${a}:FIX001:2025-2026-2:regular`)).toMatchObject({
      score: '61',
      correctedBy: fixed.jobId,
    });
  });

  it('reads xlsx exports too', async () => {
    const fileId = await uploadXlsx(h, passedRows(ids().slice(0, 3), 2, '2024-2025-2'));
    const job = await h.ok(p.clerkUser, 'grades', 'importChunk', { fileId });
    expect(job).toMatchObject({ status: 'done', rows: 6, inserted: 6, errorCount: 0 });
  });

  it('redoes a chunk after a crash between writing grades and advancing the cursor, adding nothing twice', async () => {
    const fileId = uploadCsv(h, passedRows(ids().slice(0, 10), 5, '2023-2024-1')); // 50 rows
    const before = await h.store.count('grades');
    let updates = 0;
    // The store dies on the second cursor update: chunk 2's grades are written, its cursor is not.
    const crashing = storeWith(h.store, {
      update: async (collection, id, patch, version, ctx) => {
        if (collection === 'gradeImports' && ++updates === 2) throw new Error('simulated crash');
        return h.store.update(collection, id, patch, version, ctx);
      },
    });
    jest.spyOn(console, 'error').mockImplementation(() => undefined);
    const env = { store: crashing, clock: h.clock, files: h.files, openid: DEMO_OPENID_PREFIX + p.clerkUser };
    const crashed = await gradesFunction.dispatch({ action: 'importChunk', input: { fileId, chunkRows: 20 } }, env);
    expect(crashed).toMatchObject({ ok: false, code: 'INTERNAL' });
    expect(await h.store.count('grades')).toBe(before + 40);
    const [job] = await h.store.query('gradeImports', { where: { fileId } });
    expect(job).toMatchObject({ cursor: 21, inserted: 20 });

    const resumed = await h.ok(p.clerkUser, 'grades', 'importChunk', { fileId, jobId: job?._id ?? '', chunkRows: 20 });
    expect(resumed).toMatchObject({ status: 'done', rows: 50, inserted: 50, alreadyPresent: 0, errorCount: 0 });
    expect(await h.store.count('grades')).toBe(before + 50);
  });

  it.each([
    ['a counselor', () => p.counselorUser],
    ['a student', () => p.studentUser],
    ['a leader', () => p.leaderUser],
  ])('denies %s', async (_name, user) => {
    const fileId = uploadCsv(h, passedRows(ids().slice(0, 1), 1));
    await expect(h.callAs(user(), 'grades', 'preview', { fileId })).resolves.toMatchObject({
      ok: false,
      code: 'ACCESS.DENIED',
    });
    await expect(h.callAs(user(), 'grades', 'importChunk', { fileId })).resolves.toMatchObject({
      ok: false,
      code: 'ACCESS.DENIED',
    });
  });

  it('fails the job with the reason when the file breaks while being read, and reports a job by id', async () => {
    const upload = h.files.newUpload('csv');
    writeFileSync(
      upload.path,
      `学号,课程代码,课程名称,学分,成绩,考试性质,学期\n${ids()[0]},TST1,"未闭合的课程名,2,70,正考,2025-2026-2\n`,
    );
    const logged = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    const job = await h.ok(p.clerkUser, 'grades', 'importChunk', { fileId: upload.fileId });
    expect(job).toMatchObject({ status: 'failed', inserted: 0 });
    // A fixed message for the user; the parser's own words go to the log.
    expect(job.message).toBe(UNREADABLE_FILE);
    expect(String(logged.mock.calls.flat().map((a: unknown) => (a instanceof Error ? a.message : a)))).toMatch(
      /引号没有闭合/,
    );
    logged.mockRestore();
    await expect(h.ok(p.clerkUser, 'grades', 'importJob', { jobId: job.jobId })).resolves.toEqual(job);
    await expect(h.callAs(p.counselorUser, 'grades', 'importJob', { jobId: job.jobId })).resolves.toMatchObject({
      ok: false,
      code: 'ACCESS.DENIED',
    });
  });

  it("does not pass a library's message on when an xlsx file is corrupt", async () => {
    const upload = h.files.newUpload('xlsx');
    writeFileSync(upload.path, Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(200, 7)]));
    const logged = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    const job = await h.ok(p.clerkUser, 'grades', 'importChunk', { fileId: upload.fileId });
    expect(job).toMatchObject({ status: 'failed', message: UNREADABLE_FILE });
    const preview = await h.ok(p.clerkUser, 'grades', 'preview', { fileId: upload.fileId });
    expect(preview.fatal).toBe(UNREADABLE_FILE);
    expect(logged).toHaveBeenCalled();
    logged.mockRestore();
  });

  it('stops a chunk of corrections when the time is up, and the next calls finish it without counting twice', async () => {
    const students = ids().slice(20, 23);
    const row = (id: string, code: string, score: number) => [
      id,
      '',
      code,
      `限时课程${code}`,
      2,
      score,
      '正考',
      '2022-2023-1',
    ];
    await h.ok(p.clerkUser, 'grades', 'importChunk', {
      fileId: uploadCsv(
        h,
        students.map((id) => row(id, 'BUD001', 50)),
      ),
    });
    // Rows 2, 4, 6 correct stored grades; rows 3 and 5 are new; row 7 is bad.
    const [a = '', b = '', c = ''] = students;
    const fileId = uploadCsv(h, [
      row(a, 'BUD001', 61),
      row(a, 'BUD002', 70),
      row(b, 'BUD001', 62),
      row(b, 'BUD002', 70),
      row(c, 'BUD001', 63),
      [c, '', 'BUD003', '课', 2, 'A+', '正考', '2022-2023-1'],
    ]);
    const before = await h.store.count('grades');
    const saved = importSettings.budgetMs;
    importSettings.budgetMs = -1; // out of time as soon as the first correction is written
    try {
      const calls = [await h.ok(p.clerkUser, 'grades', 'importChunk', { fileId })];
      expect(calls[0]).toMatchObject({ status: 'running', cursor: 3, rows: 2, updated: 1, inserted: 1 });
      let last = calls[0];
      while (last?.status === 'running') {
        last = await h.ok(p.clerkUser, 'grades', 'importChunk', { fileId, jobId: last.jobId });
        calls.push(last);
      }
      expect(calls.map((j) => j.cursor)).toEqual([3, 5, 7]);
      expect(last).toMatchObject({
        status: 'done',
        rows: 6,
        updated: 3,
        inserted: 2,
        alreadyPresent: 0,
        errorCount: 1,
      });
      expect(last?.errors).toEqual([expect.objectContaining({ row: 7, column: '成绩' })]);
    } finally {
      importSettings.budgetMs = saved;
    }
    expect(await h.store.count('grades')).toBe(before + 2);
    await expect(h.store.get('grades', `${c}:BUD001:2022-2023-1:regular`)).resolves.toMatchObject({ score: '63' });
  });

  it('says when the upload is missing', async () => {
    await expect(
      h.callAs(p.clerkUser, 'grades', 'importChunk', { fileId: 'local:00000000-0000-0000-0000-000000000000.csv' }),
    ).resolves.toMatchObject({ ok: false, code: 'FILE.NOT_FOUND' });
  });
});
