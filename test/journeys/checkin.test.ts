import { Journey, openJourneyApp, type JourneyApp, type Person } from '../support/journey';
import { demoPeople } from '../support/harness';
import { northOf, placeNamed } from '../support/checkins-factories';
import { staff } from './steps/people';

jest.setTimeout(180_000);

/** The assistant at the dorm door: home → 查寝 · 查课 · 工作记录, with the phone's location. */
async function assistantAtDorm(
  j: Journey,
  assistantUser: string,
  metresNorth: number,
  building: string,
): Promise<Person> {
  const { latitude, longitude } = northOf(placeNamed(building), metresNorth);
  const me = await j.signIn('学业助理', staff(j.app.demo, assistantUser), { geolocation: { latitude, longitude } });
  await me.tap('查寝 · 查课 · 工作记录');
  return me;
}

describe('journey: check-ins at a dorm, counted on the counselor dashboard', () => {
  let app: JourneyApp;
  let j: Journey;
  let people: ReturnType<typeof demoPeople>;
  let building = '';
  const dormChecks = () => app.store.count('dutyRecords', { actorId: people.assistantUser, kind: 'dormCheck' });

  beforeAll(async () => {
    // No demo check-ins: the counts on the dashboard are this journey's own.
    app = await openJourneyApp({ history: false });
    people = demoPeople(app.demo);
    building = app.demo.dorms.find((d) => d.classIds.includes(people.firstClass._id))?.building ?? '';
  });
  afterEach(async () => {
    await j?.close();
  });
  afterAll(async () => {
    await app?.close();
  });

  it('an assistant checks in at a dorm with one resident absent; the counselor sees the follow-up and the record, and drills down to it', async () => {
    const assistant = app.demo.users.find((u) => u._id === people.assistantUser);
    if (!assistant) throw new Error('no assistant in the demo');
    j = new Journey(app, 'checkin-dorm');
    const me = await assistantAtDorm(j, people.assistantUser, 15, building);
    await me.tap(me.page.locator('.dorm-choices .chip').first(), '第一间寝室');
    await me.see('在位情况');
    // Issue 11: hygiene must be assessed (no default score).
    await me.type('.hygiene-score', '85', '内务卫生评分');
    await me.tap(me.page.locator('.resident-row').first().getByText('缺勤', { exact: true }), '缺勤（第一位住宿生）');
    await me.tap('定位并签到');
    const saved = me.page.locator('.checkin-saved');
    await me.see('查寝已登记', saved);
    await me.see(building, saved);
    await me.see('已通知辅导员跟进 1 名', saved);
    await me.notSee('需核实', saved);

    const counselor = await j.signIn('辅导员', staff(app.demo, people.counselorUser));
    await counselor.tap('班级职责完成情况');
    const followUp = counselor.page.locator('.follow-up-row').first();
    await counselor.see('查寝登记缺勤', followUp);
    await counselor.tap('按人员');
    const row = counselor.page.locator('.compliance-row', { hasText: assistant.name });
    await counselor.see('记录 1 条', row);
    await counselor.tap(row, assistant.name);
    const record = counselor.page.locator('.detail-record').first();
    await counselor.see('查寝', record);
    await counselor.see('缺勤 1 人', record);
  });

  it('offline: a check-in whose answer was lost, and one made with no network, wait on the phone and are stored once', async () => {
    j = new Journey(app, 'checkin-offline');
    const me = await assistantAtDorm(j, people.assistantUser, 10, building);
    const before = await dormChecks();

    // The server stores the check-in but the answer never reaches the phone (weak signal in the dorm).
    await me.page.route('**/api/fn/checkins', async (route) => {
      if (!(route.request().postData() ?? '').includes('"dormCheck"')) return route.continue();
      await route.fetch();
      await route.abort('internetdisconnected');
    });
    j.note('the network drops every check-in answer');
    await me.tap(me.page.locator('.dorm-choices .chip').nth(1), '第二间寝室');
    await me.see('在位情况');
    // Issue 11: hygiene must be assessed (no default score).
    await me.type('.hygiene-score', '85', '内务卫生评分');
    await me.tap('定位并签到');
    await me.see('待补交 1 条');
    expect(await dormChecks()).toBe(before + 1);
    await me.page.unroute('**/api/fn/checkins');
    j.note('the network is back');
    await me.tap('立即补交');
    await me.until('the queue empty', async () => !(await me.shows('待补交 1 条')));
    expect(await dormChecks()).toBe(before + 1);

    // No network at all (the roster was loaded at the door): kept on the phone, sent by itself when the network is back.
    await me.tap(me.page.locator('.dorm-choices .chip').nth(2), '第三间寝室');
    await me.see('在位情况');
    // Issue 11: hygiene must be assessed (no default score).
    await me.type('.hygiene-score', '85', '内务卫生评分');
    await me.context.setOffline(true);
    j.note('the phone goes offline');
    await me.tap('定位并签到');
    await me.see('待补交 1 条');
    expect(await dormChecks()).toBe(before + 1);
    await me.context.setOffline(false);
    j.note('the phone is online again');
    await me.until('the queue empty', async () => !(await me.shows('待补交 1 条')));
    expect(await dormChecks()).toBe(before + 2);
  });

  it('an expired session keeps the check-in on the phone; only a refusal of the check-in itself drops it, with a notice', async () => {
    j = new Journey(app, 'checkin-refused');
    const me = await assistantAtDorm(j, people.assistantUser, 10, building);
    const before = await dormChecks();
    const answer = (code: string, message: string) =>
      me.page.route('**/api/fn/checkins', async (route) => {
        if (!(route.request().postData() ?? '').includes('"dormCheck"')) return route.continue();
        await route.fulfill({
          status: 200,
          contentType: 'application/json',
          body: JSON.stringify({ ok: false, code, message }),
        });
      });

    await answer('AUTH.REQUIRED', '请先登录');
    j.note('the server answers AUTH.REQUIRED (session expired)');
    await me.tap(me.page.locator('.dorm-choices .chip').first(), '第一间寝室');
    await me.see('在位情况');
    // Issue 11: hygiene must be assessed (no default score).
    await me.type('.hygiene-score', '85', '内务卫生评分');
    await me.tap('定位并签到');
    await me.see('登录已过期', me.page.locator('.checkin-queued'));
    await me.see('待补交 1 条');

    await me.page.unroute('**/api/fn/checkins');
    await answer('STORE.VERSION_CONFLICT', '数据已被他人修改，请刷新后重试');
    j.note('the server answers STORE.VERSION_CONFLICT');
    await me.tap('立即补交');
    await me.see('待补交 1 条');

    await me.page.unroute('**/api/fn/checkins');
    await answer('ACCESS.DENIED', '你不负责该班级');
    j.note('the server refuses the check-in (ACCESS.DENIED)');
    await me.tap('立即补交');
    await me.see('你不负责该班级', me.page.locator('.checkin-dropped'));
    await me.until('the queue empty', async () => !(await me.shows('待补交 1 条')));
    await me.page.unroute('**/api/fn/checkins');
    expect(await dormChecks()).toBe(before);
  });

  it("a counselor's duties: in term time this week's class checks are due and one tap opens the class-check form; in a break none are", async () => {
    j = new Journey(app, 'duties-week');
    const counselor = await j.signIn('辅导员', staff(app.demo, people.counselorUser));
    await counselor.tap('我的职责');
    if (app.demo.timeline.inBreak) {
      // In a break nothing is due this week: no classes to check.
      await counselor.see(/共 0 项：已完成 0，待完成 0/);
      expect(
        await counselor.page.locator('.duty-row.duty-due', { hasText: '查课（每班每周不少于 1 次）' }).count(),
      ).toBe(0);
      return;
    }
    await counselor.see('查课（每班每周不少于 1 次）');
    const weekly = counselor.page.locator('.duty-row.duty-due', { hasText: '查课（每班每周不少于 1 次）' });
    expect(await weekly.count()).toBeGreaterThanOrEqual(3);
    await counselor.tap(weekly.first().locator('taro-button-core').first(), '去查课');
    await counselor.see('查课');
    await counselor.page.locator('.class-submit').waitFor();
    expect(counselor.page.url()).toContain('kind=classCheck');
  });
});
