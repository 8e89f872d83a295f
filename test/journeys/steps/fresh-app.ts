import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { clockFromSetting } from '../../../cloudfunctions/platform/clock-setting';
import { openSqliteStore } from '../../../cloudfunctions/platform/store/sqlite-store';
import { bootstrapCollege } from '../../../cloudfunctions/application/roster/bootstrap';
import { demoTimeline } from '../../../scripts/demo/timeline';
import { startLocalServer } from '../../../scripts/server/local-server';
import { startLocalTimers } from '../../../scripts/server/timers';
import { CHROMIUM, WEB_ROOT } from '../../support/browser';
import { BOOTSTRAP_CLERK, COLLEGE } from '../../support/college-files';
import { JOURNEY_NOW, type JourneyApp } from '../../support/journey';

/**
 * The product as a fresh install: an empty store (no demo), the local server and its timers on a
 * fixed clock, and one person created the way a deployer does (`npm run bootstrap`): the college's
 * clerk, with the one-time invite code the script prints.
 */
export async function openFreshApp(): Promise<{ app: JourneyApp; clerkCode: string }> {
  const clock = clockFromSetting({}, { fallback: JOURNEY_NOW });
  const dataDir = mkdtempSync(join(tmpdir(), 'xueye-go-live-'));
  const store = openSqliteStore(join(dataDir, 'fresh.sqlite'));
  const boot = await bootstrapCollege(store, clock, { ...COLLEGE, ...BOOTSTRAP_CLERK });
  const server = await startLocalServer({ store, clock, dataDir, webRoot: WEB_ROOT, port: 0 });
  const timers = startLocalTimers({ store, clock });
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
  // No demo: the journey's people are the ones the files bring in.
  const demo = {
    college: { _id: COLLEGE.collegeId, name: COLLEGE.collegeName, departments: [] },
    classes: [],
    students: [],
    dorms: [],
    courses: [],
    grades: [],
    users: [],
    timeline: demoTimeline(clock),
  };
  const app: JourneyApp = {
    server,
    store,
    browser,
    clock,
    demo,
    dataDir,
    async close() {
      timers.stop();
      await browser.close();
      await server.close();
      await store.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
  return { app, clerkCode: boot.code };
}
