import { existsSync, mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { systemClock, type Clock } from '../../cloudfunctions/core/time/clock';
import { openSqliteStore } from '../../cloudfunctions/platform/store/sqlite-store';
import type { Store } from '../../cloudfunctions/platform/store/store';
import { seedDemo } from '../../scripts/demo/seed';
import { startLocalServer, type LocalServer } from '../../scripts/server/local-server';

export const CHROMIUM = '/usr/bin/chromium';
export const ROOT = resolve(__dirname, '../..');
export const SCREENSHOTS = join(ROOT, 'artifacts/screenshots');
/** The H5 build under test: `dist/h5`, or XUEYE_H5 when a parallel build wrote elsewhere. */
export const WEB_ROOT = resolve(ROOT, process.env.XUEYE_H5 ?? 'dist/h5');

export type App = { server: LocalServer; store: Store; browser: Browser; close(): Promise<void> };

/** The local product as a person meets it: seeded server on a free port + headless Debian Chromium. */
export async function openApp(clock: Clock = systemClock): Promise<App> {
  if (!existsSync(join(WEB_ROOT, 'index.html'))) throw new Error('dist/h5 is missing: `npm test` builds it (npm run build:h5)');
  if (!existsSync(CHROMIUM)) throw new Error('Debian chromium is missing: apt-get install -y chromium');
  const dataDir = mkdtempSync(join(tmpdir(), 'xueye-e2e-'));
  const store = openSqliteStore(join(dataDir, 'e2e.sqlite'));
  await seedDemo(store, clock);
  const server = await startLocalServer({ store, clock, dataDir, webRoot: WEB_ROOT, port: 0 });
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  return {
    server,
    store,
    browser,
    async close() {
      await browser.close();
      await server.close();
      await store.close();
    },
  };
}

/** A phone-sized page (WeChat's common 375×667 viewport). */
export async function phonePage(app: App, options: { geolocation?: { latitude: number; longitude: number } } = {}): Promise<Page> {
  const context = await app.browser.newContext({
    viewport: { width: 375, height: 667 },
    deviceScaleFactor: 2,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    ...(options.geolocation ? { geolocation: options.geolocation, permissions: ['geolocation'] } : {}),
  });
  return context.newPage();
}

const tabOf: Record<string, string> = { s: '学生', p: '家长', t: '教师' };

/** Sign in through the demo sign-in page, as a person would: find the user, tap them. */
export async function signIn(app: App, page: Page, userId: string): Promise<void> {
  await page.goto(`${app.server.url}/#/pages/login/index`);
  const tab = userId === 't-clerk' || userId === 't-leader' || userId === 't-affairs' || userId.startsWith('t-dept') ? '学院' : (tabOf[userId.slice(0, 1)] ?? '教师');
  await page.getByText(tab, { exact: true }).first().click();
  await page.locator('input').first().fill(userId.replace(/^[sp]-/, ''));
  await page.locator(`#demo-user-${userId}`).click();
  await page.waitForURL((url) => !url.hash.includes('pages/login'));
}

export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const file = join(SCREENSHOTS, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}
