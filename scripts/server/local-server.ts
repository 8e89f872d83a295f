import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';
import { z } from 'zod';
import { roleLabel, type User } from '../../types/domain';
import type { Envelope, ErrorCode } from '../../types/envelope';
import { functions } from '../../cloudfunctions/registry';
import type { Clock } from '../../cloudfunctions/core/time/clock';
import {
  issueSession,
  loadOrCreateSecret,
  verifySession,
  type SessionKeys,
} from '../../cloudfunctions/platform/identity/session';
import { queryAll, type Store } from '../../cloudfunctions/platform/store/store';
import { localFiles } from '../../cloudfunctions/platform/files/local-files';
import {
  receiveUpload,
  UploadAbortedError,
  UploadTooLargeError,
} from '../../cloudfunctions/platform/files/receive-upload';
import { resolveActor } from '../../cloudfunctions/platform/identity/resolve-actor';
import { rolesWith } from '../../cloudfunctions/core/access/authorize';
import { serveStatic } from './static-files';
import { DEMO_OPENID_PREFIX } from '../demo/generate';

const MAX_BODY = 6 * 1024 * 1024; // CloudBase's request limit
/** A college's grade export is a few MB; anything near this is not one. */
export const MAX_UPLOAD_BYTES = 20 * 1024 * 1024;

export type LocalServerOptions = {
  store: Store;
  clock: Clock;
  dataDir: string;
  /** Folder of the H5 build to serve. */
  webRoot: string;
  host?: string;
  port?: number;
  /** Largest upload accepted by /api/files (default MAX_UPLOAD_BYTES). */
  maxUploadBytes?: number;
};

export type LocalServer = {
  url: string;
  server: Server;
  keys: SessionKeys;
  files: ReturnType<typeof localFiles>;
  close(): Promise<void>;
};

/**
 * The body as text, or null past MAX_BODY: the rest is read and dropped (up to a bound) so
 * the caller gets a 413 answer, not a reset connection.
 */
function readBody(req: IncomingMessage): Promise<string | null> {
  return new Promise((ok, fail) => {
    let size = 0;
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_BODY) chunks.push(chunk);
      else if (size > MAX_BODY * 4) req.destroy();
    });
    req.on('end', () => ok(size > MAX_BODY ? null : Buffer.concat(chunks).toString('utf8')));
    req.on('error', fail);
  });
}

function send(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  res.end(JSON.stringify(body));
}

function fail(res: ServerResponse, status: number, code: ErrorCode, message: string): void {
  send(res, status, { ok: false, code, message } satisfies Envelope<never>);
}

const tooLarge = (res: ServerResponse) => fail(res, 413, 'INPUT.TOO_LARGE', '请求过大（最多 6 MB）');

/** JSON of a body, or undefined when it is not JSON (answered 400 by the caller). */
function parseJson(text: string): { value: unknown } | undefined {
  try {
    return { value: JSON.parse(text) };
  } catch {
    return undefined;
  }
}

