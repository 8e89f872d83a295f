import { z } from 'zod';
import { type InviteCode } from '../../../types/roster';
import { displayCode } from '../../core/notices/binding';
import { INVITE_DAYS } from '../../core/roster/invite';
import { staffGrants } from '../../core/roster/staff-grants';
import type { Clock } from '../../core/time/clock';
import { shanghai, toIso } from '../../core/time/shanghai';
import { bindingCodeHash, newBindingCode } from '../notices/binding-codes';
import type { Store } from '../../platform/store/store';
import { staffUserId } from '../../core/roster/ids';
import { pendingOpenid } from '../repositories/staff';

export const BootstrapInput = z.object({
  collegeId: z.string().regex(/^[a-z][a-z0-9-]{1,31}$/, '学院编号只能含小写字母、数字和连字符'),
  collegeName: z.string().trim().min(1).max(60),
  staffNo: z.string().regex(/^[A-Za-z0-9_-]{1,32}$/, '工号只能含字母和数字'),
  name: z.string().trim().min(1).max(32),
  phone: z
    .string()
    .regex(/^1\d{10}$/, '手机应为 11 位')
    .optional(),
  role: z.enum(['clerk', 'studentAffairs']).default('clerk'),
});
export type BootstrapInput = z.input<typeof BootstrapInput>;

/**
 * The first person of a fresh install: the college and its clerk (or 学工部), not yet joined, with
 * a one-time invite code to join in WeChat. Everything else comes from files the clerk imports.
 * Run again for the same person: a new code, the old one revoked.
 */
export async function bootstrapCollege(
  store: Store,
  clock: Clock,
  raw: BootstrapInput,
): Promise<{ userId: string; code: string; expiresAt: string }> {
  const input = BootstrapInput.parse(raw);
  const at = toIso(clock.now());
  const write = { by: 'bootstrap', at };
  if (!(await store.get('colleges', input.collegeId)))
    await store.add('colleges', { _id: input.collegeId, name: input.collegeName, departments: [] }, write);
  const userId = staffUserId(input.staffNo);
  const existing = await store.get('users', userId);
  const fields = {
    name: input.name,
    staffNo: input.staffNo,
    roles: [input.role],
    phone: input.phone ?? '',
    department: '',
    collegeId: input.collegeId,
    active: true,
  };
  const grants = staffGrants(
    { userId, roles: fields.roles, collegeId: input.collegeId, departmentId: '', active: true },
    [],
    [],
  );
  if (existing) await store.update('users', userId, { ...fields, grants }, existing._version, write);
  else await store.add('users', { _id: userId, openid: pendingOpenid(userId), grants, ...fields }, write);
  for (const old of await store.query('inviteCodes', { where: { userId, usedAt: null, revoked: false }, limit: 100 })) {
    await store.update('inviteCodes', old._id, { revoked: true }, old._version, write);
  }
  const code = newBindingCode();
  const expiresAt = toIso(shanghai(at).add(INVITE_DAYS, 'day'));
  const doc: InviteCode = {
    _id: bindingCodeHash(code),
    userId,
    collegeId: input.collegeId,
    expiresAt,
    usedAt: null,
    usedByOpenid: null,
    failedAttempts: 0,
    revoked: false,
  };
  await store.add('inviteCodes', doc, write);
  return { userId, code: displayCode(code), expiresAt };
}
