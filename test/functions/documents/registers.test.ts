import { performance } from 'node:perf_hooks';
import { classCheckColumns, dormRegisterColumns } from '../../../cloudfunctions/core/documents/duty-register';
import { complianceColumns } from '../../../cloudfunctions/core/documents/compliance-report';
import { wall } from '../../../cloudfunctions/core/documents/form-kit';
import { queryAll } from '../../../cloudfunctions/platform/store/store';
import { openEmptyHarness, type EmptyHarness } from '../../support/harness';
import type { TwoClasses } from '../../support/build/two-classes';
import { seedCounselorOfThree } from '../../support/build/duties';
import { northOf, placeNamed, sentFrom } from '../../support/checkins-factories';
import { readPdf } from '../../support/pdf-read';
import { readXlsx, tableOf } from '../../support/xlsx-read';

/**
 * 查寝 / 查课 registers and the compliance report, from the check-ins filed here for 生工251班
 * (seedCounselorOfThree): two dorm checks of 西区3号楼 A101 by the assistant (赵三强 absent from the
 * second) and two class checks by the counselor (钱二妹 late at the second), a day apart.
 */
describe('documents: duty registers and the compliance report for a period', () => {
  let h: EmptyHarness;
  let people: TwoClasses;
  const period = { from: '2026-09-01', to: '2026-11-30' };

  beforeAll(async () => {
    h = await openEmptyHarness();
    people = await seedCounselorOfThree(h.store, '2026-09-01T08:00:00.000+08:00');
    const cls = people.firstClass;
    const dorm = people.built.dorms.find((d) => d.classIds.includes(cls._id));
    if (!dorm) throw new Error('no dorm');
    const teaching = placeNamed('博学楼');
    for (const [i, course] of ['有机化学', '高等数学A（上）'].entries()) {
      await h.ok(people.assistantUser, 'checkins', 'dormCheck', {
        ...sentFrom(h.clock, { location: northOf(placeNamed(dorm.building), 15) }),
        classId: cls._id,
        dormId: dorm._id,
        hygieneScore: 90 - 5 * i,
        residents: [
          { studentId: people.student._id, status: 'present' as const },
          { studentId: people.third._id, status: i === 0 ? ('present' as const) : ('absent' as const) },
        ],
      });
      await h.ok(people.counselorUser, 'checkins', 'classCheck', {
        ...sentFrom(h.clock, { location: northOf(teaching, 10) }),
        classId: cls._id,
        placeId: teaching.id,
        course,
        late: i === 0 ? [] : [people.classmate._id],
        absent: [],
        leftEarly: [],
      });
      h.clock.advance(86_400_000);
    }
  });
  afterAll(() => h.close());

  const records = async (kind: string) =>
    (await queryAll(h.store, 'dutyRecords', { where: { classId: people.firstClass._id } }))
      .filter((r) => r.kind === kind && r.at.slice(0, 10) >= period.from && r.at.slice(0, 10) <= period.to)
      .sort((a, b) => a.at.localeCompare(b.at) || a._id.localeCompare(b._id));

  it('查寝登记表: one row per dorm check of the class in the period, with hygiene and who was present', async () => {
    const expected = await records('dormCheck');
    expect(expected).toHaveLength(2);
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
    expect(expected).toHaveLength(2);
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
      new Set([people.built.user(people.counselorUser).name]),
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
