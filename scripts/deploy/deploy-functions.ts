import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { requireEnv } from './require-env';

const root = resolve(__dirname, '../..');

function run(command: string, args: string[], secret = false): void {
  if (!secret) console.log(`$ ${command} ${args.join(' ')}`);
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit' });
  if (result.error || result.status !== 0) {
    console.error(
      result.error ? `${command} 无法运行：${result.error.message}` : `${command} 失败（退出码 ${result.status}）`,
    );
    process.exit(1);
  }
}

/**
 * `npm run deploy`: bundles the functions (which also writes cloudbaserc.json) and deploys every one
 * with the CloudBase CLI, logged in with an API key. The CLI is the deployer's tool, not a dependency.
 */
function main(): void {
  const env = requireEnv(['CLOUDBASE_ENV_ID', 'TENCENTCLOUD_SECRETID', 'TENCENTCLOUD_SECRETKEY'], '部署云函数');
  const cli = spawnSync('tcb', ['--version'], { encoding: 'utf8' });
  if (cli.error || cli.status !== 0) {
    console.error(
      '部署云函数需要 CloudBase CLI（tcb）：npm i -g @cloudbase/cli\nThe CloudBase CLI (tcb) is not installed: npm i -g @cloudbase/cli',
    );
    process.exit(2);
  }
  run('npx', ['tsx', 'scripts/build-functions.ts']);
  run('tcb', ['login', '--apiKeyId', env.TENCENTCLOUD_SECRETID!, '--apiKey', env.TENCENTCLOUD_SECRETKEY!], true);
  run('tcb', ['fn', 'deploy', '--all', '--force', '-e', env.CLOUDBASE_ENV_ID!]);
}

main();
