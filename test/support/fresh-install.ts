import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Api, FunctionName } from '../../types/api';
import type { Envelope, InputOf, OutputOf } from '../../types/envelope';
import { functions } from '../../cloudfunctions/registry';
import { fixedClock } from '../../cloudfunctions/core/time/clock';
import { localFiles } from '../../cloudfunctions/platform/files/local-files';
import { openSqliteStore } from '../../cloudfunctions/platform/store/sqlite-store';
import type { Store } from '../../cloudfunctions/platform/store/store';
import { bootstrapCollege } from '../../cloudfunctions/application/roster/bootstrap';
import type { PhoneNumberExchange } from '../../cloudfunctions/platform/identity/phone-number';
import { BOOTSTRAP_CLERK, COLLEGE, csvText, type Cells } from './college-files';
import { assertDeclaredCode } from './declared-errors';

/** A fresh install: an empty store (no demo), a fixed clock, calls made as a WeChat OPENID. */
export type FreshInstall = {
  store: Store;
  clock: ReturnType<typeof fixedClock>;
  files: ReturnType<typeof localFiles>;
  call<F extends FunctionName, A extends keyof Api[F] & string>(
    openid: string | null,
    fn: F,
    action: A,
    input: InputOf<Api[F][A]> | Record<string, unknown>,
  ): Promise<Envelope<OutputOf<Api[F][A]>>>;
  ok<F extends FunctionName, A extends keyof Api[F] & string>(
    openid: string,
    fn: F,
    action: A,
    input: InputOf<Api[F][A]>,
  ): Promise<OutputOf<Api[F][A]>>;
  upload(rows: Cells[]): string;
  /** WeChat's phone proof as the cloud entry would pass it (a stand-in); unset: none, as on the local server. */
  phones: PhoneNumberExchange | undefined;
  /** The bootstrap clerk, created as a deployer would (`npm run bootstrap`), and joined with their code. */
  clerkOpenid: string;
  close(): Promise<void>;
};

export async function openFreshInstall(now = '2026-11-25T10:00:00+08:00'): Promise<FreshInstall> {
  const dir = mkdtempSync(join(tmpdir(), 'xueye-fresh-'));
  const store = openSqliteStore(join(dir, 'fresh.sqlite'));
  const clock = fixedClock(now);
  const files = localFiles(dir);
  const call: FreshInstall['call'] = async (openid, fn, action, input) => {
    const target = functions[fn];
    if (!target) throw new Error(`no function ${fn}`);
    const envelope = await target.dispatch(
      { action, input },
      { store, clock, files, openid, ...(install.phones ? { phones: install.phones } : {}) },
    );
    assertDeclaredCode(fn, action, envelope);
    return envelope as Envelope<never>;
  };
  const ok: FreshInstall['ok'] = async (openid, fn, action, input) => {
    const envelope = await call(openid, fn, action, input);
    if (!envelope.ok) throw new Error(`${fn}.${action} as ${openid} failed: ${envelope.code} ${envelope.message}`);
    return envelope.data;
  };
  const clerkOpenid = 'wx-openid-clerk';
  // Calls read `install` when made (a test may set `phones` at any time), so it is built before the first call.
  const install: FreshInstall = {
    phones: undefined,
    store,
    clock,
    files,
    call,
    ok,
    clerkOpenid,
    upload(rows) {
      const up = files.newUpload('csv');
      writeFileSync(up.path, csvText(rows), 'utf8');
      return up.fileId;
    },
    async close() {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
  const boot = await bootstrapCollege(store, clock, { ...COLLEGE, ...BOOTSTRAP_CLERK });
  await ok(clerkOpenid, 'roster', 'join', {
    code: boot.code,
    number: BOOTSTRAP_CLERK.staffNo,
    name: BOOTSTRAP_CLERK.name,
  });
  return install;
}
