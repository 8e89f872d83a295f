import { appendFileSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { stripVTControlCharacters } from 'node:util';
import type { BrowserContext, Download, Locator, Page } from 'playwright-core';
import type { fixedClock } from '../../cloudfunctions/core/time/clock';
import { clockFromSetting } from '../../cloudfunctions/platform/clock-setting';
import { openApp, ROOT, type App } from './browser';

/** The journey suite's date unless XUEYE_NOW names another: a Wednesday in term time. */
export const JOURNEY_NOW = '2026-11-25T10:00:00+08:00';
/** Each step a person takes moves the server's clock on by this much (people take time to tap). */
const STEP_MS = 60_000;
const ARTIFACTS = join(ROOT, 'artifacts/journeys');
const SETTLE_MS = 250;
const WAIT_MS = 15_000;

export type JourneyClock = ReturnType<typeof fixedClock>;
export type JourneyApp = App & { clock: JourneyClock };

/** The product as `npm start` makes it (demo lists, check-ins, timers), on a fixed clock. */
export async function openJourneyApp(options: { now?: string; history?: boolean } = {}): Promise<JourneyApp> {
  const clock = options.now
    ? clockFromSetting({}, { fallback: options.now })
    : clockFromSetting(process.env, { fallback: JOURNEY_NOW });
  const app = await openApp({ clock, history: options.history ?? true, timers: true });
  return { ...app, clock };
}

export type PhoneOptions = { geolocation?: { latitude: number; longitude: number } };
export type Tab = '学生' | '家长' | '教师' | '学院';
/** Who signs in on the demo sign-in page: the tab, what to search for, whom to tap. */
export type Who = { userId: string; tab: Tab; search: string; role?: string };

const text = (target: string | RegExp) => (typeof target === 'string' ? target : String(target));

/** Visible elements with this text: exactly it to tap, containing it to see. */
function byText(page: Page | Locator, target: string | RegExp, exact = true): Locator {
  return page.getByText(target, { exact: exact && typeof target === 'string' }).locator('visible=true');
}

const CONTROLS =
  'taro-button-core, button, a, .nut-cell-clickable, .chip, .inbox-item, [class*="tabs-titles-item"], [class*="btn"], [class*="button"]';

/** Of the elements with a text, the one a person would tap: a control (the last: dialogs sit on top), else the first. */
async function tappable(matches: Locator): Promise<Locator> {
  await matches.first().waitFor({ timeout: WAIT_MS });
  const controls = await matches.evaluateAll((els, selector) => els.map((e) => e.closest(selector) !== null), CONTROLS);
  const index = controls.lastIndexOf(true);
  return matches.nth(index >= 0 ? index : 0);
}

/**
 * One journey: people who each hold a phone (their own browser context), their steps numbered
 * across all of them, logged, and screenshotted into artifacts/journeys/<name>/<nn>-<step>.png.
 */
export class Journey {
  readonly dir: string;
  private step = 0;
  private readonly people: Person[] = [];

  constructor(
    readonly app: JourneyApp,
    readonly name: string,
  ) {
    this.dir = join(ARTIFACTS, name);
    rmSync(this.dir, { recursive: true, force: true });
    mkdirSync(this.dir, { recursive: true });
  }

  /** Numbers a step, moves the clocks on, logs it; returns the screenshot file for it. */
  async next(actor: string, what: string): Promise<string> {
    this.step += 1;
    this.app.clock.advance(STEP_MS);
    const at = this.app.clock.now();
    for (const p of this.people) await p.context.clock.setSystemTime(at);
    const line = `${String(this.step).padStart(2, '0')} ${actor}: ${what}`;
    process.stdout.write(`[journey ${this.name}] ${line}\n`);
    appendFileSync(join(this.dir, 'steps.txt'), `${line}\n`);
    const slug = what.replace(/[\s/\\:*?"<>|#«»]+/g, '_').slice(0, 40);
    return join(this.dir, `${String(this.step).padStart(2, '0')}-${actor}-${slug}.png`);
  }

  note(line: string): void {
    process.stdout.write(`[journey ${this.name}] ${line}\n`);
    appendFileSync(join(this.dir, 'steps.txt'), `   ${line}\n`);
  }

  /** A phone of its own at the app's root, signed in by tapping through the demo sign-in page. */
  async signIn(label: string, who: Who, options: PhoneOptions = {}): Promise<Person> {
    const person = await this.phone(label, options);
    await person.open();
    await person.tap(who.tab);
    await person.type('.nut-searchbar input', who.search, '搜索姓名或学号');
    await person.tap(person.page.locator(`#demo-user-${who.userId}`), `${who.search}（演示用户）`);
    if (who.role) await person.tap(who.role);
    return person;
  }

  /** A WeChat nobody registered yet (a parent before binding), from the sign-in page. */
  async newWechat(label: string): Promise<Person> {
    const person = await this.phone(label);
    await person.open();
    await person.tap(person.page.locator('.new-wechat').first(), '以一个新微信进入（体验家长绑定）');
    return person;
  }

  /** A phone: 375×667 with touch, Chinese locale, Shanghai time, the journey's clock. */
  async phone(label: string, options: PhoneOptions = {}): Promise<Person> {
    const context = await this.app.browser.newContext({
      viewport: { width: 375, height: 667 },
      deviceScaleFactor: 2,
      hasTouch: true,
      isMobile: true,
      locale: 'zh-CN',
      timezoneId: 'Asia/Shanghai',
      acceptDownloads: true,
      ...(options.geolocation ? { geolocation: options.geolocation, permissions: ['geolocation'] } : {}),
    });
    // Fake Date at the journey's time, flowing on, so timers and NutUI animations still run.
    await context.clock.install({ time: this.app.clock.now() });
    const person = new Person(this, label, context, await context.newPage());
    this.people.push(person);
    return person;
  }

  async close(): Promise<void> {
    for (const p of this.people) await p.context.close().catch(() => undefined);
  }
}

/** One person's phone: every action is a logged, screenshotted step. */
export class Person {
  private inflight = 0;

  constructor(
    readonly journey: Journey,
    readonly label: string,
    readonly context: BrowserContext,
    readonly page: Page,
  ) {
    const api = (url: string) => url.includes('/api/');
    page.on('request', (r) => {
      if (api(r.url())) this.inflight += 1;
    });
    const done = (r: { url(): string }) => {
      if (api(r.url())) this.inflight = Math.max(0, this.inflight - 1);
    };
    page.on('requestfinished', done);
    page.on('requestfailed', done);
  }

  /** The only URL a person types: the app's root. */
  async open(): Promise<void> {
    await this.act('opens the app', async () => {
      await this.page.goto(`${this.journey.app.server.url}/`);
    });
  }

  async tap(target: string | RegExp | Locator, label?: string): Promise<void> {
    const name = label ?? (typeof target === 'string' || target instanceof RegExp ? text(target) : 'element');
    await this.act(`tap ${name}`, async () => {
      const found =
        typeof target === 'string' || target instanceof RegExp ? await tappable(byText(this.page, target)) : target;
      await found.waitFor({ timeout: WAIT_MS });
      await found.scrollIntoViewIfNeeded({ timeout: WAIT_MS });
      // NutUI buttons and cells take the touch themselves, not their labels: a finger on the
      // label is a tap on them. Anything else on top (a mask, a dialog) still blocks the tap.
      const own = await found.evaluate((e) => {
        const r = e.getBoundingClientRect();
        const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
        return hit !== null && (hit === e || hit.contains(e) || e.contains(hit));
      });
      await found.tap({ timeout: WAIT_MS, force: own });
    });
  }

  /** Types into a field: a NutUI wrapper's native control, or the control itself. */
  async type(target: string | Locator, value: string, label?: string): Promise<void> {
    const name = label ?? (typeof target === 'string' ? target : 'field');
    await this.act(`type ${name} «${value}»`, async () => {
      const given =
        typeof target === 'string'
          ? this.page
              .locator(`:is(${target}):is(input, textarea), :is(${target}) :is(input, textarea)`)
              .locator('visible=true')
              .first()
          : target;
      // A NutUI wrapper (taro-input-core, taro-textarea-core) holds the native control.
      const native = await given.evaluate((e) => ['INPUT', 'TEXTAREA'].includes(e.tagName), undefined, {
        timeout: WAIT_MS,
      });
      const control = native ? given : given.locator('input, textarea').first();
      await control.tap({ timeout: WAIT_MS });
      await control.fill(value);
    });
  }

  /** The field a label names on screen (the label written above or beside its input, in one cell). */
  field(label: string): Locator {
    return this.page
      .locator('.nut-cell, .nut-form-item')
      .filter({ has: this.page.getByText(label) })
      .locator('input, textarea')
      .locator('visible=true')
      .first();
  }

  /** Whether the screen shows this text now (no waiting, no step). */
  async shows(target: string | RegExp): Promise<boolean> {
    return (await byText(this.page, target, false).count()) > 0;
  }

  /** Waits until the text is on screen (in `within` when given). */
  async see(target: string | RegExp, within?: Locator): Promise<Locator> {
    const found = byText(within ?? this.page, target, false).first();
    await this.act(`sees ${text(target)}`, async () => {
      await found.waitFor({ timeout: WAIT_MS });
      // The screenshot shows what was seen.
      await found.scrollIntoViewIfNeeded({ timeout: WAIT_MS }).catch(() => undefined);
    });
    return found;
  }

  /** Waits until what the person sees meets a condition (e.g. a filtered list has redrawn). */
  async until(what: string, check: () => Promise<boolean>): Promise<void> {
    await this.act(`sees ${what}`, async () => {
      const started = performance.now();
      while (!(await check())) {
        if (performance.now() - started > WAIT_MS) throw new Error(`${this.label} never sees ${what}`);
        await this.page.waitForTimeout(100);
      }
    });
  }

  /** Asserts the text is NOT on screen once the page has settled. */
  async notSee(target: string | RegExp, within?: Locator): Promise<void> {
    await this.act(`does not see ${text(target)}`, async () => {
      const count = await byText(within ?? this.page, target, false).count();
      if (count > 0) throw new Error(`${this.label} sees ${text(target)} (${count}×) but should not`);
    });
  }

  /** The phone's back gesture (WeChat's ‹; the H5 build shows no navigation bar). */
  async back(): Promise<void> {
    await this.act('goes back ‹', async () => {
      await this.page.goBack();
    });
  }

  /** Draws a signature on a NutUI Signature canvas with touch strokes (a finger), then confirms it. */
  async sign(canvasId: string): Promise<void> {
    await this.act(`signs on ${canvasId} with a finger`, async () => {
      const canvas = this.page.locator(`#${canvasId}`).first();
      await canvas.scrollIntoViewIfNeeded();
      // NutUI sizes the canvas to its frame 1 s after mount and clears it then: a stroke before that
      // loses its start (a fixed wait lost it on a loaded machine), so wait until it has been sized.
      await this.page.waitForFunction(
        (id) => {
          const frame = document.getElementById(id);
          const inner = frame?.tagName === 'CANVAS' ? frame : frame?.getElementsByTagName('canvas')[0];
          return (
            frame !== null &&
            inner instanceof HTMLCanvasElement &&
            frame.offsetWidth > 0 &&
            inner.width === frame.offsetWidth &&
            inner.height === frame.offsetHeight
          );
        },
        canvasId,
        { timeout: WAIT_MS },
      );
      const box = await canvas.boundingBox();
      if (!box) throw new Error('signature canvas not visible');
      const cdp = await this.context.newCDPSession(this.page);
      const y = box.y + box.height / 2;
      const points = Array.from({ length: 14 }, (_, i) => ({
        x: box.x + 24 + i * 20,
        y: y + (i % 2 === 0 ? -22 : 22),
      }));
      await cdp.send('Input.dispatchTouchEvent', {
        type: 'touchStart',
        touchPoints: [points[0] ?? { x: box.x + 10, y }],
      });
      for (const p of points.slice(1))
        await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: [p] });
      await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
      await cdp.detach();
    });
    await this.tap(this.page.locator(`#${canvasId}-confirm`), '确认签名');
    await this.see('已签名 ✓');
  }

  /** Taps what starts a download and keeps the file under the journey's artifacts. */
  async download(target: string | Locator, label?: string): Promise<{ path: string; name: string }> {
    const waiting = this.page.waitForEvent('download', { timeout: WAIT_MS });
    await this.tap(target, label);
    const file: Download = await waiting;
    const path = join(this.journey.dir, file.suggestedFilename());
    await file.saveAs(path);
    this.journey.note(`${this.label} downloaded ${file.suggestedFilename()}`);
    return { path, name: file.suggestedFilename() };
  }

  /** Taps what opens the phone's file picker and picks the file. */
  async chooseFile(target: string | Locator, path: string, label?: string): Promise<void> {
    const waiting = this.page.waitForEvent('filechooser', { timeout: WAIT_MS });
    await this.tap(target, label);
    await (await waiting).setFiles(path);
    this.journey.note(`${this.label} picked the file ${path.split('/').pop() ?? path}`);
  }

  /** A step that is just a look at the screen. */
  async shot(what: string): Promise<void> {
    await this.act(what, async () => undefined);
  }

  /** Visible text of the screen (for asserting absence across the page). */
  async screenText(): Promise<string> {
    return this.page.locator('body').innerText();
  }

  private async act(what: string, work: () => Promise<void>): Promise<void> {
    const file = await this.journey.next(this.label, what);
    try {
      await work();
      await this.settle();
      await this.toasts();
      await this.fitsThePhone();
      await this.page.screenshot({ path: file });
    } catch (error) {
      const failed = file.replace(/\.png$/, '-FAILED.png');
      await this.page.screenshot({ path: failed, fullPage: true }).catch(() => undefined);
      const lines = (error instanceof Error ? error.message : String(error)).split('\n');

      const why = stripVTControlCharacters(
        lines.filter((l) => l.includes('intercepts') || l.includes('not ')).slice(-1)[0] ?? '',
      ).trim();
      const message = `${lines[0] ?? ''}${why ? ` (${why})` : ''}`;
      this.journey.note(`FAILED at "${what}" (${this.label}): ${message} — ${failed}`);
      throw new Error(
        `journey ${this.journey.name}: ${this.label} could not ${what}: ${message}\nscreenshot: ${failed}`,
      );
    }
  }

  /** Until the page's API calls are answered and it has drawn them. */
  private async settle(): Promise<void> {
    const started = performance.now();
    let quietSince = performance.now();
    while (performance.now() - started < WAIT_MS) {
      await this.page.waitForTimeout(50);
      if (this.inflight > 0) quietSince = performance.now();
      else if (performance.now() - quietSince >= SETTLE_MS) return;
    }
  }

  /**
   * Waits out a page's slide-in (both pages sit side by side meanwhile); a screen that stays
   * wider than the phone scrolls sideways — noted as a defect in the steps.
   */
  private async fitsThePhone(): Promise<void> {
    const wide = () =>
      this.page.evaluate(
        () => Math.max(document.documentElement.scrollWidth, document.body.scrollWidth) - window.innerWidth,
      );
    const started = performance.now();
    let extra = await wide();
    while (extra > 1 && performance.now() - started < 1500) {
      await this.page.waitForTimeout(100);
      extra = await wide();
    }
    if (extra > 1) this.journey.note(`⚠ ${this.label}'s screen is ${extra} px wider than the phone (scrolls sideways)`);
  }

  /** Logs what a toast says (errors often show only there). */
  private async toasts(): Promise<void> {
    const toast = this.page.locator('.taro__toast, .nut-toast').locator('visible=true');
    if ((await toast.count()) === 0) return;
    const said = (await toast.first().innerText()).trim();
    if (said) this.journey.note(`${this.label} toast: ${said}`);
  }
}
