import { DomainError } from '../errors';

/** How often a join whose write lost a race is retried, each counted as a failed try on the code. */
export const JOIN_CONFLICT_RETRIES = 5;

/** Who may join: a WeChat (its OPENID, never the payload's) that is nobody yet. */
export function checkJoiner(openid: string | null | undefined, signedIn: { name: string } | null | undefined): void {
  if (!openid) throw new DomainError('AUTH.REQUIRED', '请在微信中打开小程序再加入');
  if (signedIn) throw new DomainError('INVITE.WECHAT_TAKEN', `这个微信已开通（${signedIn.name}），请用本人的微信加入`);
}

/** The person a live code was made for; a code whose person is gone is as good as a wrong code. */
export function inviteeOf<U>(user: U | null): U {
  if (!user) throw new DomainError('INVITE.INVALID', '邀请码不正确，请核对后重新输入', 'code');
  return user;
}

/** Checked inside the write: another WeChat may have joined as this person meanwhile. */
export function stillUnjoined<U>(person: U | null, joined: (person: U) => boolean): U {
  if (!person || joined(person))
    throw new DomainError('INVITE.USED', '该人员已用另一个微信加入，请联系学院教学秘书', 'code');
  return person;
}

/** The typed 工号/学号 and name were not the person's (or the try lost a race and counted as failed). */
export function checkJoined(ok: boolean): void {
  if (!ok) throw new DomainError('INVITE.PROOF_MISMATCH', '工号/学号或姓名与学院导入的信息不一致', 'number');
}

/** After the last retry a join that keeps losing races gives up and says so. */
export function checkRetry(attempt: number): void {
  if (attempt >= JOIN_CONFLICT_RETRIES) throw new DomainError('INVITE.BUSY', '请求过于频繁，请稍后再试', 'code');
}
