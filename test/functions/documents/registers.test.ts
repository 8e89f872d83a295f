import { performance } from 'node:perf_hooks';
import { classCheckColumns, dormRegisterColumns } from '../../../cloudfunctions/core/documents/duty-register';
import { complianceColumns } from '../../../cloudfunctions/core/documents/compliance-report';
import { wall } from '../../../cloudfunctions/core/documents/form-kit';
import { queryAll } from '../../../cloudfunctions/platform/store/store';
import { recordDemoActivity } from '../../../scripts/demo/activity';
import { demoPeople, openHarness, type Harness } from '../../support/harness';
import { readPdf } from '../../support/pdf-read';
import { readXlsx, tableOf } from '../../support/xlsx-read';

/** 查寝 / 查课 registers and the compliance report, from the demo's weeks of check-ins (a class of 40). */
describe('documents: duty registers and the compliance report for a period', () => {
  let h: Harness;
  let people: ReturnType<typeof demoPeople>;
  const period = { from: '2026-09-01', to: '2026-11-30' };

  beforeAll(async () => {
    h = await openHarness();
    people = demoPeople(h.demo);
    await recordDemoActivity(h.store, h.files, h.demo);
  }, 120_000);
  afterAll(() => h.close());

  const records = async (kind: string) =>
    (await queryAll(h.store, 'dutyRecords', { where: { classId: people.firstClass._id } }))
      .filter((r) => r.kind === kind && r.at.slice(0, 10) >= period.from && r.at.slice(0, 10) <= period.to)
      .sort((a, b) => a.at.localeCompare(b.at) || a._id.localeCompare(b._id));

  it('查寝登记表: one row per dorm check of the class in the period, with hygiene and who was present', async () => {
    const expected = await records('dormCheck');
    expect(expected.length).toBeGreaterThan(0);
    const started = performance.now();
    const answer = await h.ok(people.counselorUser, 'documents', 'dutyRegister', {
      classId: people.firstClass._id,
      register: 'dormCheck',
      period,
      format: 'xlsx',
    });
    const ms = performance.now() - started;
    const rows = tableOf((await readXlsx(answer.file?.base64 ?? ''))[0]!, dormRegisterColumns);
    expect(rows).toHaveLength(expected.length);
    rows.forEach((row, i) => {
      const r = expected[i]!;
      if (r.details.form !== 'dormCheck') throw new Error('not a dorm check');
      expect(row[1]).toBe(wall(r.at));
      expect(row[4]).toBe(String(r.details.hygieneScore));
      expect(row[6]).toBe(
        r.details.residents
          .filter((x) => x.status === 'present')
          .map((x) => x.name)
          .join('、'),
      );
    });
    const pdf = await h.ok(people.counselorUser, 'documents', 'dutyRegister', {
      classId: people.firstClass._id,
      register: 'dormCheck',
      period,
      format: 'pdf',
    });
    const read = readPdf(Buffer.from(pdf.file?.base64 ?? '', 'base64'));
    expect(read.fontName).toMatch(/\+WenQuanYiZenHei$/);
    process.stdout.write(
      `[documents] 查寝登记表 ${people.firstClass.name} ${expected.length} 次: xlsx ${answer.file?.bytes} B (${ms.toFixed(0)} ms), pdf ${pdf.file?.bytes} B, ${read.pageCount} 页\n`,
    );
  });

  it('查课登记表: one row per class check, with late / absent / left early', async () => {
    const expected = await records('classCheck');
    expect(expected.length).toBeGreaterThan(0);
    const answer = await h.ok(people.counselorUser, 'documents', 'dutyRegister', {
      classId: people.firstClass._id,
      register: 'classCheck',
      period,
      format: 'xlsx',
    });
    const rows = tableOf((await readXlsx(answer.file?.base64 ?? ''))[0]!, classCheckColumns);
    expect(rows.map((r) => r[1])).toEqual(expected.map((r) => wall(r.at)));
    expect(rows.map((r) => r[2])).toEqual(
      expected.map((r) => (r.details.form === 'classCheck' ? r.details.course : '')),
    );
  });

  it("the compliance report of a class and of a person holds the evaluator's items for the period", async () => {
    const cls = await h.ok(people.counselorUser, 'documents', 'complianceReport', {
      classId: people.firstClass._id,
      period,
      format: 'xlsx',
    });
    const sheet = (await readXlsx(cls.file?.base64 ?? ''))[0]!;
    const rows = tableOf(sheet, complianceColumns);
    expect(rows.length).toBeGreaterThan(0);
    // The same evaluator as the duties screens: the class's detail shows the same overdue count.
    const detail = await h.ok(people.counselorUser, 'duties', 'complianceDetail', { classId: people.firstClass._id });
    const overdue = detail.items.filter(
      (i) => i.status === 'overdue' && i.window.start.slice(0, 10) <= period.to && i.window.lastDay >= period.from,
    ).length;
    expect(rows.filter((r) => r[8] === '已逾期')).toHaveLength(overdue);
    const person = await h.ok(people.counselorUser, 'documents', 'complianceReport', {
      personId: people.counselorUser,
      period,
      format: 'view',
    });
    const table = person.document.pages[0]?.blocks.find((b) => b.kind === 'table');
    expect(table && table.kind === 'table' ? new Set(table.rows.map((r) => r[2])) : null).toEqual(
      new Set([h.demo.users.find((u) => u._id === people.counselorUser)?.name]),
    );
  });

  it("registers and reports stay within the caller's classes and college", async () => {
    const input = { classId: people.otherClass._id, register: 'dormCheck' as const, period, format: 'view' as const };
    expect(await h.callAs(people.counselorUser, 'documents', 'dutyRegister', input)).toMatchObject({
      ok: false,
      code: 'ACCESS.DENIED',
    });
    expect(
      await h.callAs(people.assistantUser, 'documents', 'dutyRegister', { ...input, classId: people.firstClass._id }),
    ).toMatchObject({ ok: false, code: 'ACCESS.DENIED' });
    expect(
      await h.callAs(people.studentUser, 'documents', 'dutyRegister', { ...input, classId: people.firstClass._id }),
    ).toMatchObject({ ok: false, code: 'ACCESS.DENIED' });
    expect(
      await h.callAs(people.counselorUser, 'documents', 'complianceReport', {
        classId: people.otherClass._id,
        period,
        format: 'view',
      }),
    ).toMatchObject({ ok: false, code: 'ACCESS.DENIED' });
    expect(
      await h.callAs(people.counselorUser, 'documents', 'complianceReport', {
        personId: people.otherCounselorUser,
        period,
        format: 'view',
      }),
    ).toMatchObject({ ok: false, code: 'ACCESS.DENIED' });
    expect((await h.callAs(people.leaderUser, 'documents', 'dutyRegister', input)).ok).toBe(true);
  });
});
