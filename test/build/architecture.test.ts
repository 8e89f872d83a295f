import { spawnSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import { stripVTControlCharacters } from 'node:util';

const root = resolve(__dirname, '../..');
const depcruise = join(root, 'node_modules/.bin/depcruise');
const config = join(root, '.dependency-cruiser.cjs');

/** Plain text whatever the terminal: CI=true makes depcruise colour its output. */
function cruise(cwd: string, ...paths: string[]) {
  const result = spawnSync(depcruise, ['--config', config, ...paths], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, FORCE_COLOR: '0', NO_COLOR: '1' },
  });
  return {
    status: result.status,
    stdout: stripVTControlCharacters(result.stdout),
    stderr: stripVTControlCharacters(result.stderr),
  };
}

/** The core stays pure: dependency-cruiser (run by `npm run check`) fails the build otherwise. */
describe('architecture rules', () => {
  it('pass on the real code', () => {
    const result = cruise(root, 'cloudfunctions', 'types', 'src');
    expect(result.stdout + result.stderr).toMatch(/no dependency violations found/);
    expect(result.status).toBe(0);
  }, 60_000);

  it('fail when core imports platform code', () => {
    const result = cruise(join(root, 'test/fixtures/architecture'), 'cloudfunctions');
    expect(result.status).not.toBe(0);
    expect(result.stdout).toMatch(
      /core-is-pure: cloudfunctions\/core\/leaky-rule\.ts → cloudfunctions\/platform\/leak\.ts/,
    );
  }, 60_000);
});
