import { openApp, phonePage, screenshot, signIn, type App } from '../support/browser';
import { demoPeople } from '../support/harness';
import { generateDemo } from '../../scripts/demo/generate';

jest.setTimeout(90_000);

describe('sign-in and role homes in the H5 build', () => {
  let app: App;
  const people = demoPeople(generateDemo());

  beforeAll(async () => {
    app = await openApp();
  });
  afterAll(async () => {
    await app?.close();
  });

  it('a student signs in and sees their own name and class', async () => {
    const page = await phonePage(app);
    await signIn(app, page, people.studentUser);
    await page.waitForURL(/packages\/student\/home/);
    await page.getByText(`你好，${people.student.name}`).waitFor();
    await page.getByText(people.student._id).waitFor();
    await screenshot(page, 'student-home');
  });

  it('a WeChat nobody registered yet (a parent before binding) is offered the binding page, not a role', async () => {
    const page = await phonePage(app);
    await page.goto(`${app.server.url}/#/pages/login/index`);
    await page.locator('taro-button-core.new-wechat, .new-wechat').first().click();
    await page.locator('taro-button-core').filter({ hasText: '我是家长，输入绑定码' }).click();
    await page.waitForURL(/packages\/parent\/bind/);
    await page.getByText('手机号后 4 位').waitFor();
  });

  it('a counselor signs in and sees their classes, then a class roster', async () => {
    const page = await phonePage(app);
    await signIn(app, page, people.counselorUser);
    await page.waitForURL(/packages\/staff\/home/);
    await page.getByText('我的班级').waitFor();
    const names = await page.locator('.class-name').allTextContents();
    expect(names).toHaveLength(3);
    await page.locator('.class-row').first().click();
    await page.waitForURL(/packages\/staff\/class/);
    await page.getByText('共 40 人').waitFor();
    await screenshot(page, 'counselor-class');
  });
});
