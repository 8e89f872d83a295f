import type { KpiRow } from '../../../types/api/reports';
import type { Student } from '../../../types/domain';
import { parseScore } from '../../../cloudfunctions/core/rules';
import { queryAll } from '../../../cloudfunctions/platform/store/store';
import { openEmptyHarness, SUITE_DATES, type EmptyHarness } from '../../support/harness';
import type { TwoClasses } from '../../support/build/two-classes';
import { seedGradedClasses } from '../../support/build/reports';
import { uploadXlsx, type CsvCells } from '../../support/warnings-files';

const S = '2025-2026-2';
const HEADER = ['学号', '姓名', '深造', '四六级', '双证', '获奖'];

describe('class KPIs (issue 14, rules: 003-10)', () => {
  let h: EmptyHarness;
  let p: TwoClasses;
  let students: Student[];
  let rows: CsvCells[];
  beforeAll(async () => {
    h = await openEmptyHarness(SUITE_DATES.termTime);
    // Three classes, ten students, graded in S (seedGradedClasses).
    p = await seedGradedClasses(h.store, '2026-09-01T08:00:00.000+08:00', S);
    students = (await queryAll(h.store, 'students')).sort((a, b) => a._id.localeCompare(b._id));
    expect(students).toHaveLength(10);
    // A deterministic sheet: every third student admitted, every second passed CET, awards by index; some left blank.
    rows = students.map((s, i) => [
      s._id,
      s.name,
      i % 3 === 0 ? '是' : '否',
      i % 2 === 0 ? '通过' : '未通过',
      i % 5 === 4 ? '' : i % 4 === 0 ? '是' : '否',
      i % 7 === 0 ? 1 : 0,
    ]);
  });
  afterAll(() => h.close());

  it('the preview shows each bad row and writes nothing; the import writes the good rows once', async () => {
    const bad: CsvCells[] = [
      ['9999999999', '无此人', '是', '通过', '是', 0],
      [students[0]?._id ?? '', '', '也许', '通过', '是', 0],
      [students[1]?._id ?? '', '', '是', '通过', '是', -2],
    ];
    const fileId = await uploadXlsx(h, [...rows, ...bad], HEADER);
    const preview = await h.ok(p.clerkUser, 'reports', 'kpiPreview', { fileId, semester: S });
    expect(preview).toMatchObject({ rows: rows.length + 3, written: 0 });
    expect(preview.errors.map((e) => [e.row, e.column])).toEqual([
      [rows.length + 2, '学号'],
      [rows.length + 3, '学号'],
      [rows.length + 3, '深造'],
      [rows.length + 4, '学号'],
      [rows.length + 4, '获奖'],
    ]);
    expect(preview.errors[0]?.message).toBe('学号 9999999999 不在本学院名册中');
    expect(await h.store.count('classKpis')).toBe(0);
    const clean = await uploadXlsx(h, rows, HEADER);
    expect(await h.ok(p.clerkUser, 'reports', 'kpiImport', { fileId: clean, semester: S })).toMatchObject({
      accepted: rows.length,
      written: rows.length,
      errors: [],
    });
    expect(await h.ok(p.clerkUser, 'reports', 'kpiImport', { fileId: clean, semester: S })).toMatchObject({
      written: 0,
    });
    expect(await h.store.count('classKpis')).toBe(rows.length);
  });

  it('every KPI per class, cohort and college matches a computation from the raw rows', async () => {
    const report = await h.ok(p.leaderUser, 'reports', 'kpis', { semester: S });
    const classes = await queryAll(h.store, 'classes');
    const grades = (await queryAll(h.store, 'grades')).filter((g) => g.semester === S && g.attempt === 'regular');
    const sheet = new Map(rows.map((r) => [String(r[0]), r]));
    const expected = (ids: Set<string>): Omit<KpiRow, 'key' | 'name'> => {
      const results = grades
        .filter((g) => ids.has(g.studentId))
        .map((g) => parseScore(g.score, 60).outcome)
        .filter((o) => o !== 'none');
      const mine = [...ids].map((id) => sheet.get(id)).filter((r): r is CsvCells => r !== undefined);
      const share = (col: number, yes: string) => {
        const answered = mine.filter((r) => r[col] !== '');
        return answered.length === 0
          ? null
          : Math.round((answered.filter((r) => r[col] === yes).length / answered.length) * 10000) / 10000;
      };
      return {
        students: ids.size,
        failRate:
          results.length === 0
            ? null
            : Math.round((results.filter((o) => o === 'fail').length / results.length) * 10000) / 10000,
        postgraduateRate: share(2, '是'),
        cetRate: share(3, '通过'),
        doubleCertificateRate: share(4, '是'),
        awards: mine.reduce((n, r) => n + Number(r[5]), 0),
      };
    };
    const idsWhere = (pred: (s: Student) => boolean) => new Set(students.filter(pred).map((s) => s._id));
    for (const c of classes)
      expect(report.byClass.find((r) => r.key === c._id)).toEqual({
        key: c._id,
        name: c.name,
        ...expected(idsWhere((s) => s.classId === c._id)),
      });
    for (const y of new Set(classes.map((c) => c.cohort))) {
      const inCohort = new Set(classes.filter((c) => c.cohort === y).map((c) => c._id));
      expect(report.byCohort.find((r) => r.key === String(y))).toMatchObject(
        expected(idsWhere((s) => inCohort.has(s.classId))),
      );
    }
    expect(report.college).toMatchObject(expected(idsWhere(() => true)));
    expect(report.college.failRate).toBeGreaterThan(0);
  });

  it('a head teacher reads only their class; students and parents are refused; only the clerk imports', async () => {
    const mine = await h.ok(p.headTeacherUser, 'reports', 'kpis', { semester: S });
    expect(mine.byClass.map((r) => r.key)).toEqual([p.firstClass._id]);
    for (const user of [p.studentUser, p.parentUser, p.assistantUser])
      expect(await h.callAs(user, 'reports', 'kpis', { semester: S })).toMatchObject({
        ok: false,
        code: 'ACCESS.DENIED',
      });
    const fileId = await uploadXlsx(h, rows.slice(0, 2), HEADER);
    for (const user of [p.leaderUser, p.counselorUser, p.headTeacherUser])
      expect(await h.callAs(user, 'reports', 'kpiImport', { fileId, semester: S })).toMatchObject({
        ok: false,
        code: 'ACCESS.DENIED',
      });
  });

  it('a sheet without a 学号 column is refused with the reason', async () => {
    const fileId = await uploadXlsx(h, [['张三', '是']], ['姓名', '深造']);
    expect(await h.callAs(p.clerkUser, 'reports', 'kpiPreview', { fileId, semester: S })).toMatchObject({
      ok: false,
      code: 'KPI.NO_HEADER',
      field: 'fileId',
    });
  });
});
