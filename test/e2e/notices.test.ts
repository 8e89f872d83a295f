import type { Page } from 'playwright-core';
import { openApp, screenshot, signIn, type App } from '../support/browser';
import { demoPeople } from '../support/harness';
import { makeWarning, publishWarning } from '../support/notices-factories';
import { generateDemo } from '../../scripts/demo/generate';
import { startLocalTimers } from '../../scripts/server/timers';
import { issueSession } from '../../cloudfunctions/platform/identity/session';
import { systemClock } from '../../cloudfunctions/core/time/clock';
import { toIso } from '../../cloudfunctions/core/time/shanghai';
import { INBOX, NOTICE_SIGNATURES, type Notice } from '../../types/notice';
import type { OutboxMessage } from '../../types/message';

jest.setTimeout(180_000);

/** A touch-capable phone page: NutUI's Signature canvas listens to touch events, as on a phone. */
async function touchPhone(app: App, init?: { session: string }): Promise<Page> {
  const context = await app.browser.newContext({ viewport: { width: 375, height: 667 }, deviceScaleFactor: 2, hasTouch: true, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
  if (init) await context.addInitScript((token) => window.localStorage.setItem('xueye.session', JSON.stringify({ data: token })), init.session);
  return context.newPage();
}

/** Writes a stroke on the signature canvas with touch events (what a finger does), then confirms it. */
async function sign(page: Page, canvasId: string): Promise<void> {
  const canvas = page.locator(`#${canvasId}`).first();
  await canvas.scrollIntoViewIfNeeded();
  await page.waitForTimeout(1200); // NutUI sizes the canvas 1 s after mount
  const box = await canvas.boundingBox();
  if (!box) throw new Error('signature canvas not visible');
  const cdp = await page.context().newCDPSession(page);
  const y = box.y + box.height / 2;
  const points = Array.from({ length: 12 }, (_, i) => ({ x: box.x + 30 + i * 20, y: y + (i % 2 === 0 ? -25 : 25) }));
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [points[0] ?? { x: 0, y: 0 }] });
  for (const p of points.slice(1)) await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: [p] });
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
  await page.locator(`#${canvasId}-confirm`).click();
  await page.getByText('已签名 ✓').waitFor();
}

let loads = 0;
/** A full page load of a route (a hash-only change would leave the previous page in Taro's stack). */
async function open(app: App, page: Page, route: string): Promise<void> {
  loads += 1;
  await page.goto(`${app.server.url}/?load=${loads}#${route}`);
}

