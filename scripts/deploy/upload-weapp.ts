import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { z } from 'zod';
import { requireEnv } from './require-env';

const root = resolve(__dirname, '../..');
const Mode = z.enum(['upload', 'preview']);

/** The few calls of miniprogram-ci used here (installed by the deployer: npm i -D miniprogram-ci). */
type MiniprogramCi = {
  Project: new (options: {
    appid: string;
    type: 'miniProgram';
    projectPath: string;
    privateKeyPath: string;
    ignores: string[];
  }) => unknown;
  upload(options: {
    project: unknown;
    version: string;
    desc: string;
    robot: number;
    setting: Record<string, boolean>;
  }): Promise<unknown>;
  preview(options: {
    project: unknown;
    desc: string;
    robot: number;
    setting: Record<string, boolean>;
    qrcodeFormat: 'image';
    qrcodeOutputDest: string;
  }): Promise<unknown>;
};

async function loadCi(): Promise<MiniprogramCi> {
  // Not a dependency of the product: named at run time so type checking does not require it.
  const moduleName = 'miniprogram-ci';
  try {
    return (await import(moduleName)) as MiniprogramCi;
  } catch {
    console.error(
      '上传小程序需要 miniprogram-ci：npm i -D miniprogram-ci\nminiprogram-ci is not installed: npm i -D miniprogram-ci',
    );
    process.exit(2);
  }
}

/**
 * `npm run weapp:upload` / `npm run weapp:preview`: uploads (or previews) the weapp build with the
 * mini-program's upload key (WeChat console → 开发管理 → 小程序代码上传密钥, with the IP whitelist).
 */
async function main(): Promise<void> {
  const mode = Mode.parse(process.argv[2] ?? 'preview');
  const env = requireEnv(['WX_APPID', 'WX_UPLOAD_KEY_PATH'], mode === 'upload' ? '上传小程序' : '预览小程序');
  const ci = await loadCi();
  const version = z
    .object({ version: z.string() })
    .parse(JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'))).version;
  const project = new ci.Project({
    appid: env.WX_APPID!,
    type: 'miniProgram',
    projectPath: root,
    privateKeyPath: env.WX_UPLOAD_KEY_PATH!,
    ignores: ['node_modules/**/*'],
  });
  const setting = { es6: false, minify: false };
  if (mode === 'upload') await ci.upload({ project, version, desc: `学业帮扶 ${version}`, robot: 1, setting });
  else
    await ci.preview({
      project,
      desc: `学业帮扶 ${version} 预览`,
      robot: 1,
      setting,
      qrcodeFormat: 'image',
      qrcodeOutputDest: join(root, 'dist/preview-qrcode.jpg'),
    });
  console.log(mode === 'upload' ? `已上传版本 ${version}` : '预览二维码：dist/preview-qrcode.jpg');
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
