import { expect } from '@jest/globals';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { issueSession } from '../../../cloudfunctions/platform/identity/session';
import { fixedClock } from '../../../cloudfunctions/core/time/clock';
import { openSqliteStore } from '../../../cloudfunctions/platform/store/sqlite-store';
import type { Store } from '../../../cloudfunctions/platform/store/store';
import { seedTwoClasses, type TwoClasses } from '../../support/build/two-classes';
import { DEMO_OPENID_PREFIX } from '../../../scripts/demo/generate';
import { startLocalServer, type LocalServer } from '../../../scripts/server/local-server';

type Answer = { status: number; body: string; json: unknown };

/** Defects 3 and 8: uploads are bounded, role-checked and atomic; HTTP edges answer 4xx with the envelope. */
describe('local server: uploads and HTTP edges', () => {
  let dir: string;
  let store: Store;
  let server: LocalServer;
  let p: TwoClasses;
  const clock = fixedClock('2026-11-23T09:00:00+08:00');
  const LIMIT = 64 * 1024;
  const uploads = () => {
    try {
      return readdirSync(join(dir, 'data', 'uploads'));
    } catch {
      return [];
    }
  };
  const tokenOf = (userOrOpenid: string) =>
    issueSession(
      server.keys,
      userOrOpenid.startsWith(DEMO_OPENID_PREFIX) ? userOrOpenid : DEMO_OPENID_PREFIX + userOrOpenid,
      clock.now(),
    ).token;

  const call = (
    method: string,
    path: string,
    body?: Buffer | string,
    headers: Record<string, string> = {},
  ): Promise<Answer> =>
    new Promise((ok, fail) => {
      const url = new URL(server.url);
      const req = request({ host: url.hostname, port: url.port, method, path, headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          let json: unknown = null;
          try {
            json = JSON.parse(text);
          } catch {
            json = null;
          }
          ok({ status: res.statusCode ?? 0, body: text, json });
        });
      });
      req.on('error', fail);
      if (body !== undefined) req.write(body);
      req.end();
    });

  const envelope = expect.objectContaining({
    ok: false,
    code: expect.any(String),
    message: expect.stringMatching(/[\u4e00-\u9fff]/),
  });

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'xueye-edges-'));
    store = openSqliteStore(join(dir, 'store.sqlite'));
    p = await seedTwoClasses(store, '2026-09-01T08:00:00.000+08:00');
    const web = join(dir, 'web');
    mkdirSync(web);
    writeFileSync(join(web, 'index.html'), '<!doctype html><title>学业帮扶</title>');
    server = await startLocalServer({ store, clock, dataDir: join(dir, 'data'), webRoot: web, maxUploadBytes: LIMIT });
  });
  afterAll(async () => {
    await server.close();
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  describe('uploads (/api/files)', () => {
    it('a clerk uploads a grade export within the limit', async () => {
      const answer = await call('POST', '/api/files?ext=csv', '学号,课程\n1,2\n', {
        authorization: `Bearer ${tokenOf('t-clerk')}`,
      });
      expect(answer.status).toBe(200);
      expect(answer.json).toMatchObject({ ok: true, data: { fileId: expect.stringMatching(/^local:.+\.csv$/) } });
      expect(uploads().filter((f) => f.endsWith('.csv'))).toHaveLength(1);
    });

    it('refuses callers who may not import: a new WeChat, a student, a counselor', async () => {
      const before = uploads().length;
      for (const who of [`${DEMO_OPENID_PREFIX}wechat-stranger`, p.studentUser, p.counselorUser]) {
        const answer = await call('POST', '/api/files?ext=csv', 'x'.repeat(100), {
          authorization: `Bearer ${tokenOf(who)}`,
        });
        expect(answer.status).toBe(403);
        expect(answer.json).toEqual(envelope);
      }
      expect(uploads()).toHaveLength(before);
    });

    it('refuses an upload over the limit with 413 and keeps no file, partial or temporary', async () => {
      const before = uploads().length;
      const answer = await call('POST', '/api/files?ext=csv', Buffer.alloc(LIMIT * 3, 65), {
        authorization: `Bearer ${tokenOf('t-clerk')}`,
      });
      expect(answer.status).toBe(413);
      expect(answer.json).toEqual(envelope);
      expect(uploads()).toHaveLength(before);
    });

    it('an aborted upload leaves no file', async () => {
      const before = uploads().length;
      await new Promise<void>((done) => {
        const url = new URL(server.url);
        const req = request({
          host: url.hostname,
          port: url.port,
          method: 'POST',
          path: '/api/files?ext=csv',
          headers: { authorization: `Bearer ${tokenOf('t-clerk')}`, 'content-length': String(LIMIT / 2) },
        });
        req.on('error', () => done());
        req.write(Buffer.alloc(1024, 66));
        setTimeout(() => {
          req.destroy();
          done();
        }, 50);
      });
      // Give the server a moment to notice the reset and clean up.
      for (let i = 0; i < 40 && uploads().length !== before; i++) await new Promise((r) => setTimeout(r, 25));
      expect(uploads()).toHaveLength(before);
    });
  });

  describe('HTTP edges', () => {
    it.each(['/%zz', '/api/fn/%zz', '/%E0%A4%A'])('malformed escapes (%s) get 400 with the envelope', async (path) => {
      const answer = await call('GET', path);
      expect(answer.status).toBe(400);
      expect(answer.json).toEqual(envelope);
    });

    it.each(['constructor', 'toString', 'hasOwnProperty', '__proto__', 'valueOf'])(
      '/api/fn/%s is an unknown function (404), not a 500',
      async (name) => {
        const answer = await call('POST', `/api/fn/${name}`, JSON.stringify({ action: 'me' }), {
          'content-type': 'application/json',
        });
        expect(answer.status).toBe(404);
        expect(answer.json).toEqual(envelope);
      },
    );

    it.each(['{', '[', 'null', '"x"', '{"userId":42}'])(
      'a bad body to /api/demo/session (%s) gets 400 with the envelope',
      async (body) => {
        const answer = await call('POST', '/api/demo/session', body, { 'content-type': 'application/json' });
        expect(answer.status).toBe(400);
        expect(answer.json).toEqual(envelope);
      },
    );

    it('an unknown demo user is a 404 envelope', async () => {
      const answer = await call('POST', '/api/demo/session', JSON.stringify({ userId: 'nobody' }));
      expect(answer.status).toBe(404);
      expect(answer.json).toEqual(envelope);
    });

    it('a body over 6 MB gets 413 with the envelope, not a reset connection', async () => {
      const answer = await call('POST', '/api/fn/identity', Buffer.alloc(6 * 1024 * 1024 + 10, 32), {
        'content-type': 'application/json',
      });
      expect(answer.status).toBe(413);
      expect(answer.json).toEqual(envelope);
    });

    it.each(['POST', 'PUT', 'DELETE', 'PATCH'])('the static server answers %s with 405', async (method) => {
      const answer = await call(method, '/index.html', method === 'DELETE' ? undefined : 'x');
      expect(answer.status).toBe(405);
    });

    it('expired, forged and tampered tokens are no caller: AUTH.REQUIRED, and no upload', async () => {
      const good = tokenOf('t-clerk');
      const [openid, expires, signature] = good.split('.');
      const expired = issueSession(
        server.keys,
        `${DEMO_OPENID_PREFIX}t-clerk`,
        new Date(clock.now().getTime() - 9 * 3_600_000),
      ).token;
      const forged = issueSession({ secret: Buffer.alloc(32, 7) }, `${DEMO_OPENID_PREFIX}t-clerk`, clock.now()).token;
      const tampered = `${Buffer.from(`${DEMO_OPENID_PREFIX}t-leader`).toString('base64url')}.${expires}.${signature}`;
      const longer = `${openid}.${Number(expires) + 3_600_000}.${signature}`;
      for (const token of [expired, forged, tampered, longer, 'garbage', `${good}.x`]) {
        const me = await call('POST', '/api/fn/identity', JSON.stringify({ action: 'me' }), {
          authorization: `Bearer ${token}`,
        });
        expect(me.json).toEqual(expect.objectContaining({ ok: false, code: 'AUTH.REQUIRED' }));
        const up = await call('POST', '/api/files?ext=csv', 'x', { authorization: `Bearer ${token}` });
        expect(up.status).toBe(401);
      }
      const me = await call('POST', '/api/fn/identity', JSON.stringify({ action: 'me' }), {
        authorization: `Bearer ${good}`,
      });
      expect(me.json).toMatchObject({ ok: true });
    });

    it('GET and HEAD of the app still work', async () => {
      expect((await call('GET', '/')).body).toContain('学业帮扶');
      expect((await call('HEAD', '/')).status).toBe(200);
    });
  });
});
