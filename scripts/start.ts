import { existsSync, mkdirSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { spawnSync } from 'node:child_process';
import { z } from 'zod';
import { clockFromSetting, CLOCK_SETTING } from '../cloudfunctions/platform/clock-setting';
import { formatDateTime, toIso } from '../cloudfunctions/core/time/shanghai';
import { openSqliteStore } from '../cloudfunctions/platform/store/sqlite-store';
import { seedDemo } from './demo/seed';
import { migrateQuickTalks } from '../cloudfunctions/checkins/migrate-quick-talks';
import { rebuildWarningDigests } from '../cloudfunctions/application/digests/rebuild-warning-digests';
import { rebuildDutyDigests } from '../cloudfunctions/application/digests/rebuild-duty-digests';
import { publishDemoHistory } from './demo/history';
import { recordDemoActivity } from './demo/activity';
import { generateDemo } from './demo/generate';
import { localFiles } from '../cloudfunctions/platform/files/local-files';
import { startLocalServer } from './server/local-server';
import { startLocalTimers } from './server/timers';

const Env = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(8787),
  DATA_DIR: z.string().default('data'),
});

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs);
  }
  return newest;
}

/** Builds the H5 app when it is missing or older than its sources. */
function ensureH5Build(root: string): void {
  const index = join(root, 'dist/h5/index.html');
  const sources = Math.max(...['src', 'types', 'config'].map((d) => newestMtime(join(root, d))));
  if (existsSync(index) && statSync(index).mtimeMs >= sources) return;
  console.log('构建 H5 前端（约 1 分钟，仅在源码变化后）…');
  const result = spawnSync('npx', ['taro', 'build', '--type', 'h5'], {
    cwd: root,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  if (result.status !== 0) {
    console.error(result.stdout.slice(-4000), result.stderr.slice(-4000));
    throw new Error('H5 构建失败（见上方输出）');
  }
}

async function main(): Promise<void> {
  const env = Env.parse(process.env);
  const root = resolve(__dirname, '..');
  const dataDir = resolve(root, env.DATA_DIR);
  mkdirSync(dataDir, { recursive: true });
  ensureH5Build(root);
  const store = openSqliteStore(join(dataDir, 'xueye.sqlite'));
  // One clock for the server, the timers and the demo: XUEYE_NOW (running on from there) or the system clock.
  const clock = clockFromSetting(process.env, { running: true });
  if (process.env[CLOCK_SETTING])
    console.log(`时钟设为 ${formatDateTime(clock.now())}（${CLOCK_SETTING}），此后照常走时`);
  const { seeded, data } = await seedDemo(store, clock);
  // History is made once, also when a first start was stopped between the seed and this step.
  if ((await store.count('warningRuns')) === 0) {
    const files = localFiles(dataDir);
    const demo = data ?? generateDemo(clock);
    const history = await publishDemoHistory(store, files, clock);
    const activity = await recordDemoActivity(store, files, demo);
    console.log(`已录入本学期（${demo.timeline.current.id}）${activity} 条查寝、查课、班会、谈话等工作记录`);
    console.log(
      `已载入演示数据（生命科学与工程学院，6 个班，240 名学生；${history.publishedSemester} 学期已发布 ${history.published} 名学业警示，${history.draftSemester} 学期名单待教学秘书审核发布）`,
    );
  } else {
    console.log(seeded ? '已载入演示数据' : '使用已有数据（data/ 目录）');
  }
  const migrated = await migrateQuickTalks(store, clock);
  if (migrated > 0) console.log(`已将 ${migrated} 条旧的简要谈话记录并入谈话记录`);
  // Warnings published before the digests existed (an older data/) get theirs; a no-op otherwise.
  const digests = await rebuildWarningDigests(store, {
    write: true,
    ctx: { by: 'system:start', at: toIso(clock.now()) },
  });
  if (digests.written > 0) console.log(`已补建 ${digests.written} 份警示统计摘要`);
  const dutyDigests = await rebuildDutyDigests(store, {
    write: true,
    ctx: { by: 'system:start', at: toIso(clock.now()) },
  });
  if (dutyDigests.written > 0) console.log(`已补建 ${dutyDigests.written} 份职责统计摘要`);
  const server = await startLocalServer({ store, clock, dataDir, webRoot: join(root, 'dist/h5'), port: env.PORT });
  const timers = startLocalTimers({ store, clock });
  console.log(`学业帮扶本地版已启动：${server.url}`);
  const stop = async () => {
    timers.stop();
    await server.close();
    await store.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
