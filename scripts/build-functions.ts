import { build } from 'esbuild';
import { mkdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { cloudbaseConfig, functionFolders, loadDeployment, wechatFunctionConfig } from './deploy/cloudbase-config';

/**
 * Bundles each cloud function (cloudfunctions/<name>/index.ts) with core and platform inlined
 * into dist/cloudfunctions/<name>/ — index.js, package.json, config.json — ready to deploy, and
 * writes cloudbaserc.json (the CloudBase CLI's file) from config/deployment.json.
 */
const root = resolve(__dirname, '..');
const source = join(root, 'cloudfunctions');
const out = join(root, 'dist/cloudfunctions');

// Installed by CloudBase from each function's package.json, not bundled.
const runtimeDependencies: Record<string, string> = {
  '@cloudbase/node-sdk': '3.18.3',
  'wx-server-sdk': '~3.0.4',
};

const names = functionFolders(source);
const deployment = loadDeployment();

async function main(): Promise<void> {
  const rc = cloudbaseConfig(deployment, names);
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
    writeFileSync(
      join(dir, 'config.json'),
      `${JSON.stringify(wechatFunctionConfig(deployment.functions[name]!), null, 2)}\n`,
    );
    rows.push(`${name.padEnd(12)} ${(statSync(join(dir, 'index.js')).size / 1024).toFixed(1).padStart(8)} KB`);
  }
  writeFileSync(join(root, 'cloudbaserc.json'), `${JSON.stringify(rc, null, 2)}\n`);
  console.log(`cloud functions → ${out}\n${rows.join('\n')}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
