import { expect } from '@jest/globals';
import { classRows, staffRows, studentRows } from '../../support/college-files';
import { openFreshInstall, type FreshInstall } from '../../support/fresh-install';

const w = { by: 'test', at: '2026-11-25T10:00:00.000+08:00' };

/** A college's files speak for that college only (found by review: a clerk could take over others' people or grant school reach). */
describe('roster imports stay inside the college', () => {
  let f: FreshInstall;
  beforeEach(async () => {
    f = await openFreshInstall();
  });
  afterEach(() => f.close());

  it('a 学号 kept by another college is a row error and that student is left as they were', async () => {
    await f.store.add(
      'students',
      {
        _id: '2024310102',
        name: '钱二妹',
        gender: '女',
        classId: 'cls-chem-1',
        collegeId: 'chem',
        cohort: 2024,
        dormId: '',
        parentName: '钱芳',
        parentPhone: '13900000102',
      },
      w,
    );
    const fileId = f.upload(studentRows);
    const preview = await f.ok(f.clerkOpenid, 'roster', 'preview', { kind: 'students', fileId });
    expect(preview.errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ row: 3, column: '学号', message: expect.stringContaining('属于其他学院') }),
      ]),
    );
    await f.call(f.clerkOpenid, 'roster', 'apply', { kind: 'students', fileId });
    await expect(f.store.get('students', '2024310102')).resolves.toMatchObject({
      collegeId: 'chem',
      classId: 'cls-chem-1',
    });
  });

  it('a 工号 of another college is a row error, and a college file cannot grant 学工部', async () => {
    await f.store.add(
      'users',
      {
        _id: 't-T1005',
        openid: 'o-chem-T1005',
        name: '李明',
        grants: [{ role: 'clerk', collegeId: 'chem' }],
        collegeId: 'chem',
      },
      w,
    );
    const fileId = f.upload([...staffRows, ['T1007', '钱某', '学工部', '13800001007', '学院办公室']]);
    const preview = await f.ok(f.clerkOpenid, 'roster', 'preview', { kind: 'staff', fileId });
    expect(preview.errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ row: 7, column: '工号', message: expect.stringContaining('属于其他学院') }),
        expect.objectContaining({ row: 9, column: '角色', message: '学工部角色只能由学工部导入或设置' }),
      ]),
    );
    await f.call(f.clerkOpenid, 'roster', 'apply', { kind: 'staff', fileId });
    await expect(f.store.get('users', 't-T1005')).resolves.toMatchObject({
      collegeId: 'chem',
      grants: [{ role: 'clerk', collegeId: 'chem' }],
    });
    expect(await f.store.get('users', 't-T1007')).toBeNull();
  });

  it('学工部 must name the college a file is for: no records are written with an empty college', async () => {
    await f.store.add(
      'users',
      { _id: 't-affairs', openid: 'o-affairs', name: '学工部老师', grants: [{ role: 'studentAffairs' }] },
      w,
    );
    const fileId = f.upload(studentRows);
    await expect(f.call('o-affairs', 'roster', 'apply', { kind: 'students', fileId })).resolves.toMatchObject({
      ok: false,
      code: 'ROSTER.COLLEGE_REQUIRED',
      field: 'collegeId',
    });
    expect(await f.store.get('students', '2024310101')).toBeNull();
  });

  it('re-importing the classes keeps an assistant the 学业助理 programme assigned when the file leaves the cell blank', async () => {
    await f.ok(f.clerkOpenid, 'roster', 'apply', { kind: 'staff', fileId: f.upload(staffRows) });
    await f.ok(f.clerkOpenid, 'roster', 'apply', { kind: 'classes', fileId: f.upload(classRows) });
    const classId = 'cls-life-生工2401班';
    const cls = await f.store.get('classes', classId);
    // As assistants.assign does for a confirmed graduate (not on the college's staff list).
    await f.store.update('classes', classId, { assistantId: 'g-2025001' }, cls!._version, w);
    const blank = classRows.map((row, i) => (i === 1 ? [...row.slice(0, 6), ''] : row));
    const preview = await f.ok(f.clerkOpenid, 'roster', 'preview', { kind: 'classes', fileId: f.upload(blank) });
    expect(preview.changes.filter((c) => c.key === '生工2401班')).toEqual([]);
    await f.ok(f.clerkOpenid, 'roster', 'apply', { kind: 'classes', fileId: f.upload(blank) });
    await expect(f.store.get('classes', classId)).resolves.toMatchObject({ assistantId: 'g-2025001' });
  });
});
