import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { z } from 'zod';
import { fixedClock } from '../../../cloudfunctions/core/time/clock';
import { issueSession } from '../../../cloudfunctions/platform/identity/session';
import { openSqliteStore } from '../../../cloudfunctions/platform/store/sqlite-store';
import type { Store } from '../../../cloudfunctions/platform/store/store';
import { bootstrapCollege } from '../../../cloudfunctions/application/roster/bootstrap';
import { functions } from '../../../cloudfunctions/registry';
import { startLocalServer, type LocalServer } from '../../../scripts/server/local-server';

/** 学工部 imports the college's files for the school: the local stand-in for cloud upload lets them upload. */
describe('roster files uploaded by 学工部', () => {
  let dir = '';
  let store: Store;
  let server: LocalServer;
  const clock = fixedClock('2026-11-25T10:00:00+08:00');

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'xueye-roster-upload-'));
    store = openSqliteStore(join(dir, 's.sqlite'));
    const web = join(dir, 'web');
    mkdirSync(web);
    writeFileSync(join(web, 'index.html'), '<!doctype html><title>学业帮扶</title>');
    server = await startLocalServer({ store, clock, dataDir: join(dir, 'data'), webRoot: web });
    const boot = await bootstrapCollege(store, clock, {
      collegeId: 'life',
      collegeName: '生命科学与工程学院',
      staffNo: 'X0001',
      name: '学工部老师',
      role: 'studentAffairs',
    });
    const joined = await functions.roster?.dispatch(
      { action: 'join', input: { code: boot.code, number: 'X0001', name: '学工部老师' } },
      { store, clock, files: server.files, openid: 'wx-school' },
    );
    expect(joined).toMatchObject({ ok: true, data: { roles: ['studentAffairs'] } });
  });
  afterAll(async () => {
    await server.close();
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const upload = (openid: string) =>
    new Promise<{ status: number; body: string }>((ok, fail) => {
      const req = request(
        `${server.url}/api/files?ext=csv`,
        {
          method: 'POST',
          headers: { authorization: `Bearer ${issueSession(server.keys, openid, clock.now()).token}` },
        },
        (res) => {
          let body = '';
          res.on('data', (c: Buffer) => (body += c.toString('utf8')));
          res.on('end', () => ok({ status: res.statusCode ?? 0, body }));
        },
      );
      req.on('error', fail);
      req.end('工号,姓名,角色,手机\n');
    });

  it('学工部 may upload (and then preview for a college it names); an unknown WeChat may not', async () => {
    const answer = await upload('wx-school');
    expect(answer.status).toBe(200);
    const fileId = z.object({ data: z.object({ fileId: z.string() }) }).parse(JSON.parse(answer.body)).data.fileId;
    const preview = await functions.roster?.dispatch(
      { action: 'preview', input: { kind: 'staff', fileId, collegeId: 'life' } },
      { store, clock, files: server.files, openid: 'wx-school' },
    );
    expect(preview).toMatchObject({ ok: true, data: { fatal: null, rows: 0 } });
    expect((await upload('wx-nobody')).status).toBe(403);
  });
});
