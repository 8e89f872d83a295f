import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import type { Clock } from '../../cloudfunctions/core/time/clock';
import { openSqliteStore } from '../../cloudfunctions/platform/store/sqlite-store';
import { localFiles } from '../../cloudfunctions/platform/files/local-files';
import type { Store } from '../../cloudfunctions/platform/store/store';
import { generateDemo, type DemoData } from '../../scripts/demo/generate';
import { publishDemoHistory } from '../../scripts/demo/history';
import { recordDemoActivity } from '../../scripts/demo/activity';
import { seedDemo } from '../../scripts/demo/seed';
import { startLocalServer, type LocalServer } from '../../scripts/server/local-server';
import { startLocalTimers } from '../../scripts/server/timers';

export const CHROMIUM = '/usr/bin/chromium';
export const ROOT = resolve(__dirname, '../..');
/** The H5 build under test: `dist/h5`, or XUEYE_H5 when a parallel build wrote elsewhere. */
export const WEB_ROOT = resolve(ROOT, process.env.XUEYE_H5 ?? 'dist/h5');

export type App = {
  server: LocalServer;
  store: Store;
  browser: Browser;
  clock: Clock;
  demo: DemoData;
  dataDir: string;
  close(): Promise<void>;
};

export type AppOptions = {
  /** The server's clock (a fixed clock in tests: nothing reads the wall clock). */
  clock: Clock;
  /**
   * What `npm start` loads on a first run: the published and draft lists and the semester's
   * check-ins. Off: only people, classes and grades (faster, for journeys that need no lists).
   */
  history?: boolean;
  /** The local timers `npm start` runs (outbox → inbox, duty reminders) on the same clock. */
  timers?: boolean;
};

/** The local product as a person meets it: seeded server on a free port + headless Debian Chromium. */
export async function openApp(options: AppOptions): Promise<App> {
  const { clock } = options;
  if (!existsSync(join(WEB_ROOT, 'index.html')))
    throw new Error(`${WEB_ROOT} is missing: \`npm test\` builds it (npm run build:h5)`);
  if (!existsSync(CHROMIUM)) throw new Error('Debian chromium is missing: apt-get install -y chromium');
  const dataDir = mkdtempSync(join(tmpdir(), 'xueye-journey-'));
  const store = openSqliteStore(join(dataDir, 'journey.sqlite'));
  const seeded = await seedDemo(store, clock);
  const demo = seeded.data ?? generateDemo(clock);
  if (options.history) {
    const files = localFiles(dataDir);
    await publishDemoHistory(store, files, clock);
    await recordDemoActivity(store, files, demo);
  }
  const server = await startLocalServer({ store, clock, dataDir, webRoot: WEB_ROOT, port: 0 });
  const timers = options.timers ? startLocalTimers({ store, clock }) : null;
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
  return {
    server,
    store,
    browser,
    clock,
    demo,
    dataDir,
    async close() {
      timers?.stop();
      await browser.close();
      await server.close();
      await store.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
