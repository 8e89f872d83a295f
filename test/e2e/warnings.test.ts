import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openApp, phonePage, screenshot, signIn, type App } from '../support/browser';
import { demoPeople } from '../support/harness';
import { strongStudent, writeLateResults } from '../support/warnings-e2e';
import { generateDemo } from '../../scripts/demo/generate';

jest.setTimeout(120_000);

describe('clerk imports grades, runs lzut-life, publishes; the counselor sees the new warning', () => {
  let app: App;
  const demo = generateDemo();
  const people = demoPeople(demo);
  const target = strongStudent(demo, people.firstClass._id);
  const another = strongStudent(demo, people.firstClass._id, 1);

  beforeAll(async () => {
    app = await openApp();
  });
  afterAll(async () => {
    await app?.close();
  });

  it('goes from an uploaded csv to a published list', async () => {
    const file = writeLateResults(mkdtempSync(join(tmpdir(), 'xueye-e2e-grades-')), target._id);
    const page = await phonePage(app);
    await signIn(app, page, people.clerkUser);
    await page.waitForURL(/packages\/admin\/home/);

    await page.locator('.link-import').click();
    await page.waitForURL(/packages\/admin\/import/);
    const chooser = page.waitForEvent('filechooser');
    await page.locator('.choose-file').click();
    await (await chooser).setFiles(file.path);
    await page.locator('.preview-counts').getByText('可导入 3 行，有问题 1 行').waitFor();
    await page.locator('.import-error').getByText(/第 5 行 · 学号：未知学生/).waitFor();
    await screenshot(page, 'warnings-import-preview');

    await page.locator('.start-import').click();
    await page.locator('.import-result').getByText('导入完成').waitFor();
    await page.locator('.import-figures').getByText(`已处理 4 行 · 新增 ${file.inserted} · 已存在 0 · 更正 0 · 问题 ${file.bad}`).waitFor();
    await screenshot(page, 'warnings-import-done');

    await page.locator('.go-run').click();
    await page.waitForURL(/packages\/admin\/run/);
    await page.locator('.semester-input input').fill('2025-2026-2');
    await page.locator('.policy-lzut-life').getByText('本院默认 · 已选').waitFor();
    await screenshot(page, 'warnings-run');
    await page.locator('.run-policy').click();
    await page.waitForURL(/packages\/admin\/review/);
    const entry = page.locator(`.entry-${target._id}`);
    await entry.getByText('学业警示').waitFor();
    await entry.getByText('新增').waitFor();
    await entry.getByText(/本学期正考不及格 3 门.*生物化学实验（E2E101，2 学分）/).waitFor();
    await screenshot(page, 'warnings-review');

    await page.locator('.publish-run').click();
    await page.getByText('确定', { exact: true }).last().click();
    await page.getByText('已发布', { exact: true }).first().waitFor();
    await page.locator('.publish-run').waitFor({ state: 'detached' });
    await screenshot(page, 'warnings-published');

    const download = page.waitForEvent('download');
    await page.locator('.export-summary').click();
    expect((await download).suggestedFilename()).toBe('学业警示学生名单汇总表-2025-2026-2.xlsx');
  });

  it('the counselor signs in and sees the new warning with its explanation', async () => {
    const page = await phonePage(app);
    await signIn(app, page, people.counselorUser);
    await page.waitForURL(/packages\/staff\/home/);
    await page.locator('.link-warnings').click();
    await page.waitForURL(/packages\/staff\/warnings/);
    const card = page.locator(`.warning-${target._id}`);
    await card.getByText(`${target.name}（${target._id}）`).waitFor();
    await card.getByText('学业警示').waitFor();
    await card.getByText(/工程制图（E2E103，3 学分）/).first().waitFor();
    const count = await page.locator('.warning-card').count();
    expect(count).toBeGreaterThan(1);
    await screenshot(page, 'warnings-counselor');
  });
  it('a counselor adds a student of their class to a gxu-ee draft by hand (seed 002); the clerk sees the manual mark', async () => {
    const clerk = await phonePage(app);
    await signIn(app, clerk, people.clerkUser);
    await clerk.locator('.link-run').click();
    await clerk.waitForURL(/packages\/admin\/run/);
    await clerk.locator('.semester-input input').fill('2025-2026-2');
    await clerk.locator('.policy-gxu-ee').click();
    await clerk.locator('.policy-gxu-ee').getByText('已选').waitFor();
    await clerk.locator('.run-policy').click();
    await clerk.waitForURL(/packages\/admin\/review/);

    const page = await phonePage(app);
    await signIn(app, page, people.counselorUser);
    await page.locator('.link-warnings').click();
    const draft = page.locator('.draft-additions');
    await draft.getByText(/2025-2026-2 名单草稿/).waitFor();
    await draft.locator('.draft-student input').fill(another._id);
    await draft.locator('.nut-button', { hasText: /^考勤$/ }).click();
    await draft.locator('textarea').fill('本学期旷课 16 节');
    await draft.locator('.nut-button', { hasText: '补充到名单' }).click();
    await draft.getByText(new RegExp(`${another.name}：补充为预警（考勤`)).waitFor();
    await screenshot(page, 'warnings-counselor-manual');

    await clerk.reload();
    const entry = clerk.locator(`.entry-${another._id}`);
    await entry.locator('.manual-mark').getByText(/人工补充（.+）：考勤，本学期旷课 16 节/).waitFor();
  });
});