/** The path without the query, %-decoded; null when an escape is malformed. */
function decodedPath(url: string): string | null {
  try {
    return decodeURIComponent(url.split('?')[0] ?? '/');
  } catch {
    return null;
  }
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

const SessionRequest = z.union([
  z.object({ userId: z.string().min(1).max(64) }),
  z.object({ newWechat: z.literal(true) }),
]);

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

  const maxUpload = options.maxUploadBytes ?? MAX_UPLOAD_BYTES;

  /** Stand-in for wx.cloud.uploadFile: only someone who may import grades uploads (a grade export). */
  const upload = async (req: IncomingMessage, res: ServerResponse, url: string) => {
    const openid = openidOf(req);
    if (!openid) return fail(res, 401, 'AUTH.REQUIRED', '请先登录');
    const actor = await resolveActor(store, openid);
    // Grade exports (the clerk) and the college's roster files (the clerk, 学工部 for the school).
    if (!actor || (rolesWith(actor, 'grades.import').length === 0 && rolesWith(actor, 'roster.import').length === 0)) {
      req.resume();
      return fail(res, 403, 'ACCESS.DENIED', '只有教务员或学工部可以上传文件');
    }
    const declared = Number(req.headers['content-length']);
    if (Number.isFinite(declared) && declared > maxUpload) {
      req.resume();
      return fail(res, 413, 'FILE.TOO_LARGE', `文件过大（最多 ${Math.round(maxUpload / 1024 / 1024)} MB）`);
    }
    const ext = /[?&]ext=xlsx\b/.test(url) ? 'xlsx' : 'csv';
    const target = files.newUpload(ext);
    try {
      await receiveUpload(req, target.path, maxUpload);
    } catch (error) {
      if (error instanceof UploadTooLargeError)
        return fail(
          res,
          413,
          'FILE.TOO_LARGE',
          `文件过大（最多 ${Math.max(1, Math.round(maxUpload / 1024 / 1024))} MB）`,
        );
      // The sender is gone: nobody to answer, and nothing was kept.
      if (error instanceof UploadAbortedError) return undefined;
      throw error;
    }
    return send(res, 200, { ok: true, data: { fileId: target.fileId } });
  };

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const url = req.url ?? '/';
    const path = decodedPath(url);
    if (path === null) {
      req.resume();
      return fail(res, 400, 'INPUT.INVALID', '地址格式不正确');
    }
    const fnMatch = /^\/api\/fn\/([a-z][a-zA-Z]*)$/.exec(path);
    if (fnMatch && req.method === 'POST') {
      const name = fnMatch[1] ?? '';
      // Own keys only: `constructor`, `toString`… are Object's, not functions of ours.
      const fn = Object.hasOwn(functions, name) ? functions[name] : undefined;
      if (!fn) {
        req.resume();
        return fail(res, 404, 'FUNCTION.UNKNOWN', '不存在的云函数');
      }
      const body = await readBody(req);
      if (body === null) return tooLarge(res);
      const event = parseJson(body);
      if (!event) return fail(res, 400, 'INPUT.INVALID', '请求格式不正确');
      return send(res, 200, await fn.dispatch(event.value, { store, clock, files, openid: openidOf(req) }));
    }
    if (path === '/api/files' && req.method === 'POST') return upload(req, res, url);
    if (path === '/api/demo/users' && req.method === 'GET') {
      const users = await queryAll(store, 'users', { orderBy: [{ field: '_id', direction: 'asc' }] });
      return send(res, 200, {
        users: users.map((u) => ({
          userId: u._id,
          name: u.name,
          roles: [...new Set(u.grants.map((g) => g.role))],
          detail: describe(u),
        })),
      });
    }
    if (path === '/api/demo/session' && req.method === 'POST') {
      const body = await readBody(req);
      if (body === null) return tooLarge(res);
      const json = parseJson(body || '{}');
      const parsed = json ? SessionRequest.safeParse(json.value) : null;
      if (!parsed?.success) return fail(res, 400, 'INPUT.INVALID', '请选择一位用户');
      // A WeChat nobody registered yet, as a parent is before binding: a fresh OPENID, no user.
      if ('newWechat' in parsed.data)
        return send(res, 200, issueSession(keys, `${DEMO_OPENID_PREFIX}wechat-${randomUUID()}`, clock.now()));
      const user = await store.get('users', parsed.data.userId);
      if (!user) return fail(res, 404, 'NOT_FOUND', '没有这位演示用户');
      return send(res, 200, issueSession(keys, user.openid, clock.now()));
    }
    if (path.startsWith('/api/')) {
      req.resume();
      return fail(res, 404, 'NOT_FOUND', '接口不存在');
    }
    req.resume();
    return serveStatic(webRoot, path, req.method ?? 'GET', res);
  };

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      console.error(error);
      if (!res.headersSent && !res.destroyed)
        send(res, 500, { ok: false, code: 'INTERNAL', message: '服务暂时不可用' });
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
