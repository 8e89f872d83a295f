import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';

const root = resolve(__dirname, '../..');
const out = join(root, 'dist/cloudfunctions');

/** `npm run build:functions` makes one deployable folder per function, each loading on its own. */
describe('cloud function bundles', () => {
  beforeAll(() => {
    execFileSync(join(root, 'node_modules/.bin/tsx'), ['scripts/build-functions.ts'], { cwd: root, stdio: 'pipe' });
  }, 60_000);

  it('bundles every function folder with a package.json and an index.js exporting main', () => {
    const sources = readdirSync(join(root, 'cloudfunctions')).filter((n) => existsSync(join(root, 'cloudfunctions', n, 'index.ts')));
    expect(sources.length).toBeGreaterThanOrEqual(2);
    for (const name of sources) {
      const pkg: { main: string; dependencies: Record<string, string> } = JSON.parse(readFileSync(join(out, name, 'package.json'), 'utf8'));
      expect(pkg.main).toBe('index.js');
      expect(Object.keys(pkg.dependencies)).toContain('@cloudbase/node-sdk');
      const bundle = readFileSync(join(out, name, 'index.js'), 'utf8');
      // Core and platform are inlined; the native SQLite module is not.
      expect(bundle).not.toMatch(/require\("\.\.?\//);
      const loaded: { main?: unknown } = require(join(out, name, 'index.js'));
      expect(typeof loaded.main).toBe('function');
    }
  });

  it('writes cloudbaserc.json and every function config.json from config/deployment.json', () => {
    const rc: { functions: { name: string }[] } = JSON.parse(readFileSync(join(root, 'cloudbaserc.json'), 'utf8'));
    const sources = readdirSync(join(root, 'cloudfunctions')).filter((n) => existsSync(join(root, 'cloudfunctions', n, 'index.ts')));
    expect(rc.functions.map((f) => f.name).sort()).toEqual(sources.sort());
    const scheduler: { triggers: unknown[] } = JSON.parse(readFileSync(join(out, 'scheduler', 'config.json'), 'utf8'));
    expect(scheduler.triggers).toHaveLength(1);
  });
});
