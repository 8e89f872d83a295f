// Makes a fresh clone runnable: installs npm packages when missing and, with --browser, Debian's
// chromium for the end-to-end tests. Says exactly what it does, and what to run when it cannot.
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';

function run(command, args) {
  console.log(`> ${command} ${args.join(' ')}`);
  const result = spawnSync(command, args, { stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

if (!existsSync('node_modules/.package-lock.json')) {
  console.log('首次运行：安装 npm 依赖（约 3 分钟，会编译 better-sqlite3）');
  run('npm', ['ci', '--no-audit', '--no-fund']);
}

if (process.argv.includes('--browser') && !existsSync('/usr/bin/chromium')) {
  const root = typeof process.getuid === 'function' && process.getuid() === 0;
  if (!root || !existsSync('/usr/bin/apt-get')) {
    console.error('端到端测试需要 Debian 的 chromium：请运行 sudo apt-get install -y chromium');
    process.exit(1);
  }
  console.log('安装 Debian chromium（端到端测试用）');
  run('apt-get', ['update']);
  // A CJK font so screenshots of the Chinese UI are readable.
  run('apt-get', ['install', '-y', '--no-install-recommends', 'chromium', 'fonts-wqy-zenhei']);
}
