import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { z } from 'zod';

const weapp = resolve(__dirname, '../../dist/weapp');

function sizeOf(path: string): number {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.size;
  return readdirSync(path).reduce((sum, name) => sum + sizeOf(join(path, name)), 0);
}

const AppJson = z.object({
  pages: z.array(z.string()),
  subPackages: z.array(z.object({ root: z.string(), pages: z.array(z.string()) })).optional(),
  requiredPrivateInfos: z.array(z.string()).optional(),
  permission: z.record(z.string(), z.object({ desc: z.string() })).optional(),
});

/** WeChat limits each package to 2 MB; we keep the main package under 1 MB. */
describe('weapp build', () => {
  const appJsonPath = join(weapp, 'app.json');
  it('exists (npm test runs `taro build --type weapp` first)', () => {
    expect(existsSync(appJsonPath)).toBe(true);
  });

  it('keeps the main package under 1 MB and each subpackage under 2 MB', () => {
    const app = AppJson.parse(JSON.parse(readFileSync(appJsonPath, 'utf8')));
    const subRoots = (app.subPackages ?? []).map((p) => p.root.replace(/\/$/, ''));
    expect(subRoots.length).toBeGreaterThanOrEqual(4);
    const main = sizeOf(weapp) - subRoots.reduce((sum, root) => sum + sizeOf(join(weapp, root)), 0);
    console.log(
      `weapp main package ${(main / 1024).toFixed(0)} KB; ${subRoots.map((r) => `${r} ${(sizeOf(join(weapp, r)) / 1024).toFixed(0)} KB`).join(', ')}`,
    );
    expect(main).toBeLessThan(1024 * 1024);
    for (const root of subRoots) expect(sizeOf(join(weapp, root))).toBeLessThan(2 * 1024 * 1024);
  });

  it('declares location use for check-ins as WeChat requires', () => {
    const app = AppJson.parse(JSON.parse(readFileSync(appJsonPath, 'utf8')));
    expect(app.requiredPrivateInfos).toContain('getLocation');
    expect(app.permission?.['scope.userLocation']?.desc).toMatch(/签到/);
  });
});
