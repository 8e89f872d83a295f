import { writeFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { classRows, csvText, staffRows, studentRows } from '../../support/college-files';
import { openFreshInstall, type FreshInstall } from '../../support/fresh-install';

/** The offices' files as Excel saves them: xlsx, or a csv in GBK (Excel's default on Chinese Windows). */
describe('roster files in the formats offices save', () => {
  let f: FreshInstall;
  beforeAll(async () => {
    f = await openFreshInstall();
  });
  afterAll(() => f.close());

  it('an xlsx staff list and classes list, then a GBK csv roster, import like the UTF-8 files', async () => {
    for (const [kind, rows] of [
      ['staff', staffRows],
      ['classes', classRows],
    ] as const) {
      const up = f.files.newUpload('xlsx');
      const book = new ExcelJS.Workbook();
      const sheet = book.addWorksheet('名单');
      for (const r of rows) sheet.addRow([...r]);
      await book.xlsx.writeFile(up.path);
      const preview = await f.ok(f.clerkOpenid, 'roster', 'preview', { kind, fileId: up.fileId });
      expect(preview).toMatchObject({ fatal: null, bad: 0 });
      await f.ok(f.clerkOpenid, 'roster', 'apply', { kind, fileId: up.fileId });
    }
    const gbk = f.files.newUpload('csv');
    writeFileSync(gbk.path, iconv.encode(csvText(studentRows).replace(/^\uFEFF/, ''), 'gbk'));
    const preview = await f.ok(f.clerkOpenid, 'roster', 'preview', { kind: 'students', fileId: gbk.fileId });
    expect(preview).toMatchObject({ fatal: null, added: 5, bad: 0 });
    expect(preview.changes[0]?.label).toBe('2024310101 孙一鸣');
  });

  it('a grade export given as a roster is refused by its header, and nothing is written', async () => {
    const fileId = f.upload([
      ['学号', '课程代码', '成绩'],
      ['2024310101', 'SW201', '60'],
    ]);
    const preview = await f.ok(f.clerkOpenid, 'roster', 'preview', { kind: 'students', fileId });
    expect(preview.fatal).toMatch(/^表头缺少必需的列：姓名、性别、班级、年级、家长姓名、家长电话/);
    expect(await f.call(f.clerkOpenid, 'roster', 'apply', { kind: 'students', fileId })).toMatchObject({
      ok: false,
      code: 'ROSTER.FILE_UNUSABLE',
      field: 'fileId',
    });
  });
});
