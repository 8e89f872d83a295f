import type { Page } from 'playwright-core';
import { openApp, phonePage, screenshot, signIn, type App } from '../support/browser';
import { OWED, publishWarning, secondYear } from '../support/support-factories';
import { generateDemo } from '../../scripts/demo/generate';
import type { StudyPlan, TalkRecord } from '../../types/support';
import { queryAll } from '../../cloudfunctions/platform/store/store';

jest.setTimeout(120_000);

/** Tap a NutUI button by its text (the button element takes the pointer, not its label). */
async function tap(page: Page, text: string): Promise<void> {
  await page.locator('taro-button-core:visible').filter({ hasText: text }).first().click();
}

/** Type into a NutUI field: the class sits on the wrapper, the native control inside. */
async function fill(page: Page, wrapper: string, text: string): Promise<void> {
  const control = page.locator(`${wrapper} textarea, ${wrapper} input, textarea${wrapper}, input${wrapper}`).first();
  await control.fill(text);
}

describe('casework on a phone: a talk, a study plan, its approval', () => {
  let app: App;
  const y2 = secondYear(generateDemo());

  beforeAll(async () => {
    app = await openApp();
    await publishWarning(app.store, y2.student);
  });
  afterAll(async () => {
    await app?.close();
  });

  it('the head teacher records a talk; the draft survives a reload', async () => {
    const page = await phonePage(app);
    await signIn(app, page, y2.headTeacherUser);
    // As a person does it: caseload → the student's case → 记录谈话.
    await page.locator('.link-caseload').click();
    await page.locator('.case-row').filter({ hasText: y2.student.name }).click();
    await page.waitForURL(/packages\/staff\/case\/index\?studentId/);
    await tap(page, '记录谈话');
    await page.locator('.page-title').filter({ hasText: '谈心谈话登记' }).waitFor();
    await page.getByText(`${y2.student.name} · ${y2.student.gender}`, { exact: false }).waitFor();
    await page.getByText('电话', { exact: true }).click();
    await page.getByText('就业及规划', { exact: true }).click();
    await fill(page, '.talk-place', '电话（学生在家）');
    await fill(page, '.talk-impression', '语气低落，回避谈成绩');
    await fill(page, '.talk-content', '了解高数补考未过原因，约定每周日晚汇报复习进度');

    // Closing the app loses nothing: once the draft is on the phone, a reload brings it back.
    await page.waitForFunction(() => JSON.stringify(window.localStorage).includes('每周日晚汇报'));
    await page.reload();
    await page.getByText('已恢复上次未提交的草稿').waitFor();
    expect(await page.locator('.talk-content textarea').first().inputValue()).toContain('每周日晚汇报');

    await page.getByText('我确认以上记录属实（谈话人签名）').click();
    await screenshot(page, 'support-talk-entry');
    await tap(page, '保存谈话记录');
    await page.waitForURL(/packages\/staff\/case\/index/);
    await page.getByText(/班主任.*第 1 次谈话（电话）/).waitFor();
    await screenshot(page, 'support-case-after-talk');

    const talks = await queryAll<TalkRecord>(app.store, 'talks', { where: { studentId: y2.student._id } });
    expect(talks).toHaveLength(1);
    expect(talks[0]).toMatchObject({ actorId: y2.headTeacherUser, talkerRole: 'headTeacher', mode: 'phone', topics: ['academics', 'career'], firstImpression: '语气低落，回避谈成绩' });
  });

  it('the student writes a retake plan for every failed course and submits it', async () => {
    const page = await phonePage(app);
    await signIn(app, page, y2.studentUser);
    await page.locator('.link-plan').click();
    await page.waitForURL(/packages\/student\/plan/);
    for (const c of OWED) await page.getByText(`${c.name}（${c.code}，${c.credits} 学分）`).waitFor();
    await fill(page, `.retake-${OWED[0]?.code}`, '第 3–16 周随 2025 级重修，每周二答疑');
    await fill(page, '.plan-signature', y2.student.name);
    await tap(page, '签名并提交');
    // One course left out: refused with the course named.
    await page.getByText(new RegExp(`尚缺：${OWED[1]?.name}`)).first().waitFor();
    await fill(page, `.retake-${OWED[1]?.code}`, '参加学院组织的有机化学辅导班');
    await tap(page, '签名并提交');
    await page.getByText('待审核').waitFor();
    await screenshot(page, 'support-student-plan');
    const [plan] = await queryAll<StudyPlan>(app.store, 'studyPlans', { where: { studentId: y2.student._id } });
    expect(plan).toMatchObject({ status: 'submitted', reviewerRole: 'headTeacher', signature: { name: y2.student.name } });
  });

  it('the head teacher approves the plan from the review queue', async () => {
    const page = await phonePage(app);
    await signIn(app, page, y2.headTeacherUser);
    await page.locator('.link-plan-review').click();
    await page.waitForURL(/plan-review/);
    await page.locator('.plan-row').filter({ hasText: y2.student.name }).click();
    await page.getByText('参加学院组织的有机化学辅导班').waitFor();
    await fill(page, '.review-opinion', '计划具体可行，按周落实');
    await tap(page, '通过');
    await page.getByText('已通过').first().waitFor();
    await screenshot(page, 'support-plan-approved');
    const [plan] = await queryAll<StudyPlan>(app.store, 'studyPlans', { where: { studentId: y2.student._id } });
    expect(plan).toMatchObject({ status: 'approved', review: { byId: y2.headTeacherUser, opinion: '计划具体可行，按周落实' } });
  });
});
