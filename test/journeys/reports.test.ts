import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { functions } from '../../cloudfunctions/registry';
import { localFiles } from '../../cloudfunctions/platform/files/local-files';
import { queryAll } from '../../cloudfunctions/platform/store/store';
import { Journey, openJourneyApp, type JourneyApp } from '../support/journey';
import { readXlsx } from '../support/xlsx-read';
import { staff } from './steps/people';

jest.setTimeout(240_000);

type Envelope = { ok: boolean; data?: unknown; message?: string };

/**
 * Issue 14: the leader and a department head open 帮扶效果分析, read a chart and its table, and
 * download the xlsx; the leader gives the flagged courses to their departments and the
 * department head writes the analysis. The clerk has published the newer list (as on the clerk's
 * journey), so the older semester's outcomes are final.
 */
describe('journey: what worked — the effect report, charts and course tasks', () => {
  let app: JourneyApp;
  let j: Journey;
  let older: string;

  beforeAll(async () => {
    app = await openJourneyApp();
    older = app.demo.timeline.finished[0].id;
    const env = { store: app.store, clock: app.clock, files: localFiles(app.dataDir), openid: 'demo:t-clerk' };
    const [draft] = (await queryAll(app.store, 'warningRuns', { where: { status: 'draft' } })).map((r) => ({
      runId: r._id,
    }));
    if (!draft) throw new Error('the demo has no draft to publish');
    const published = (await functions.warnings?.dispatch(
      { action: 'publish', input: { runId: draft.runId } },
      env,
    )) as Envelope;
    if (!published.ok) throw new Error(`publish failed: ${published.message}`);
  });
  afterEach(async () => {
    await j?.close();
  });
  afterAll(async () => {
    await app?.close();
  });

  it('leader: 帮扶效果分析 → 各班转化率 chart and table → 警示等级 → 下载 Excel → 课程分析任务', async () => {
    j = new Journey(app, 'reports-leader');
    const leader = await j.signIn('学院领导', staff(app.demo, 't-leader'));
    await leader.tap('帮扶效果分析 · 转化率与图表');
    await leader.see(/全院转化率 \d+(\.\d)?%/);
    await leader.see('各班转化率');
    await leader.until(
      'the conversion chart drawn',
      async () => (await leader.page.locator('.chart-conversion img').count()) > 0,
    );
    await leader.tap(leader.page.locator('.chart-conversion .chip').filter({ hasText: '表' }), '表（各班转化率）');
    for (const c of app.demo.classes) await leader.see(c.name, leader.page.locator('.chart-conversion'));
    await leader.tap('警示等级');
    await leader.see('各学期警示人数（按等级）');
    await leader.until(
      'the level chart drawn',
      async () => (await leader.page.locator('.chart-levels img').count()) > 0,
    );
    const file = await leader.download('下载 Excel');
    expect(file.name).toBe(`帮扶效果分析报告-${older}.xlsx`);
    const sheets = await readXlsx(readFileSync(file.path));
    expect(sheets.map((s) => s.name)).toContain('按班级');
    expect(
      sheets
        .find((s) => s.name === '按班级')
        ?.rows.slice(2)
        .map((r) => r[0])
        .sort(),
    ).toEqual(app.demo.classes.map((c) => c.name).sort());
    await leader.tap('课程分析与改进任务');
    await leader.tap(new RegExp(`按 .* 学期名单生成任务`));
    await leader.see('课程不及格率');
    await leader.until('tasks listed', async () => (await leader.page.locator('.task-row').count()) > 0);
    // A department with no head appointed: its tasks are the leader's meanwhile, and say so.
    await leader.see(/负责人 \S+（院领导代管，待任命系主任）/);
  });

  it('department head: sees only the department, reads a chart, downloads, writes a course analysis', async () => {
    j = new Journey(app, 'reports-department-head');
    const head = await j.signIn('系主任', staff(app.demo, 't-dept-bioeng'));
    await head.tap('帮扶效果分析 · 转化率与图表');
    await head.see(/全院转化率/);
    await head.tap(head.page.locator('.chart-conversion .chip').filter({ hasText: '表' }), '表（各班转化率）');
    const classes = await queryAll(app.store, 'classes');
    for (const c of classes.filter((x) => x.departmentId === 'bioeng'))
      await head.see(c.name, head.page.locator('.chart-conversion'));
    for (const c of classes.filter((x) => x.departmentId !== 'bioeng'))
      await head.notSee(c.name, head.page.locator('.chart-conversion'));
    const file = await head.download('下载 Excel');
    const sheets = await readXlsx(readFileSync(file.path));
    expect(
      sheets
        .find((s) => s.name === '按班级')
        ?.rows.slice(2)
        .map((r) => r[0])
        .sort(),
    ).toEqual(
      classes
        .filter((x) => x.departmentId === 'bioeng')
        .map((c) => c.name)
        .sort(),
    );
    await head.tap('课程分析与改进任务');
    await head.tap(head.page.locator('.task-row').first(), 'the first task');
    await head.type(head.page.locator('.task-analysis textarea').first(), '先修课程基础薄弱，缺课较多', '原因分析');
    await head.type(head.page.locator('.task-measures textarea').first(), '增设习题课，期中后加一次答疑', '改进措施');
    await head.tap('已完成分析并落实改进措施');
    await head.tap('保存');
    await head.see('已完成');
    await head.see(/分析：先修课程基础薄弱/);
  });

  it('clerk: 导入班级指标 with a bad row → preview shows it → import; the leader sees 班级指标 against the college', async () => {
    j = new Journey(app, 'reports-clerk-kpis');
    const students = app.demo.students.slice(0, 40);
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('班级指标');
    sheet.addRow(['学号', '姓名', '深造', '四六级', '双证', '获奖']);
    students.forEach((st, i) =>
      sheet.addRow([
        st._id,
        st.name,
        i % 4 === 0 ? '是' : '否',
        i % 2 === 0 ? '通过' : '未通过',
        '是',
        i % 10 === 0 ? 1 : 0,
      ]),
    );
    sheet.addRow(['20990000', '无此人', '是', '通过', '是', 0]);
    const path = join(app.dataDir, 'kpi-journey.xlsx');
    await workbook.xlsx.writeFile(path);
    const clerk = await j.signIn('教学秘书', staff(app.demo, 't-clerk'));
    await clerk.tap('导入班级指标（深造 · 四六级 · 双证 · 获奖）');
    await clerk.chooseFile('选择表格并预览', path);
    await clerk.see(
      `共 ${students.length + 1} 行，可导入 ${students.length} 行，有误 1 处`,
      clerk.page.locator('.kpi-summary'),
    );
    await clerk.see('学号 20990000 不在本学院名册中');
    await clerk.tap(`导入 ${students.length} 行`);
    await clerk.see(new RegExp(`已写入 ${students.length} 行`));
    const leader = await j.signIn('学院领导', staff(app.demo, 't-leader'));
    await leader.tap('帮扶效果分析 · 转化率与图表');
    // The sheet went in for the newest semester (the clerk's default): the leader picks it.
    const newest = app.demo.timeline.finished[1].id;
    await leader.tap(`${newest} 学期`);
    await leader.tap('班级指标');
    await leader.see('各班不及格率与学院平均');
    await leader.until(
      'the KPI chart drawn',
      async () => (await leader.page.locator('.chart-kpi-fail img').count()) > 0,
    );
    await leader.see(/深造 \d+(\.\d)?%/);
  });
});
