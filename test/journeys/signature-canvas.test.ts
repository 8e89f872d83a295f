import { queryAll } from '../../cloudfunctions/platform/store/store';
import { Journey, openJourneyApp, type JourneyApp } from '../support/journey';
import { student as asStudent } from './steps/people';

jest.setTimeout(180_000);

/**
 * Issue 9 §10: drawing on the signature canvas scrolled the page on a phone, so strokes came out
 * as dots. The canvas itself must say touch-action: none (the browser then never pans under a finger).
 */
describe('the signature canvas on a phone', () => {
  let app: JourneyApp;
  let j: Journey;
  beforeAll(async () => {
    app = await openJourneyApp();
  });
  afterAll(async () => {
    await j?.close();
    await app?.close();
  });

  it('does not let the page pan while the student draws', async () => {
    const open = (await queryAll(app.store, 'notices', { where: { status: 'issued' } })).find(
      (n) => n.ack === null && n.objection === null,
    );
    if (!open) throw new Error('the demo has no unsigned notice');
    j = new Journey(app, 'signature-canvas');
    const me = await j.signIn('学生', asStudent(app.demo, open.studentId));
    await me.tap('学业警示通知');
    await me.tap(`${open.semester} ${open.levelName}`);
    await me.see('学业警示通知单（学生联）');
    const canvas = me.page.locator('#student-signature-wrap canvas').first();
    await canvas.waitFor({ state: 'attached' });
    const actions = await me.page.evaluate(() => {
      const el = document.querySelector('#student-signature-wrap canvas');
      const chain: string[] = [];
      for (let e: Element | null = el; e && !e.classList.contains('signature-pad'); e = e.parentElement)
        chain.push(getComputedStyle(e).touchAction);
      return chain;
    });
    expect(actions.length).toBeGreaterThan(1);
    expect(actions.every((a) => a === 'none')).toBe(true);
    await me.sign('student-signature');
    await me.see('已签名 ✓');
  });
});
