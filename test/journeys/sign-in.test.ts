import { Journey, openJourneyApp, type JourneyApp } from '../support/journey';
import { demoPeople } from '../support/harness';
import { staff, student } from './steps/people';

jest.setTimeout(120_000);

describe('journey: signing in and the role homes', () => {
  let app: JourneyApp;
  let j: Journey;

  beforeAll(async () => {
    app = await openJourneyApp({ history: false });
  });
  afterEach(async () => {
    await j?.close();
  });
  afterAll(async () => {
    await app?.close();
  });

  it('a student signs in and sees their own name and 学号', async () => {
    const people = demoPeople(app.demo);
    j = new Journey(app, 'sign-in-student');
    const me = await j.signIn('学生', student(app.demo, people.student._id));
    await me.see(`你好，${people.student.name}`);
    await me.see(people.student._id);
  });

  it('a WeChat nobody registered yet is offered the binding page, not a role', async () => {
    j = new Journey(app, 'sign-in-new-wechat');
    const parent = await j.newWechat('新微信');
    await parent.see('你的微信尚未开通');
    await parent.tap('我是家长，输入绑定码');
    await parent.see('绑定孩子');
    await parent.field('绑定码').waitFor();
  });

  it('a counselor sees their three classes and opens a roster', async () => {
    const people = demoPeople(app.demo);
    j = new Journey(app, 'sign-in-counselor');
    const counselor = await j.signIn('辅导员', staff(app.demo, people.counselorUser));
    await counselor.see('我的班级');
    expect(await counselor.page.locator('.class-name').allTextContents()).toHaveLength(3);
    await counselor.tap(people.firstClass.name);
    await counselor.see('共 40 人');
  });
});
