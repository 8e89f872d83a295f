import { Journey, openJourneyApp, type JourneyApp, type Person } from '../support/journey';
import { demoPeople } from '../support/harness';
import { parent, staff, student as asStudent } from './steps/people';

jest.setTimeout(300_000);

/** Issue 11 §10: every home opens with its 待办; each count, tapped, opens a list of exactly that many. */
describe('journey: the workbench on every home', () => {
  let app: JourneyApp;
  let j: Journey;
  let people: ReturnType<typeof demoPeople>;

  beforeAll(async () => {
    app = await openJourneyApp();
    people = demoPeople(app.demo);
  });
  afterEach(async () => {
    await j?.close();
  });
  afterAll(async () => {
    await app?.close();
  });

  /** Taps each count of the home's 待办 and checks the list it opens has that many rows. */
  async function everyCountMatches(person: Person): Promise<string[]> {
    await person.see('待办');
    const cells = person.page.locator('.workbench .nut-cell');
    const n = await cells.count();
    expect(n).toBeGreaterThan(0);
    const seen: string[] = [];
    for (let i = 0; i < n; i += 1) {
      const cell = person.page.locator('.workbench .nut-cell').nth(i);
      const title = (await cell.locator('.nut-cell-title').innerText()).trim();
      const count = Number((await cell.locator('.workbench-count').innerText()).trim());
      await person.tap(cell, `${title}（${count}）`);
      await person.see(title);
      await person.until(
        `${count} rows under ${title}`,
        async () => (await person.page.locator('.todo-row').locator('visible=true').count()) === count,
      );
      seen.push(`${title} ${count}`);
      await person.back();
      await person.see('待办');
    }
    return seen;
  }

  it.each([
    ['辅导员', () => staff(app.demo, people.counselorUser)],
    ['班主任', () => staff(app.demo, people.headTeacherUser)],
    ['学业助理', () => staff(app.demo, people.assistantUser)],
    ['学生', () => asStudent(app.demo, people.student._id)],
    ['家长', () => parent(app.demo, people.parentUser)],
    ['教学秘书', () => staff(app.demo, people.clerkUser)],
    ['院领导', () => staff(app.demo, people.leaderUser)],
  ])('%s: each count equals the list it opens', async (label, who) => {
    j = new Journey(app, `workbench-${label}`);
    const person = await j.signIn(label, who());
    const seen = await everyCountMatches(person);
    j.note(`${label} 待办: ${seen.join('；')}`);
  });
});
