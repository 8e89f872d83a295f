import type { InviteCode } from '../../../types/roster';
import { DomainError } from '../errors';

/** Wrong tries before an invite code burns (as a parent's binding code does). */
export const INVITE_ATTEMPTS = 5;
/** An invite code lasts a week, like a parent's binding code. */
export const INVITE_DAYS = 7;

/** A code that can no longer let anyone in, and why (checked before the typed proof). */
export function checkInvite<C extends InviteCode>(code: C | null, nowIso: string): C {
  if (!code || code.revoked) throw new DomainError('INVITE.INVALID', '邀请码不正确，请核对后重新输入', 'code');
  if (code.usedAt) throw new DomainError('INVITE.USED', '该邀请码已使用过，请联系学院教学秘书重新获取', 'code');
  if (code.failedAttempts >= INVITE_ATTEMPTS)
    throw new DomainError('INVITE.LOCKED', '核对失败次数过多，该邀请码已失效，请联系学院教学秘书', 'code');
  if (Date.parse(nowIso) >= Date.parse(code.expiresAt))
    throw new DomainError('INVITE.EXPIRED', '该邀请码已过期，请联系学院教学秘书重新获取', 'code');
  return code;
}

const folded = (s: string) =>
  s
    .normalize('NFKC')
    .replace(/[\s·•.-]/g, '')
    .toLowerCase();

/** The proof typed with the code: the person's 工号 or 学号 and their name as the college registered them. */
export function inviteProofMatches(
  registered: { number: string; name: string },
  typed: { number: string; name: string },
): boolean {
  return (
    registered.number !== '' &&
    folded(typed.number) === folded(registered.number) &&
    folded(registered.name) !== '' &&
    folded(typed.name) === folded(registered.name)
  );
}

/** An invite is for someone not yet in: a person who joined with WeChat needs none. */
export function checkInvitable(person: { name: string }, joined: boolean): void {
  if (joined) throw new DomainError('INVITE.ALREADY_JOINED', `${person.name}已用微信加入，无需邀请码`, 'userId');
}
