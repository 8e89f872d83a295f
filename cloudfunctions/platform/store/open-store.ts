import { join } from 'node:path';
import { z } from 'zod';
import type { Store } from './store';

/**
 * Which store this process uses, read from the environment once at start:
 * STORE=sqlite (default) keeps `${DATA_DIR}/xueye.sqlite`; STORE=cloudbase uses the cloud
 * function's own environment, or CLOUDBASE_ENV_ID with an API key from outside the cloud.
 */
export const storeEnv = z
  .object({
    STORE: z.enum(['sqlite', 'cloudbase']).default('sqlite'),
    DATA_DIR: z.string().min(1).default('./data'),
    CLOUDBASE_ENV_ID: z.string().min(1).optional(),
    TENCENTCLOUD_SECRETID: z.string().min(1).optional(),
    TENCENTCLOUD_SECRETKEY: z.string().min(1).optional(),
  })
  .refine(
    (env) =>
      !env.CLOUDBASE_ENV_ID || env.STORE !== 'cloudbase' || (env.TENCENTCLOUD_SECRETID && env.TENCENTCLOUD_SECRETKEY),
    {
      message: 'CLOUDBASE_ENV_ID outside the cloud needs TENCENTCLOUD_SECRETID and TENCENTCLOUD_SECRETKEY',
      path: ['CLOUDBASE_ENV_ID'],
    },
  );

export type StoreEnv = z.infer<typeof storeEnv>;

export const SQLITE_FILE = 'xueye.sqlite';

/** Where the SQLite data lives for this environment. */
export function sqliteFile(env: StoreEnv): string {
  return join(env.DATA_DIR, SQLITE_FILE);
}

/** Reads and checks the environment; a bad value stops the process at start with a clear message. */
export function readStoreEnv(source: Record<string, string | undefined> = process.env): StoreEnv {
  const parsed = storeEnv.safeParse(source);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.') || 'env'}: ${issue.message}`);
    throw new Error(`store environment is invalid: ${problems.join('; ')}`);
  }
  return parsed.data;
}

/**
 * Opens the store the environment asks for. Each adapter is loaded only when chosen, so a cloud
 * bundle never loads better-sqlite3 and the local server never loads the CloudBase SDK.
 */
export async function openStore(env: StoreEnv = readStoreEnv()): Promise<Store> {
  if (env.STORE === 'cloudbase') {
    const { openCloudbaseStore } = await import('./cloudbase-store');
    return openCloudbaseStore({
      env: env.CLOUDBASE_ENV_ID,
      secretId: env.TENCENTCLOUD_SECRETID,
      secretKey: env.TENCENTCLOUD_SECRETKEY,
    });
  }
  const { openSqliteStore } = await import('./sqlite-store');
  return openSqliteStore(sqliteFile(env));
}
