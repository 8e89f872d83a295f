import { openEmptyHarness, type EmptyHarness } from '../../support/harness';
import { seedTwoClasses, type TwoClasses } from '../../support/build/two-classes';
import { uploadCsv } from '../../support/warnings-files';

/**
 * Issue 9 defect 11: a row whose 学号 and 姓名 disagree with the roster is reported (row, column,
 * reason) and not imported; rows that would change stored grades show old → new in the preview.
 */
describe('grades: the roster name is checked, and the preview shows the grades a file would change', () => {
  let h: EmptyHarness;
  let p: TwoClasses;
  beforeAll(async () => {
    h = await openEmptyHarness();
    p = await seedTwoClasses(h.store, '2026-09-01T08:00:00.000+08:00');
  });
  afterAll(() => h.close());

  it("reports a 学号 with another student's 姓名 as a row error in the preview and the import, and imports the rest", async () => {
    const [a, b] = [p.student, p.classmate];
    const fileId = uploadCsv(h, [
      [a._id, a.name, 'NAME01', '姓名核对课', 2, 80, '正考', '2025-2026-2'],
      [a._id, b.name, 'NAME02', '姓名核对课', 2, 80, '正考', '2025-2026-2'],
      [b._id, '', 'NAME01', '姓名核对课', 2, 80, '正考', '2025-2026-2'],
    ]);
    const reason = `姓名与学号不符：学号 ${a._id} 在学生名册中是“${a.name}”，表中为“${b.name}”`;
    const preview = await h.ok(p.clerkUser, 'grades', 'preview', { fileId });
    expect(preview).toMatchObject({ good: 2, bad: 1, errors: [{ row: 3, column: '姓名', message: reason }] });
    const job = await h.ok(p.clerkUser, 'grades', 'importChunk', { fileId });
    expect(job).toMatchObject({
      status: 'done',
      inserted: 2,
      errorCount: 1,
      errors: [{ row: 3, column: '姓名', message: reason }],
    });
    await expect(h.store.get('grades', `${a._id}:NAME02:2025-2026-2:regular`)).resolves.toBeNull();
  });

  it('shows, before importing, the stored grades a file would change: old → new', async () => {
    const c = p.third;
    await h.ok(p.clerkUser, 'grades', 'importChunk', {
      fileId: uploadCsv(h, [
        [c._id, '', 'CHG001', '有机化学', 3, '58', '正考', '2025-2026-2'],
        [c._id, '', 'CHG002', '无机化学', 2, '70', '正考', '2025-2026-2'],
      ]),
    });
    const fileId = uploadCsv(h, [
      [c._id, c.name, 'CHG001', '有机化学', 3, '61', '正考', '2025-2026-2'],
      [c._id, c.name, 'CHG002', '无机化学', 2, '70', '正考', '2025-2026-2'],
      [c._id, c.name, 'CHG003', '分析化学', 2, '90', '正考', '2025-2026-2'],
    ]);
    const preview = await h.ok(p.clerkUser, 'grades', 'preview', { fileId });
    expect(preview.changed).toBe(1);
    expect(preview.changes).toEqual([
      {
        row: 2,
        studentId: c._id,
        studentName: c.name,
        courseCode: 'CHG001',
        semester: '2025-2026-2',
        attemptLabel: '正考',
        before: { score: '58', credits: 3, courseName: '有机化学' },
        after: { score: '61', credits: 3, courseName: '有机化学' },
      },
    ]);
    const job = await h.ok(p.clerkUser, 'grades', 'importChunk', { fileId });
    expect(job).toMatchObject({ inserted: 1, updated: 1, alreadyPresent: 1 });
    await expect(h.ok(p.clerkUser, 'grades', 'preview', { fileId })).resolves.toMatchObject({
      changed: 0,
      changes: [],
    });
  });
});
