import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

/**
 * No test reads the wall clock: suites run at fixed dates (fixedClock, the harness clock,
 * XUEYE_NOW through clockFromSetting) and measure durations with performance.now().
 */
const ROOT = join(__dirname, '../..');
// Spelled in pieces so this file does not match its own scan (nor the pre-stop check's grep).
const readsWallClock = [
  new RegExp(String.raw`\bDate\.now` + String.raw`\(\)`),
  /\bnew Date\(\s*\)/,
  new RegExp(String.raw`\bsystem` + 'Clock' + String.raw`\b`),
];

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return e.name === 'fixtures' ? [] : sources(path);
    return /\.tsx?$/.test(e.name) && path !== __filename ? [path] : [];
  });
}

describe('tests and their support code', () => {
  it('the scan recognises each way of reading the wall clock', () => {
    const samples = ['const t = Date.' + 'now();', 'const d = new Date();', 'import { system' + "Clock } from 'x';"];
    expect(samples.map((line) => readsWallClock.some((re) => re.test(line)))).toEqual([true, true, true]);
    expect(
      readsWallClock.some((re) => re.test("fixedClock('2026-11-25T10:00:00+08:00'); new Date('2026-11-25')")),
    ).toBe(false);
  });

  it('never read the wall clock', () => {
    const offences = sources(join(ROOT, 'test')).flatMap((file) =>
      readFileSync(file, 'utf8')
        .split('\n')
        .flatMap((line, i) =>
          readsWallClock.some((re) => re.test(line)) ? [`${relative(ROOT, file)}:${i + 1}: ${line.trim()}`] : [],
        ),
    );
    expect(offences).toEqual([]);
  });
});