describe('warning notice in the browser: student signs, parent binds and returns the receipt', () => {
  let app: App;
  let timers: { stop(): void };
  const people = demoPeople(generateDemo());
  const student = people.classmate; // 2nd student of the first class: no parent user yet

  beforeAll(async () => {
    app = await openApp();
    timers = startLocalTimers({ store: app.store, clock: systemClock });
  });
  afterAll(async () => {
    timers?.stop();
    await app?.close();
  });

  it('runs the whole flow and measures publish → outbox → inbox', async () => {
    expect(student.classId).toBe('c2024-bioeng-1');
    const t0 = Date.now();
    const { notice } = await publishWarning(app.store, makeWarning(student, { publishedAt: toIso(new Date()) }));
    const toOutbox = Date.now() - t0;
    const queued = await app.store.get<OutboxMessage>('outbox', `msg:warningIssued:${notice._id}`);
    expect(queued?.status).toBe('pending');
    let toInbox = -1;
    while (Date.now() - t0 < 15_000) {
      if (await app.store.get(INBOX, `msg:warningIssued:${notice._id}`)) {
        toInbox = Date.now() - t0;
        break;
      }
      await new Promise((ok) => setTimeout(ok, 50));
    }
    console.log(`[notices e2e] publish → outbox row: ${toOutbox} ms (same transaction); publish → local inbox: ${toInbox} ms (5 s local timer)`);
    expect(toInbox).toBeGreaterThanOrEqual(0);

    // Student: the inbox shows the message; the notice is read and signed on the canvas.
    const studentPage = await touchPhone(app);
    await signIn(app, studentPage, `s-${student._id}`);
    await open(app, studentPage, `/pages/inbox/index`);
    await studentPage.locator('.inbox-item').filter({ hasText: '学业警示通知' }).first().waitFor();
    await open(app, studentPage, `/packages/student/notice/index?id=${encodeURIComponent(notice._id)}`);
    await studentPage.getByText('学业警示通知单（学生联）').waitFor();
    await studentPage.getByText('不是纪律处分', { exact: false }).first().waitFor();
    await sign(studentPage, 'student-signature');
    await screenshot(studentPage, 'notice-student-signing');
    await studentPage.locator('#acknowledge').click();
    await studentPage.getByText('已签名确认收到').waitFor();
    await studentPage.waitForTimeout(1800); // let the toast fade before the screenshot
    await screenshot(studentPage, 'notice-student-signed');
    const studentSig = await app.store.get<{ image: string }>(NOTICE_SIGNATURES, `${notice._id}:student`);
    expect(studentSig?.image).toMatch(/^data:image\/png;base64,/);

    // Counselor: makes a one-time binding code for the parent phone on file (masked).
    const counselorPage = await touchPhone(app);
    await signIn(app, counselorPage, people.counselorUser);
    await open(app, counselorPage, `/packages/staff/notices/index?classId=${student.classId}`);
    const row = counselorPage.locator(`#row-${student._id}`);
    await row.getByText('已签收').waitFor();
    await row.getByText('家长未绑定').waitFor();
    await row.getByText(student.name, { exact: false }).first().click();
    await counselorPage.locator(`#create-code-${student._id}`).click();
    await counselorPage.waitForTimeout(1800);
    const codeText = (await counselorPage.locator('#binding-code').first().textContent())?.trim() ?? '';
    expect(codeText).toMatch(/^[2-9A-Z]{4}-[2-9A-Z]{4}$/);
    // The counselor phones the parent: the number on file is shown (issue 9; the proof is no longer its digits).
    await counselorPage.getByText(student.parentPhone, { exact: false }).first().waitFor();
    await screenshot(counselorPage, 'notice-counselor-binding-code');
    await counselorPage.locator('taro-button-core').filter({ hasText: '我已告知家长' }).click();

    // Parent: a WeChat the system has never seen binds with the code, the child's 学号 and the registered parent name.
    const session = issueSession(app.server.keys, 'demo:new-parent-x', new Date()).token;
    const parentPage = await touchPhone(app, { session });
    await open(app, parentPage, `/packages/parent/bind/index`);
    await parentPage.locator('#bind-code input, input#bind-code').first().fill(codeText);
    await parentPage.locator('#bind-student-no input, input#bind-student-no').first().fill(student._id);
    await parentPage.locator('#bind-parent-name input, input#bind-parent-name').first().fill(student.parentName);
    await parentPage.locator('#bind-submit').click();
    await parentPage.getByText('绑定成功').waitFor();
    await parentPage.locator('#bind-continue').click();
    await parentPage.getByText('学业警示通知单（家长联）').waitFor();
    await parentPage.getByText('我已知悉孩子的学业警示情况', { exact: false }).click();
    await parentPage.locator('textarea').first().fill('已和孩子谈过，会督促他按计划重修。');
    await sign(parentPage, 'parent-signature');
    await parentPage.locator('#receipt-submit').click();
    await parentPage.getByText('已回执').waitFor();
    await parentPage.waitForTimeout(1800);
    await screenshot(parentPage, 'notice-parent-receipt');

    const stored = await app.store.get<Notice>('notices', notice._id);
    expect(stored?.receipt).toMatchObject({ message: '已和孩子谈过，会督促他按计划重修。' });
    expect(stored?.flags).toEqual([]);

    // Counselor: all green for this student.
    await counselorPage.reload();
    await row.getByText('已回执').waitFor();
    await row.getByText('家长已绑定').waitFor();
    expect(await row.getByText('已逾期').count()).toBe(0);
    await screenshot(counselorPage, 'notice-counselor-status');
  });
});
