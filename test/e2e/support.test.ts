import type { Page } from 'playwright-core';
import { openApp, phonePage, screenshot, signIn, type App } from '../support/browser';
import { OWED, publishWarning, secondYear } from '../support/support-factories';
import { generateDemo } from '../../scripts/demo/generate';
import { demoPeople } from '../support/harness';
import type { Meeting, StudyPlan, TalkRecord } from '../../types/support';
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

describe('meetings and pairing approvals on a phone: the right people, the right replies', () => {
  let app: App;
  const people = demoPeople(generateDemo());

  beforeAll(async () => {
    app = await openApp();
  });
  afterAll(async () => {
    await app?.close();
  });

  it('a head teacher invites two students to a 座谈会; each sees only their own reply', async () => {
    const teacher = await phonePage(app);
    await signIn(app, teacher, people.headTeacherUser);
    await teacher.locator('.link-meetings').click();
    await teacher.waitForURL(/packages\/staff\/meeting/);
    await teacher.locator('.chip').filter({ hasText: people.firstClass.name }).first().click();
    await teacher.locator('.chip').filter({ hasText: '座谈会' }).click();
    const roster = teacher.locator('.meeting-invitees');
    await roster.locator('.chip').filter({ hasText: people.student.name }).first().waitFor();
    await teacher.locator('input[placeholder="主题"]').fill('学业座谈会');
    await fill(teacher, '.meeting-place', '生科楼 302');
    // None picked: said on the phone, nothing sent.
    await tap(teacher, '安排并提醒');
    await teacher.getByText('座谈会请至少选择一名学生').waitFor();
    await roster.locator('.chip').filter({ hasText: people.student.name }).first().click();
    await roster.locator('.chip').filter({ hasText: people.classmate.name }).first().click();
    await roster.getByText('已选 2 人', { exact: false }).waitFor();
    await screenshot(teacher, 'support-collective-talk-invitees');
    await tap(teacher, '安排并提醒');
    await teacher.locator('text=邀请 2 人').first().waitFor();
    const [meeting] = await queryAll<Meeting>(app.store, 'meetings', { where: { kind: 'collectiveTalk', title: '学业座谈会' } });
    expect([...(meeting?.studentIds ?? [])].sort()).toEqual([people.student._id, people.classmate._id].sort());

    // The classmate asks to move it, with a private reason.
    const classmate = await phonePage(app);
    await signIn(app, classmate, people.classmateUser);
    await classmate.locator('.link-case').click();
    const theirCard = classmate.locator('.meeting-card').filter({ hasText: '学业座谈会' });
    await theirCard.locator('input').fill('家里有事想请假');
    await tap(classmate, '申请改期');
    await theirCard.locator('.meeting-my-reply').filter({ hasText: '家里有事想请假' }).waitFor();

    // The student sees no reply of theirs (and nothing of the classmate's) until they answer.
    const student = await phonePage(app);
    await signIn(app, student, people.studentUser);
    await student.locator('.link-case').click();
    const card = student.locator('.meeting-card').filter({ hasText: '学业座谈会' });
    await card.waitFor();
    expect(await card.locator('.meeting-my-reply').count()).toBe(0);
    expect(await student.content()).not.toContain('家里有事想请假');
    await card.locator('taro-button-core').filter({ hasText: '确认参加' }).click();
    await card.locator('.meeting-my-reply').filter({ hasText: '确认参加' }).waitFor();
    expect(await student.content()).not.toContain('家里有事想请假');
    await screenshot(student, 'support-student-own-reply');
  });

  it('the college leader and the student-affairs office reach pairing approvals from their home; assistants see no plan review', async () => {
    for (const [user, title] of [[people.leaderUser, '朋辈帮扶审核（院系审核）'], ['t-affairs', '朋辈帮扶审核（学校审核）']] as const) {
      const page = await phonePage(app);
      await signIn(app, page, user);
      await page.waitForURL(/packages\/admin\/home/);
      await page.locator('.link-pairing').filter({ hasText: title }).click();
      await page.waitForURL(/packages\/staff\/pairing/);
      await page.locator('.page-title').filter({ hasText: '朋辈帮扶' }).waitFor();
    }
    const assistant = await phonePage(app);
    await signIn(app, assistant, people.assistantUser);
    await assistant.locator('.link-caseload').waitFor();
    expect(await assistant.locator('.link-plan-review').count()).toBe(0);
    const head = await phonePage(app);
    await signIn(app, head, people.headTeacherUser);
    await head.locator('.link-plan-review').waitFor();
  });
});
