import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Journey, openJourneyApp, type JourneyApp } from '../support/journey';
import { demoPeople } from '../support/harness';
import { strongStudent, writeLateResults } from '../support/warnings-e2e';
import { readSummaryTable } from './steps/summary-table';
import { staff } from './steps/people';

jest.setTimeout(240_000);

const REASON = '该生已办理休学，本学期不参加考核';

describe('journey: the clerk imports late results, runs, reviews, removes one student, publishes', () => {
  let app: JourneyApp;
  let j: Journey;

  beforeAll(async () => {
    app = await openJourneyApp();
  });
  afterEach(async () => {
    await j?.close();
  });
  afterAll(async () => {
    await app?.close();
  });

  it('clerk: import → run → filter → remove with a reason → publish; the counselor sees the list; the 汇总表 holds the removal', async () => {
    const people = demoPeople(app.demo);
    const semester = app.demo.timeline.finished[1].id;
    const target = strongStudent(app.demo, people.firstClass._id);
    const file = writeLateResults(mkdtempSync(join(tmpdir(), 'xueye-journey-grades-')), target._id, semester);
    j = new Journey(app, 'clerk-publishes');

    const clerk = await j.signIn('教学秘书', staff(app.demo, people.clerkUser));
    await clerk.tap('导入成绩');
    await clerk.chooseFile('选择成绩文件', file.path);
    await clerk.see('可导入 3 行，有问题 1 行');
    await clerk.see(/第 5 行 · 学号：未知学生/);
    await clerk.tap('开始导入');
    await clerk.see('导入完成');
    await clerk.see(`已处理 4 行 · 新增 ${file.inserted} · 已存在 0 · 更正 0 · 问题 ${file.bad}`);
    await clerk.tap('去运行警示规则');

    // The run screen proposes the semester just finished (lists are made from the one before; rules: 004-2.3).
    await clerk.see('运行警示规则');
    expect(await clerk.page.locator('.semester-input input').inputValue()).toBe(semester);
    await clerk.see('本院默认 · 已选');
    await clerk.tap(clerk.page.locator('.run-policy'), '运行警示规则');
    await clerk.see(`${semester} 学业警示名单`);

    // Review with filters: the first class, then only new entries.
    await clerk.tap(people.firstClass.name);
    const entries = clerk.page.locator('.entry');
    await clerk.until(`only ${people.firstClass.name} listed`, async () =>
      (await entries.allInnerTexts()).every((t) => t.includes(people.firstClass.name)),
    );
    await clerk.tap('新增');
    const entry = clerk.page.locator(`.entry-${target._id}`);
    await clerk.see('学业警示', entry);
    await clerk.see(/本学期正考不及格 3 门.*生物化学实验（E2E101，2 学分）/, entry);
    // Remove another new student of the class, with the reason kept on the list.
    const others = (
      await entries
        .filter({ hasText: '移出名单…' })
        .evaluateAll((cards: Element[]) => cards.map((c) => /\bentry-(\S+)/.exec(c.className)?.[1] ?? ''))
    ).filter((id) => id && id !== target._id);
    const removedId = others[0];
    if (!removedId) throw new Error(`no other new warned student in ${people.firstClass.name}`);
    const removed = app.demo.students.find((s) => s._id === removedId);
    const card = clerk.page.locator(`.entry-${removedId}`);
    await clerk.tap(card.getByText('移出名单…'), `移出名单…（${removed?.name}）`);
    await clerk.type('.remove-panel textarea', REASON, '移出原因');
    await clerk.tap('确认移出');
    // Under 新增 the removed student leaves the filtered list; every change of the class shows the mark.
    await clerk.until(`${removed?.name} off the 新增 list`, async () => (await card.count()) === 0);
    await clerk.tap(
      clerk.page
        .locator('.chip')
        .filter({ hasText: /^全部$/ })
        .nth(2),
      '变化：全部',
    );
    await clerk.see(`人工移出（梁泽宇）：${REASON}`, card);

    await clerk.tap('发布名单');
    await clerk.see('确定发布？');
    await clerk.tap('确定');
    await clerk.see('已发布');
    await clerk.notSee('发布名单');

    const table = await clerk.download('导出汇总表');
    expect(table.name).toBe(`学业警示学生名单汇总表-${semester}.xlsx`);
    const rows = await readSummaryTable(table.path);
    const removedRow = rows.find((r) => r['学号'] === removedId);
    j.note(`汇总表: ${rows.length} rows; removed student's row: ${JSON.stringify(removedRow)}`);
    expect(removedRow?.['人工补充及原因']).toContain(REASON);
    expect(removedRow?.['变化']).toBe('人工移出');
    expect(rows.find((r) => r['学号'] === target._id)?.['警示等级']).toBe('学业警示');

    // The next person: the class's counselor sees the published list, without the removed student.
    const counselor = await j.signIn('辅导员', staff(app.demo, people.counselorUser));
    await counselor.tap('学业警示学生');
    const warned = counselor.page.locator(`.warning-${target._id}`);
    await counselor.see(`${target.name}（${target._id}）`, warned);
    await counselor.see(semester, warned);
    await counselor.see(/工程制图（E2E103，3 学分）|工程制图（3 学分）/, warned);
    expect(await counselor.page.locator(`.warning-${removedId}`).filter({ hasText: semester }).count()).toBe(0);
  });

  it('a counselor adds a student of their class to a gxu-ee draft by hand (rules: 002-4.2.1); the clerk sees the manual mark', async () => {
    const people = demoPeople(app.demo);
    const semester = app.demo.timeline.finished[1].id;
    const another = strongStudent(app.demo, people.firstClass._id, 1);
    j = new Journey(app, 'counselor-adds-by-hand');

    const clerk = await j.signIn('教学秘书', staff(app.demo, people.clerkUser));
    await clerk.tap('运行警示规则 · 审核发布名单');
    await clerk.tap(clerk.page.locator('.policy-gxu-ee'), 'gxu-ee 政策');
    await clerk.see('已选', clerk.page.locator('.policy-gxu-ee'));
    await clerk.tap(clerk.page.locator('.run-policy'), '运行警示规则');
    await clerk.see(`${semester} 学业警示名单`);

    const counselor = await j.signIn('辅导员', staff(app.demo, people.counselorUser));
    await counselor.tap('学业警示学生');
    const draft = counselor.page.locator('.draft-additions');
    await counselor.see(`${semester} 名单草稿`, draft);
    await counselor.type('.draft-additions .manual-student', another._id, '学号');
    await counselor.tap(draft.locator('.chip').filter({ hasText: /^考勤$/ }), '考勤');
    await counselor.type('.draft-additions textarea', '本学期旷课 16 节', '说明');
    await counselor.tap('补充到名单');
    await counselor.see(new RegExp(`${another.name}：补充为预警（考勤`), draft);

    // The clerk's review of that draft shows who added the student and why.
    await clerk.back();
    await clerk.back();
    await clerk.tap('运行警示规则 · 审核发布名单');
    await clerk.tap(
      clerk.page
        .locator('.run-item')
        .filter({ hasText: '草稿' })
        .filter({ hasText: `${semester} · 本科生学业帮扶（电气工程学院）` })
        .first(),
      `${semester} · 电气工程学院政策 草稿`,
    );
    const entry = clerk.page.locator(`.entry-${another._id}`);
    await clerk.see(/人工补充（.+）：考勤，本学期旷课 16 节/, entry);
  });
});
