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
});
