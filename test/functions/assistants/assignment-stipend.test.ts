import { join } from 'node:path';
import type { ClassInfo } from '../../../types/domain';
import { openEmptyHarness, type EmptyHarness } from '../../support/harness';
import { storeAsIs } from '../../support/stored-as-is';
import { readXlsx } from '../../support/xlsx-read';
import { at, CALL_ID, seedProgrammeCollege, throughConfirmation, who } from './programme-steps';

async function sheetRows(base64: string): Promise<string[][]> {
  return (await readXlsx(base64))[0]?.rows ?? [];
}

/** Through the function (rules: 000-5, 000-7.2): classes, the monthly sheet, a mid-year change. */
describe('assistants: assignment, stipend, changes', () => {
  let h: EmptyHarness;
  let classes: ClassInfo[];
  let previousAssistant: string;
  beforeEach(async () => {
    h = await openEmptyHarness('2026-09-02T09:00:00+08:00');
    const college = await seedProgrammeCollege(h.store, '2026-09-01T09:00:00.000+08:00');
    // 生工241班, 生工242班 (both served by 王助理), 食品241班.
    classes = [...college.classes].sort((a, b) => a._id.localeCompare(b._id));
    previousAssistant = college.previousAssistantUser;
  });
  afterEach(() => h.close());
  const cls = (i: number) =>
    classes[i] ??
    (() => {
      throw new Error('no class');
    })();

  it("assigns two classes, refuses a third with the reason; the class and the assistant's grant follow", async () => {
    const { lin } = await throughConfirmation(h);
    await h.ok(who.clerk, 'assistants', 'assign', { callId: CALL_ID, classId: cls(0)._id, applicationId: lin });
    await h.ok(who.clerk, 'assistants', 'assign', { callId: CALL_ID, classId: cls(1)._id, applicationId: lin });
    // Again: nothing new.
    await h.ok(who.clerk, 'assistants', 'assign', { callId: CALL_ID, classId: cls(1)._id, applicationId: lin });
    const third = await h.callAs(who.clerk, 'assistants', 'assign', {
      callId: CALL_ID,
      classId: cls(2)._id,
      applicationId: lin,
    });
    expect(third).toMatchObject({ ok: false, code: 'ASSISTANT.TOO_MANY_CLASSES', field: 'classId' });
    if (!third.ok) expect(third.message).toContain(`林雨桐已带${cls(0).name}、${cls(1).name}`);

    expect((await h.store.get('classes', cls(0)._id))?.assistantId).toBe(who.lin);
    const user = await h.store.get('users', who.lin);
    expect(user?.grants).toContainEqual({ role: 'assistant', classIds: [cls(0)._id, cls(1)._id].sort() });
    // The previous assistant of those classes (王助理) no longer holds them.
    expect(cls(0).assistantId).toBe(previousAssistant);
    const previous = await h.store.get('users', previousAssistant);
    expect(previous?.grants.flatMap((g) => (g.role === 'assistant' ? g.classIds : []))).not.toContain(cls(0)._id);
    // Now an assistant: their class is theirs to see.
    expect((await h.ok(who.lin, 'campus', 'myClasses', {})).map((c) => c.classId)).toEqual(
      [cls(0)._id, cls(1)._id].sort(),
    );
  });

  it('the monthly sheet: 250 per class, read back from the xlsx; a month outside the year is refused', async () => {
    const { lin, zhou } = await throughConfirmation(h);
    await h.ok(who.clerk, 'assistants', 'assign', { callId: CALL_ID, classId: cls(0)._id, applicationId: lin });
    await h.ok(who.clerk, 'assistants', 'assign', { callId: CALL_ID, classId: cls(1)._id, applicationId: lin });
    await h.ok(who.clerk, 'assistants', 'assign', { callId: CALL_ID, classId: cls(2)._id, applicationId: zhou });
    const file = await h.ok(who.leader, 'assistants', 'stipendSheet', { callId: CALL_ID, year: 2026, month: 10 });
    expect(file).toMatchObject({ rows: 2, total: 750, unpaid: 0 });
    const rows = await sheetRows(file.base64);
    expect(rows[0]?.[0]).toContain('2026年10月 学业助理津贴发放表');
    expect(rows[1]).toEqual([
      '序号',
      '学号',
      '姓名',
      '所带班级',
      '班级数',
      '标准（元/月/班）',
      '本月津贴（元）',
      '备注',
    ]);
    expect(rows.slice(2).map((r) => [r[2], r[4], r[6]])).toEqual([
      ['林雨桐', '2', '500'],
      ['周子航', '1', '250'],
      ['2 人', '3', '750'],
    ]);
    expect(
      await h.callAs(who.leader, 'assistants', 'stipendSheet', { callId: CALL_ID, year: 2027, month: 9 }),
    ).toMatchObject({ ok: false, code: 'ASSISTANT.MONTH_OUTSIDE_YEAR' });
  });

  it('a mid-year change: refused after the window, filed inside it, unpaid until the school confirms it', async () => {
    const { lin, zhou } = await throughConfirmation(h);
    await h.ok(who.clerk, 'assistants', 'assign', { callId: CALL_ID, classId: cls(0)._id, applicationId: lin });
    await h.ok(who.clerk, 'assistants', 'assign', { callId: CALL_ID, classId: cls(2)._id, applicationId: zhou });
    const change = { callId: CALL_ID, classId: cls(2)._id, incomingUserId: who.zhao, reason: '周子航赴外校联合培养' };

    at(h, '2027-02-21T18:00:00');
    expect(await h.callAs(who.clerk, 'assistants', 'fileChange', change)).toMatchObject({
      ok: false,
      code: 'ASSISTANT.CHANGE_WINDOW',
    });
    at(h, '2027-03-08T00:00:00');
    const late = await h.callAs(who.clerk, 'assistants', 'fileChange', change);
    expect(late).toMatchObject({ ok: false, code: 'ASSISTANT.CHANGE_WINDOW' });
    if (!late.ok) expect(late.message).toContain('2027-02-22 至 2027-03-07');
    expect(await h.store.count('assistantChanges')).toBe(0);
    // An ineligible replacement (a retake) is refused inside the window too.
    at(h, '2027-03-01T10:00:00');
    expect(
      await h.callAs(who.clerk, 'assistants', 'fileChange', { ...change, incomingUserId: who.chen }),
    ).toMatchObject({ ok: false, code: 'ASSISTANT.NOT_ELIGIBLE' });

    const filed = await h.ok(who.clerk, 'assistants', 'fileChange', change);
    await h.ok(who.clerk, 'assistants', 'fileChange', change);
    expect(filed.changes).toHaveLength(1);
    const changeId = filed.changes[0]?.changeId ?? '';
    const march = await h.ok(who.clerk, 'assistants', 'stipendSheet', { callId: CALL_ID, year: 2027, month: 3 });
    expect(march).toMatchObject({ total: 250, unpaid: 1 });
    expect((await sheetRows(march.base64)).find((r) => r[2] === '赵一鸣')?.[7]).toContain('未经学校公示确认，不予发放');

    await h.ok(who.affairs, 'assistants', 'decideChange', { changeId, decision: 'approve', opinion: '' });
    at(h, '2027-03-03T23:59:00');
    expect(await h.callAs(who.affairs, 'assistants', 'confirmChange', { changeId })).toMatchObject({
      ok: false,
      code: 'ASSISTANT.PUBLICITY_RUNNING',
    });
    at(h, '2027-03-04T00:00:00');
    expect(await h.ok(who.affairs, 'assistants', 'confirmChange', { changeId })).toMatchObject({ stage: 'confirmed' });
    const after = await h.ok(who.clerk, 'assistants', 'stipendSheet', { callId: CALL_ID, year: 2027, month: 3 });
    expect(after).toMatchObject({ total: 500, unpaid: 0 });
    expect((await h.store.get('classes', cls(2)._id))?.assistantId).toBe(who.zhao);
    const zhouUser = await h.store.get('users', who.zhou);
    expect(zhouUser?.grants.flatMap((g) => (g.role === 'assistant' ? g.classIds : []))).toEqual([]);
  });

  it('the year-end assessment rates each assistant from the duties of their classes', async () => {
    const { lin } = await throughConfirmation(h);
    await h.ok(who.clerk, 'assistants', 'assign', { callId: CALL_ID, classId: cls(0)._id, applicationId: lin });
    at(h, '2026-11-20T10:00:00');
    const rows = await h.ok(who.leader, 'assistants', 'assessment', { callId: CALL_ID });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ name: '林雨桐', classes: [cls(0).name] });
    // Nothing recorded by the new assistant since September: the monthly activities are overdue.
    expect(rows[0]?.overdue).toBeGreaterThan(0);
    expect(rows[0]?.rating).toBe('不合格');
    // In the second semester the first semester's windows still count: the whole year is assessed.
    const november = rows[0]?.overdue ?? 0;
    at(h, '2027-03-08T10:00:00');
    const march = await h.ok(who.leader, 'assistants', 'assessment', { callId: CALL_ID });
    expect(march[0]?.overdue).toBeGreaterThan(november);
  });

  it("one unreadable stored application does not break the college's view", async () => {
    const { lin } = await throughConfirmation(h);
    // The store refuses such a document now: a copy of an application is stored, then changed past the schema.
    const stored = await h.store.get('assistantApplications', lin);
    if (!stored) throw new Error('no application');
    await h.store.add(
      'assistantApplications',
      { ...stored, _id: `app:${CALL_ID}:broken` },
      { by: 'test:corrupt', at: '2026-09-10T09:00:00.000+08:00' },
    );
    await storeAsIs(join(h.dir, 'test.sqlite'), 'assistantApplications', `app:${CALL_ID}:broken`, {
      checks: 'not a list',
    });
    const view = await h.ok(who.clerk, 'assistants', 'call', { callId: CALL_ID });
    expect(view.applications.map((a) => a.name).sort()).toEqual(['周子航', '林雨桐', '陈思远'].sort());
  });
});
