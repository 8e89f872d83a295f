import { openApp, phonePage, screenshot, signIn, type App } from '../support/browser';
import { demoPeople } from '../support/harness';
import { northOf, placeNamed } from '../support/checkins-factories';
import { generateDemo } from '../../scripts/demo/generate';

jest.setTimeout(120_000);

describe('check-in at a dorm, counted on the counselor dashboard (H5)', () => {
  let app: App;
  const demo = generateDemo();
  const people = demoPeople(demo);
  const assistant = demo.users.find((u) => u._id === people.assistantUser);
  const building = demo.dorms.find((d) => d.classIds.includes(people.firstClass._id))?.building ?? '';

  beforeAll(async () => {
    app = await openApp();
  });
  afterAll(async () => {
    await app?.close();
  });

  it('an assistant checks in at a dorm with the browser location; the counselor sees the record counted and drills down to it', async () => {
    if (!assistant) throw new Error('no assistant in the demo');
    const { latitude, longitude } = northOf(placeNamed(building), 15);
    const page = await phonePage(app, { geolocation: { latitude, longitude } });
    await signIn(app, page, people.assistantUser);
    await page.waitForURL(/packages\/staff\/home/);
    await page.locator('.link-checkin').click();
    await page.waitForURL(/packages\/staff\/checkin/);
    await page.locator('.dorm-choices .chip').first().click();
    await page.getByText('在位情况').waitFor();
    // One resident absent without leave: a follow-up for the counselor.
    await page.locator('.resident-row').first().getByText('缺勤', { exact: true }).click();
    await page.locator('.dorm-submit').click();
    const saved = page.locator('.checkin-saved');
    await saved.waitFor();
    await expect(saved.textContent()).resolves.toContain('查寝已登记');
    await expect(saved.textContent()).resolves.toContain(building);
    await expect(saved.textContent()).resolves.not.toContain('需核实');
    await expect(saved.textContent()).resolves.toContain('已通知辅导员跟进 1 名');
    await screenshot(page, 'checkin-dorm-assistant');

    const counselor = await phonePage(app);
    await signIn(app, counselor, people.counselorUser);
    await counselor.waitForURL(/packages\/staff\/home/);
    await counselor.locator('.link-compliance').click();
    await counselor.waitForURL(/packages\/admin\/compliance/);
    // The absence without leave waits for the counselor on the same screen.
    const followUp = counselor.locator('.follow-up-row').first();
    await followUp.waitFor();
    await expect(followUp.textContent()).resolves.toContain('查寝登记缺勤');
    await counselor.getByText('按人员', { exact: true }).click();
    const row = counselor.locator('.compliance-row', { hasText: assistant.name });
    await row.waitFor();
    await expect(row.textContent()).resolves.toContain('记录 1 条');
    await screenshot(counselor, 'compliance-counselor-people');
    await row.click();
    await counselor.waitForURL(/personId=/);
    const record = counselor.locator('.detail-record').first();
    await record.waitFor();
    await expect(record.textContent()).resolves.toContain('查寝');
    await expect(record.textContent()).resolves.toContain('缺勤 1 人');
    await screenshot(counselor, 'compliance-counselor-drilldown');
  });

  it('offline: a check-in whose answer was lost, and one made with no network, each wait on the phone and are stored once', async () => {
    const { latitude, longitude } = northOf(placeNamed(building), 10);
    const page = await phonePage(app, { geolocation: { latitude, longitude } });
    await signIn(app, page, people.assistantUser);
    await page.waitForURL(/packages\/staff\/home/);
    await page.locator('.link-checkin').click();
    await page.waitForURL(/packages\/staff\/checkin/);
    const count = () => app.store.count('dutyRecords', { actorId: people.assistantUser, kind: 'dormCheck' });
    const before = await count();

    // The server stores the check-in but the answer never reaches the phone (weak signal in the dorm).
    await page.route('**/api/fn/checkins', async (route) => {
      if (!(route.request().postData() ?? '').includes('"dormCheck"')) return route.continue();
      await route.fetch();
      await route.abort('internetdisconnected');
    });
    await page.locator('.dorm-choices .chip').nth(1).click();
    await page.getByText('在位情况').waitFor();
    await page.locator('.dorm-submit').click();
    await page.locator('.checkin-queued').waitFor();
    await page.getByText('待补交 1 条').waitFor();
    expect(await count()).toBe(before + 1);
    await page.unroute('**/api/fn/checkins');
    await page.locator('.queue-flush').click();
    await page.getByText('待补交 1 条').waitFor({ state: 'detached' });
    // Resent with the same clientId: still one record.
    expect(await count()).toBe(before + 1);

    // No network at all (the roster was loaded at the door): kept on the phone, sent by itself when the network is back.
    await page.locator('.dorm-choices .chip').nth(2).click();
    await page.getByText('在位情况').waitFor();
    await page.context().setOffline(true);
    await page.locator('.dorm-submit').click();
    await page.locator('.checkin-queued').waitFor();
    await screenshot(page, 'checkin-offline-queued');
    expect(await count()).toBe(before + 1);
    await page.context().setOffline(false);
    await page.getByText('待补交 1 条').waitFor({ state: 'detached' });
    expect(await count()).toBe(before + 2);
  });

  it('an expired session keeps the check-in on the phone; only a refusal of the check-in itself drops it, with a notice', async () => {
    const { latitude, longitude } = northOf(placeNamed(building), 10);
    const page = await phonePage(app, { geolocation: { latitude, longitude } });
    await signIn(app, page, people.assistantUser);
    await page.locator('.link-checkin').click();
    await page.waitForURL(/packages\/staff\/checkin/);
    const count = () => app.store.count('dutyRecords', { actorId: people.assistantUser, kind: 'dormCheck' });
    const before = await count();
    const answer = (code: string, message: string) =>
      page.route('**/api/fn/checkins', async (route) => {
        if (!(route.request().postData() ?? '').includes('"dormCheck"')) return route.continue();
        await route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify({ ok: false, code, message }) });
      });

    await answer('AUTH.REQUIRED', '请先登录');
    await page.locator('.dorm-choices .chip').first().click();
    await page.getByText('在位情况').waitFor();
    await page.locator('.dorm-submit').click();
    await page.locator('.checkin-queued').filter({ hasText: '登录已过期' }).waitFor();
    await page.getByText('待补交 1 条').waitFor();
    await screenshot(page, 'checkin-session-expired-kept');

    // A version conflict on the resend: still kept.
    await page.unroute('**/api/fn/checkins');
    await answer('STORE.VERSION_CONFLICT', '数据已被他人修改，请刷新后重试');
    await page.locator('.queue-flush').click();
    await page.getByText('待补交 1 条').waitFor();

    // The server refuses the check-in itself: it leaves the queue, and the phone says so.
    await page.unroute('**/api/fn/checkins');
    await answer('ACCESS.DENIED', '你不负责该班级');
    await page.locator('.queue-flush').click();
    await page.locator('.checkin-dropped').filter({ hasText: '你不负责该班级' }).waitFor();
    await page.getByText('待补交 1 条').waitFor({ state: 'detached' });
    await page.unroute('**/api/fn/checkins');
    expect(await count()).toBe(before);
  });

  it("a counselor's duties: this week's class checks are due, one tap opens the class-check form", async () => {
    const page = await phonePage(app);
    await signIn(app, page, people.counselorUser);
    await page.waitForURL(/packages\/staff\/home/);
    await page.locator('.link-duties').click();
    await page.waitForURL(/packages\/staff\/duties/);
    await page.locator('.duty-tally').waitFor();
    const weekly = page.locator('.duty-row.duty-due', { hasText: '查课（每班每周不少于 1 次）' });
    await expect(weekly.count()).resolves.toBeGreaterThanOrEqual(3);
    await screenshot(page, 'duties-counselor-week');
    await weekly.first().locator('.nut-button').click();
    await page.waitForURL(/packages\/staff\/checkin\/index\?kind=classCheck/);
    await page.locator('.class-submit').waitFor();
  });
});
