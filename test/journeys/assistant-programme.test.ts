import { readFileSync } from 'node:fs';
import type { ClassInfo } from '../../types/domain';
import { Journey, openJourneyApp, type JourneyApp, type Person, type Who } from '../support/journey';
import { readXlsx } from '../support/xlsx-read';
import { staff } from './steps/people';
import { awaitMessage, delivered } from './steps/messages';

jest.setTimeout(600_000);

const graduate = (userId: string, name: string): Who => ({ userId, tab: '学生', search: name });

/** Shanghai wall time for the app's clock; every phone follows at its next step. */
function at(app: JourneyApp, local: string): void {
  app.clock.set(`${local}+08:00`);
}

/**
 * Days later the session of yesterday's phone has expired (8 h): the person signs in again on a
 * fresh phone (the old one stays in the journey, idle) and opens the programme from their home.
 */
async function nextDay(j: Journey, _old: Person, label: string, who: Who, entry?: string): Promise<Person> {
  const me = await j.signIn(label, who);
  if (entry) await me.tap(entry);
  return me;
}

/** Until the toast of the last tap has gone (it sits over the middle of the screen). */
async function toastGone(me: Person): Promise<void> {
  await me.until(
    'the toast gone',
    async () => (await me.page.locator('.taro__toast, .nut-toast').locator('visible=true').count()) === 0,
  );
}

/** A graduate applies from their home with 附件 1 (rules: 000-6, 000-A1). */
async function applies(j: Journey, who: Who): Promise<Person> {
  const me = await j.signIn(who.search, who);
  await me.see('学业助理选拔');
  await me.tap('填写申报表');
  await me.tap('共青团员');
  await me.type('.field-phone', '13800001111', '联系电话');
  await me.type('.field-experience', '本科期间任班长，志愿服务 120 小时，英语六级', '主要经历与表现');
  await me.type('.field-reason', '愿意帮助本科生提升学业', '申请理由');
  await me.tap('提交申报');
  await me.see('待资格审核');
  return me;
}

/** The clerk opens an applicant's check, ticks every item the group judges, saves. */
async function checks(clerk: Person, name: string, items: readonly string[]): Promise<void> {
  await clerk.tap(`资格审核 ${name}`);
  await clerk.see(`资格审核 · ${name}`);
  for (const label of items) await clerk.tap(label);
  await clerk.tap('保存审核结果');
}

