import { expect } from '@jest/globals';
import { Journey, openJourneyApp, type JourneyApp } from '../support/journey';
import { staff } from './steps/people';

jest.setTimeout(240_000);

/**
 * Issue 14: 学工部 opens the school view of every college's duty compliance, asks for a college
 * that has not been counted yet to be counted now, reads its classes as a chart and as a table;
 * the college's leader then sees the same rates on the college's own board.
 */
describe('journey: 学工部 — every college’s duties at a glance', () => {
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

  it('学工部: 全校职责完成情况 → a college → 立即统计 → classes as chart and table; the leader sees the same rates', async () => {
    j = new Journey(app, 'school-view');
    const affairs = await j.signIn('学工部', staff(app.demo, 't-affairs'));
    await affairs.tap('全校职责完成情况（各学院）');
    await affairs.see(app.demo.college.name);
    await affairs.see('尚未统计');
    await affairs.tap(app.demo.college.name);
    await affairs.tap('立即统计');
    await affairs.see(/统计于 \d{4}-\d{2}-\d{2} \d{2}:\d{2}/);
    await affairs.see('各班职责完成率');
    await affairs.until(
      'the class chart drawn',
      async () => (await affairs.page.locator('.chart-classes img').count()) > 0,
    );
    await affairs.tap(affairs.page.locator('.chart-classes .chip').filter({ hasText: '表' }), '表（各班职责完成率）');
    const rates = new Map<string, string>();
    for (const c of app.demo.classes) {
      const row = affairs.page.locator('.school-class-row').filter({ hasText: c.name });
      await affairs.see(c.name, row);
      rates.set(c.name, (await row.locator('.rate').innerText()).trim());
    }
    await affairs.shot('college-classes');
    await affairs.back();
    await affairs.notSee('尚未统计');
    await affairs.see('各学院职责完成率');
    await affairs.shot('school');

    const leader = await j.signIn('学院领导', staff(app.demo, 't-leader'));
    await leader.tap('职责完成情况');
    for (const [name, rate] of rates) {
      const row = leader.page.locator('.compliance-row').filter({ hasText: name });
      await leader.see(rate, row);
    }
    expect(rates.size).toBe(app.demo.classes.length);
  });
});
