import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

/**
 * Local stand-in for WeChat's identity: the demo sign-in issues a token naming a seeded user's
 * OPENID, signed with HMAC-SHA256 and expiring. The secret is made on first run, kept in the
 * data folder, never committed.
 */
export type SessionKeys = { secret: Buffer };

export const SESSION_TTL_MS = 8 * 60 * 60 * 1000;

export function loadOrCreateSecret(file: string): SessionKeys {
  if (existsSync(file)) return { secret: Buffer.from(readFileSync(file, 'utf8').trim(), 'hex') };
  mkdirSync(dirname(file), { recursive: true });
  const secret = randomBytes(32);
  writeFileSync(file, secret.toString('hex'), { mode: 0o600 });
  return { secret };
}

function sign(keys: SessionKeys, payload: string): string {
  return createHmac('sha256', keys.secret).update(payload).digest('base64url');
}

export function issueSession(
  keys: SessionKeys,
  openid: string,
  now: Date,
  ttlMs = SESSION_TTL_MS,
): { token: string; expiresAt: string } {
  const expires = now.getTime() + ttlMs;
  const payload = `${Buffer.from(openid).toString('base64url')}.${expires}`;
  return { token: `${payload}.${sign(keys, payload)}`, expiresAt: new Date(expires).toISOString() };
}

/** The OPENID a token vouches for, or null when it is forged, altered or expired. */
export function verifySession(keys: SessionKeys, token: string, now: Date): string | null {
  const parts = token.split('.');
  if (parts.length !== 3) return null;
  const [encodedOpenid, expires, signature] = parts as [string, string, string];
  const expected = Buffer.from(sign(keys, `${encodedOpenid}.${expires}`));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
  if (!/^\d+$/.test(expires) || Number(expires) <= now.getTime()) return null;
  return Buffer.from(encodedOpenid, 'base64url').toString('utf8');
}