describe('journey: the academic-assistant programme (rules: 000), from application to stipend', () => {
  let app: JourneyApp;
  let j: Journey;
  beforeAll(async () => {
    app = await openJourneyApp({ now: '2026-09-02T09:00:00+08:00', history: false });
  });
  afterEach(async () => {
    await j?.close();
  });
  afterAll(async () => {
    await app?.close();
  });

  it('apply → check (a retake refused) → publicity with an objection → 学工部 → classes (a third refused) → stipend sheet → a change inside and outside the window', async () => {
    j = new Journey(app, 'assistant-programme');
    const classes: ClassInfo[] = [...app.demo.classes].sort((a, b) => a._id.localeCompare(b._id));
    const [c1, c2, c3] = classes;
    if (!c1 || !c2 || !c3) throw new Error('the demo needs three classes');
    const judged = [
      '政治素质高，思想作风正，遵守校规校纪',
      '综合素质好，外语水平突出，组织与表达能力强',
      '优秀共青团员（中共党员优先）',
      '积极参加体育锻炼，体能素质好',
      '按时归寝、按时缴纳学费，宿舍整洁',
    ];

    // 1. The clerk publishes the call from the college home (rules: 000-6.1.1).
    let clerk = await j.signIn('教学秘书', staff(app.demo, 't-clerk'));
    await clerk.tap('学业助理选聘');
    await clerk.see('发布 2026-2027 学年学业助理选拔通知');
    await clerk.tap(clerk.page.locator('.field-deadline').first(), '申报截止日期');
    await clerk.see('选择申报截止日期');
    await clerk.tap('确认');
    await clerk.see('2026-09-12');
    await clerk.type('.field-call-note', '请符合条件的研究生于截止日期前提交申报表', '通知说明');
    await clerk.tap('发布选拔通知');
    await clerk.see('申报中');

    // 2. Three graduates apply; each sees their application waiting for the check.
    let lin = await applies(j, graduate('g-lin', '林雨桐'));
    await applies(j, graduate('g-chen', '陈思远'));
    await applies(j, graduate('g-zhou', '周子航'));

    // 3. The clerk checks eligibility: the retake refuses 陈思远 (rules: 000-4.4).
    await clerk.back();
    await clerk.tap('学业助理选聘');
    await clerk.see('申报 3 人');
    await checks(clerk, '陈思远', judged);
    await clerk.see('资格审核未通过');
    await clerk.see('重修：分子生物学进展');
    await checks(clerk, '林雨桐', judged);
    await checks(clerk, '周子航', judged);
    await clerk.until(
      'two applicants passed',
      async () => (await clerk.page.getByText('资格审核通过', { exact: true }).locator('visible=true').count()) === 2,
    );

    // 4. The selection group's leader chooses the two (rules: 000-6.1.2); 陈思远 cannot be chosen.
    let leader = await j.signIn('学院领导', staff(app.demo, 't-leader'));
    await leader.tap('学业助理选聘');
    await leader.notSee('选定 陈思远');
    await leader.tap('选定 林雨桐');
    await leader.tap('选定 周子航');
    await leader.tap('选拔小组决定（选定 2 人）');
    await leader.see('选拔小组已决定');

    // 5. The clerk publicises for 3 days; an objection comes in and is answered (rules: 000-6.1.3).
    await clerk.back();
    await clerk.tap('学业助理选聘');
    await clerk.tap('在学院网站公示（3 天）');
    await clerk.see('学院公示：2026-09-04 24 时止（3 天）');
    at(app, '2026-09-03T10:00:00');
    clerk = await nextDay(j, clerk, '教学秘书', staff(app.demo, 't-clerk'), '学业助理选聘');
    await clerk.tap(
      clerk.page.locator('.record-objection .chip').filter({ hasText: '周子航' }).first(),
      '周子航（异议所涉人员）',
    );
    await clerk.type('.field-objection', '有同学反映其本科阶段曾补考', '异议内容');
    await clerk.tap('登记异议');
    await clerk.see('有同学反映其本科阶段曾补考');
    await clerk.type('.field-objection-reply', '经核查研究生成绩单与本科学籍档案，无补考记录，异议不成立', '答复');
    await clerk.tap('异议不成立');
    await clerk.see('答复（异议不成立）');

    // 6. Day 3, late evening: too early to send. Day 4: sent to 学工部.
    at(app, '2026-09-04T23:50:00');
    leader = await nextDay(j, leader, '学院领导', staff(app.demo, 't-leader'), '学业助理选聘');
    await leader.tap('公示无异议，报送学工部审核');
    await leader.see('学院公示 3 天期满后才能报送');
    at(app, '2026-09-05T00:05:00');
    await leader.tap('公示无异议，报送学工部审核');
    await leader.see('已报学工部审核');

    // 7. 学工部 reviews, publicises 3 days, confirms on day 4 (rules: 000-6.1.4).
    let affairs = await j.signIn('学工部', staff(app.demo, 't-affairs'));
    await affairs.tap('学业助理审核与公示');
    await affairs.see('林雨桐 · 硕士研究生');
    await affairs.see('经核查研究生成绩单与本科学籍档案');
    await affairs.tap('审核通过');
    await toastGone(affairs);
    await affairs.tap(
      affairs.page
        .locator('taro-button-core')
        .filter({ hasText: '在学工部网站公示（3 天）' })
        .locator('visible=true')
        .first(),
      '在学工部网站公示（3 天）',
    );
    await affairs.see('学校公示：2026-09-07 24 时止（3 天）');
    at(app, '2026-09-08T09:00:00');
    affairs = await nextDay(j, affairs, '学工部', staff(app.demo, 't-affairs'), '学业助理审核与公示');
    const told = (await delivered(j, 'g-lin', 'assistantStep')).length;
    await affairs.tap('公示无异议，确认名单');
    await affairs.see('名单已确认');

    // The applicant is told, and sees the result on their home.
    await awaitMessage(j, 'g-lin', 'assistantStep', told);
    lin = await nextDay(j, lin, '林雨桐', graduate('g-lin', '林雨桐'));
    await lin.see('已确认聘任');
    await lin.tap('消息');
    await lin.see('学业助理名单已确认');

    // 8. The clerk assigns classes: two to 林雨桐, a third refused (rules: 000-5.1), one to 周子航.
    clerk = await nextDay(j, clerk, '教学秘书', staff(app.demo, 't-clerk'), '学业助理选聘');
    await clerk.tap('配备班级 · 津贴发放表 · 人员变动');
    await clerk.tap(
      clerk.page
        .locator('.chip')
        .filter({ hasText: /^林雨桐$/ })
        .first(),
      '林雨桐',
    );
    await clerk.tap(`${c1.name}配备林雨桐`);
    await clerk.see(`${c1.name}：林雨桐`);
    await clerk.tap(`${c2.name}配备林雨桐`);
    await clerk.see(`${c2.name}：林雨桐`);
    await clerk.tap(`${c3.name}配备林雨桐`);
    await clerk.see(`每名学业助理带班不超过 2 个（000-5.1），林雨桐已带${c1.name}、${c2.name}`);
    await clerk.tap(
      clerk.page
        .locator('.chip')
        .filter({ hasText: /^周子航$/ })
        .first(),
      '周子航',
    );
    await clerk.tap(`${c3.name}配备周子航`);
    await clerk.see(`${c3.name}：周子航`);

    // 9. October's stipend sheet, picked with the month picker and downloaded.
    at(app, '2026-10-09T10:00:00');
    clerk = await nextDay(j, clerk, '教学秘书', staff(app.demo, 't-clerk'), '学业助理选聘');
    await clerk.tap('配备班级 · 津贴发放表 · 人员变动');
    await clerk.tap(clerk.page.locator('.field-month').first(), '发放月份');
    await clerk.see('选择发放月份');
    await clerk.tap('确认');
    await clerk.see('2026-10');
    const october = await clerk.download('下载津贴发放表（xlsx）');
    const octRows = (await readXlsx(readFileSync(october.path)))[0]?.rows ?? [];
    expect(octRows[0]?.[0]).toContain('2026年10月 学业助理津贴发放表');
    expect(octRows.slice(2).map((r) => [r[2], r[4], r[6]])).toEqual([
      ['林雨桐', '2', '500'],
      ['周子航', '1', '250'],
      ['2 人', '3', '750'],
    ]);

    // 10. A change before the window opens is refused (rules: 000-7.2).
    at(app, '2027-02-20T10:00:00');
    clerk = await nextDay(j, clerk, '教学秘书', staff(app.demo, 't-clerk'), '学业助理选聘');
    await clerk.tap('配备班级 · 津贴发放表 · 人员变动');
    await clerk.see('第二学期开学后两周内（2027-02-22 至 2027-03-07）');
    await clerk.tap(`${c3.name}（周子航）`);
    await clerk.tap('赵一鸣');
    await clerk.type('.field-change-reason', '周子航赴外校联合培养一学期', '变动原因');
    await clerk.tap('提交变动申请');
    await clerk.see('现在尚未开始');

    // Inside the window: filed, 学工部 approves and publicises; March is not paid until confirmed.
    at(app, '2027-03-01T10:00:00');
    clerk = await nextDay(j, clerk, '教学秘书', staff(app.demo, 't-clerk'), '学业助理选聘');
    await clerk.tap('配备班级 · 津贴发放表 · 人员变动');
    await clerk.tap(`${c3.name}（周子航）`);
    await clerk.tap('赵一鸣');
    await clerk.type('.field-change-reason', '周子航赴外校联合培养一学期', '变动原因');
    await clerk.tap('提交变动申请');
    await clerk.see('待学校审批');
    affairs = await nextDay(j, affairs, '学工部', staff(app.demo, 't-affairs'), '学业助理审核与公示');
    await affairs.see(`${c3.name}：周子航 → 赵一鸣`);
    await affairs.tap('批准并公示');
    await affairs.see('学校公示：2027-03-03 24 时止');

    await clerk.back();
    await clerk.tap('配备班级 · 津贴发放表 · 人员变动');
    await clerk.see('学校公示中');
    await clerk.tap(clerk.page.locator('.field-month').first(), '发放月份');
    await clerk.tap('确认');
    await clerk.see('2027-03');
    const march = await clerk.download('下载津贴发放表（xlsx）');
    const marchRows = (await readXlsx(readFileSync(march.path)))[0]?.rows ?? [];
    const zhao = marchRows.find((r) => r[2] === '赵一鸣');
    expect(zhao?.[6]).toBe('0');
    expect(zhao?.[7]).toContain('更换人员未经学校公示确认，不予发放（000-7.2）');
    expect(marchRows.find((r) => r[2] === '周子航')).toBeUndefined();

    // After the window: another change is refused with the dates.
    at(app, '2027-03-08T09:00:00');
    clerk = await nextDay(j, clerk, '教学秘书', staff(app.demo, 't-clerk'), '学业助理选聘');
    await clerk.tap('配备班级 · 津贴发放表 · 人员变动');
    await clerk.tap(`${c1.name}（林雨桐）`);
    await clerk.tap(clerk.page.locator('.chip').filter({ hasText: '陈思远' }).first(), '陈思远');
    await clerk.type('.field-change-reason', '林雨桐身体原因', '变动原因');
    await clerk.tap('提交变动申请');
    await clerk.see('已超过第二学期开学后两周的更换期限（2027-02-22 至 2027-03-07，000-7.2）');
  });
});
