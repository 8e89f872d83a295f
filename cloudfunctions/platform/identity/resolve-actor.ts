import { z } from 'zod';
import { Grant, type Actor } from '../../../types/domain';
import type { Store } from '../store/store';

const StoredUser = z.object({ _id: z.string(), openid: z.string(), name: z.string(), grants: z.array(Grant) });

/** The caller, found by the OPENID that WeChat (or the local session) vouches for; null if unknown. */
export async function resolveActor(store: Store, openid: string): Promise<Actor | null> {
  const [row] = await store.query('users', { where: { openid }, limit: 1 });
  if (row === undefined) return null;
  const user = StoredUser.parse(row);
  return { userId: user._id, openid: user.openid, name: user.name, grants: user.grants };
}
