import { build } from 'esbuild';
import { copyFileSync, existsSync, mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

/**
 * Bundles each cloud function (cloudfunctions/<name>/index.ts) with core and platform inlined
 * into dist/cloudfunctions/<name>/ — index.js, package.json, config.json — ready to deploy.
 */
const root = resolve(__dirname, '..');
const source = join(root, 'cloudfunctions');
const out = join(root, 'dist/cloudfunctions');

// Installed by CloudBase from each function's package.json, not bundled.
const runtimeDependencies: Record<string, string> = {
  '@cloudbase/node-sdk': '3.18.3',
  'wx-server-sdk': '~3.0.4',
};

const names = readdirSync(source)
  .filter((name) => !['core', 'platform'].includes(name) && existsSync(join(source, name, 'index.ts')))
  .sort();

async function main(): Promise<void> {
  rmSync(out, { recursive: true, force: true });
  const rows: string[] = [];
  for (const name of names) {
    const dir = join(out, name);
    mkdirSync(dir, { recursive: true });
    await build({
      entryPoints: [join(source, name, 'index.ts')],
      outfile: join(dir, 'index.js'),
      bundle: true,
      platform: 'node',
      target: 'node16',
      format: 'cjs',
      minify: true,
      sourcemap: false,
      legalComments: 'none',
      // The SQLite adapter is never used in the cloud; its native module must not be bundled.
      external: [...Object.keys(runtimeDependencies), 'better-sqlite3'],
      logLevel: 'warning',
    });
    writeFileSync(
      join(dir, 'package.json'),
      `${JSON.stringify({ name, version: '1.0.0', private: true, main: 'index.js', dependencies: runtimeDependencies }, null, 2)}\n`,
    );
    const config = join(source, name, 'config.json');
    if (existsSync(config)) copyFileSync(config, join(dir, 'config.json'));
    rows.push(`${name.padEnd(12)} ${(statSync(join(dir, 'index.js')).size / 1024).toFixed(1).padStart(8)} KB`);
  }
  console.log(`cloud functions → ${out}\n${rows.join('\n')}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
