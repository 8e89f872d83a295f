import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { issueSession, loadOrCreateSecret, verifySession } from '../../cloudfunctions/platform/identity/session';

/** The local stand-in for WeChat identity: signed, expiring, unforgeable sessions. */
describe('local demo session', () => {
  const dir = mkdtempSync(join(tmpdir(), 'xueye-session-'));
  const keys = loadOrCreateSecret(join(dir, 'session-secret'));
  const now = new Date('2026-11-23T09:00:00+08:00');

  it('creates the secret once, private to the owner, and reuses it', () => {
    const file = join(dir, 'session-secret');
    expect(statSync(file).mode & 0o077).toBe(0);
    const again = loadOrCreateSecret(file);
    expect(again.secret.equals(keys.secret)).toBe(true);
    expect(readFileSync(file, 'utf8')).toMatch(/^[0-9a-f]{64}$/);
  });

  it('verifies its own token and names the OPENID', () => {
    const { token } = issueSession(keys, 'demo:s-2024311001', now);
    expect(verifySession(keys, token, now)).toBe('demo:s-2024311001');
  });

  it('refuses an expired token', () => {
    const { token } = issueSession(keys, 'demo:s-2024311001', now, 60_000);
    expect(verifySession(keys, token, new Date(now.getTime() + 60_001))).toBeNull();
  });

  it('refuses a token whose OPENID or expiry was altered', () => {
    const { token } = issueSession(keys, 'demo:s-2024311001', now);
    const [, expires, signature] = token.split('.');
    const forgedOpenid = `${Buffer.from('demo:t-clerk').toString('base64url')}.${expires}.${signature}`;
    const forgedExpiry = `${token.split('.')[0]}.${Number(expires) + 1e9}.${signature}`;
    expect(verifySession(keys, forgedOpenid, now)).toBeNull();
    expect(verifySession(keys, forgedExpiry, now)).toBeNull();
  });

  it('refuses a token signed with another secret, and garbage', () => {
    const other = loadOrCreateSecret(join(mkdtempSync(join(tmpdir(), 'xueye-other-')), 'secret'));
    const { token } = issueSession(other, 'demo:t-clerk', now);
    expect(verifySession(keys, token, now)).toBeNull();
    for (const junk of ['', 'a.b', 'a.b.c.d', '...', 'x.1.y']) expect(verifySession(keys, junk, now)).toBeNull();
  });
});
