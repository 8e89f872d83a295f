import { expect } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { z } from 'zod';

const root = resolve(__dirname, '../..');
const out = join(root, 'dist/cloudfunctions');

const FunctionPackage = z.object({ main: z.string(), dependencies: z.record(z.string(), z.string()) });
const CloudbaseRc = z.object({ functions: z.array(z.object({ name: z.string() })) });
const FunctionConfig = z.object({ triggers: z.array(z.unknown()) });

/** `npm run build:functions` makes one deployable folder per function, each loading on its own. */
describe('cloud function bundles', () => {
  beforeAll(() => {
    execFileSync(join(root, 'node_modules/.bin/tsx'), ['scripts/build-functions.ts'], { cwd: root, stdio: 'pipe' });
  }, 60_000);

  it('bundles every function folder with a package.json and an index.js exporting main', () => {
    const sources = readdirSync(join(root, 'cloudfunctions')).filter((n) =>
      existsSync(join(root, 'cloudfunctions', n, 'index.ts')),
    );
    expect(sources.length).toBeGreaterThanOrEqual(2);
    for (const name of sources) {
      const pkg = FunctionPackage.parse(JSON.parse(readFileSync(join(out, name, 'package.json'), 'utf8')));
      expect(pkg.main).toBe('index.js');
      expect(Object.keys(pkg.dependencies)).toContain('@cloudbase/node-sdk');
      const bundle = readFileSync(join(out, name, 'index.js'), 'utf8');
      // Core and platform are inlined; the native SQLite module is not.
      expect(bundle).not.toMatch(/require\("\.\.?\//);
      // eslint-disable-next-line @typescript-eslint/no-require-imports -- the bundle is CommonJS on disk, loaded as the cloud runtime loads it
      const loaded: unknown = require(join(out, name, 'index.js'));
      expect(loaded).toEqual(expect.objectContaining({ main: expect.any(Function) }));
    }
  });

  it('writes cloudbaserc.json and every function config.json from config/deployment.json', () => {
    const rc = CloudbaseRc.parse(JSON.parse(readFileSync(join(root, 'cloudbaserc.json'), 'utf8')));
    const sources = readdirSync(join(root, 'cloudfunctions')).filter((n) =>
      existsSync(join(root, 'cloudfunctions', n, 'index.ts')),
    );
    expect(rc.functions.map((f) => f.name).sort()).toEqual(sources.sort());
    const scheduler = FunctionConfig.parse(JSON.parse(readFileSync(join(out, 'scheduler', 'config.json'), 'utf8')));
    expect(scheduler.triggers).toHaveLength(1);
  });
});
