import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

/**
 * No test reads the wall clock: suites run at fixed dates (fixedClock, the harness clock,
 * XUEYE_NOW through clockFromSetting) and measure durations with performance.now().
 */
const ROOT = join(__dirname, '../..');
const readsWallClock = [/\bDate\.now\(\)/, /\bnew Date\(\s*\)/, /\bsystemClock\b/];

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return e.name === 'fixtures' ? [] : sources(path);
    return /\.tsx?$/.test(e.name) && path !== __filename ? [path] : [];
  });
}

describe('tests and their support code', () => {
  it('never read the wall clock', () => {
    const offences = sources(join(ROOT, 'test')).flatMap((file) =>
      readFileSync(file, 'utf8')
        .split('\n')
        .flatMap((line, i) => (readsWallClock.some((re) => re.test(line)) ? [`${relative(ROOT, file)}:${i + 1}: ${line.trim()}`] : [])),
    );
    expect(offences).toEqual([]);
  });
});
