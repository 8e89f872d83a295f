import { randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { pipeline } from 'node:stream/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';
import { z } from 'zod';
import { roleLabel, type User } from '../../types/domain';
import type { Envelope } from '../../types/envelope';
import { functions } from '../../cloudfunctions/registry';
import type { Clock } from '../../cloudfunctions/core/time/clock';
import { issueSession, loadOrCreateSecret, verifySession, type SessionKeys } from '../../cloudfunctions/platform/identity/session';
import { queryAll, type Store } from '../../cloudfunctions/platform/store/store';
import { localFiles } from '../../cloudfunctions/platform/files/local-files';
import { serveStatic } from './static-files';
import { DEMO_OPENID_PREFIX } from '../demo/generate';

const MAX_BODY = 6 * 1024 * 1024; // CloudBase's request limit

export type LocalServerOptions = {
  store: Store;
  clock: Clock;
  dataDir: string;
  /** Folder of the H5 build to serve. */
  webRoot: string;
  host?: string;
  port?: number;
};

export type LocalServer = { url: string; server: Server; keys: SessionKeys; files: ReturnType<typeof localFiles>; close(): Promise<void> };

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((ok, fail) => {
    let size = 0;
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY) {
        fail(new Error('请求过大'));
        req.destroy();
      } else chunks.push(chunk);
    });
    req.on('end', () => ok(Buffer.concat(chunks).toString('utf8')));
    req.on('error', fail);
  });
}

function send(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  res.end(JSON.stringify(body));
}

function describe(user: User): string {
  const parts = user.grants.map((g) => {
    if (g.role === 'student') return g.studentId;
    if (g.role === 'parent') return `孩子 ${g.childIds.join('、')}`;
    if ('classIds' in g) return `${g.classIds.length} 个班`;
    return roleLabel[g.role];
  });
  return parts.join('；');
}

const SessionRequest = z.union([z.object({ userId: z.string().min(1).max(64) }), z.object({ newWechat: z.literal(true) })]);

/**
 * The local stand-in for CloudBase: the same function handlers over HTTP on 127.0.0.1, on the
 * embedded store; a signed demo session stands in for the WeChat identity.
 */
export async function startLocalServer(options: LocalServerOptions): Promise<LocalServer> {
  const { store, clock } = options;
  const keys = loadOrCreateSecret(join(options.dataDir, 'session-secret'));
  const webRoot = resolve(options.webRoot);
  const files = localFiles(options.dataDir);

  const openidOf = (req: IncomingMessage): string | null => {
    const header = req.headers.authorization ?? '';
    const token = header.startsWith('Bearer ') ? header.slice(7) : '';
    return token ? verifySession(keys, token, clock.now()) : null;
  };

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const url = req.url ?? '/';
    const fnMatch = /^\/api\/fn\/([a-z][a-zA-Z]*)$/.exec(url);
    if (fnMatch && req.method === 'POST') {
      const fn = functions[fnMatch[1] ?? ''];
      if (!fn) return send(res, 404, { ok: false, code: 'FUNCTION.UNKNOWN', message: '不存在的云函数' } satisfies Envelope<never>);
      let event: unknown;
      try {
        event = JSON.parse(await readBody(req));
      } catch {
        return send(res, 400, { ok: false, code: 'INPUT.INVALID', message: '请求格式不正确' } satisfies Envelope<never>);
      }
      return send(res, 200, await fn.dispatch(event, { store, clock, files, openid: openidOf(req) }));
    }
    if (url.startsWith('/api/files') && req.method === 'POST') {
      // Stand-in for wx.cloud.uploadFile: a signed-in caller uploads a grade export.
      if (!openidOf(req)) return send(res, 401, { ok: false, code: 'AUTH.REQUIRED', message: '请先登录' });
      const ext = /[?&]ext=xlsx\b/.test(url) ? 'xlsx' : 'csv';
      const upload = files.newUpload(ext);
      await pipeline(req, createWriteStream(upload.path));
      return send(res, 200, { ok: true, data: { fileId: upload.fileId } });
    }
    if (url === '/api/demo/users' && req.method === 'GET') {
      const users = await queryAll<User>(store, 'users', { orderBy: [{ field: '_id', direction: 'asc' }] });
      return send(res, 200, {
        users: users.map((u) => ({ userId: u._id, name: u.name, roles: [...new Set(u.grants.map((g) => g.role))], detail: describe(u) })),
      });
    }
    if (url === '/api/demo/session' && req.method === 'POST') {
      const parsed = SessionRequest.safeParse(JSON.parse((await readBody(req)) || '{}'));
      if (!parsed.success) return send(res, 400, { message: '请选择一位用户' });
      // A WeChat nobody registered yet, as a parent is before binding: a fresh OPENID, no user.
      if ('newWechat' in parsed.data) return send(res, 200, issueSession(keys, `${DEMO_OPENID_PREFIX}wechat-${randomUUID()}`, clock.now()));
      const user = await store.get<User>('users', parsed.data.userId);
      if (!user) return send(res, 404, { message: '没有这位演示用户' });
      return send(res, 200, issueSession(keys, user.openid, clock.now()));
    }
    if (url.startsWith('/api/')) return send(res, 404, { ok: false, code: 'NOT_FOUND', message: '接口不存在' });
    return serveStatic(webRoot, url, res);
  };

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      console.error(error);
      if (!res.headersSent) send(res, 500, { ok: false, code: 'INTERNAL', message: '服务暂时不可用' });
    });
  });
  await new Promise<void>((ok) => server.listen(options.port ?? 0, options.host ?? '127.0.0.1', ok));
  const address: AddressInfo | string | null = server.address();
  if (address === null || typeof address === 'string') throw new Error('local server has no TCP address');
  const { port } = address;
  return {
    url: `http://127.0.0.1:${port}`,
    server,
    keys,
    files,
    close: () => new Promise<void>((ok) => server.close(() => ok())),
  };
}
