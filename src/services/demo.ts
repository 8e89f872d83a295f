import type { Role } from '../../types/domain';

/** The local server's demo sign-in (H5 only): pick a seeded person, get a signed session. */
export type DemoUser = { userId: string; name: string; roles: Role[]; detail: string };

export async function listDemoUsers(): Promise<DemoUser[]> {
  const response = await fetch(`/api/demo/users`);
  if (!response.ok) throw new Error('无法获取演示账号');
  const body = (await response.json()) as { users: DemoUser[] };
  return body.users;
}

/** Sign in as a seeded person, or (`newWechat`) as a WeChat the system has never seen: a parent before binding. */
export async function signInAs(who: { userId: string } | { newWechat: true }): Promise<string> {
  const response = await fetch(`/api/demo/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(who),
  });
  const body = (await response.json()) as { token?: string; message?: string };
  if (!response.ok || !body.token) throw new Error(body.message ?? '登录失败');
  return body.token;
}
