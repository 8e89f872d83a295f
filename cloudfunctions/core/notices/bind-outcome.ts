import { DomainError } from '../errors';

/**
 * What a parent's bind attempt ends in when it does not bind: the decisions the bind handlers
 * (bindParent, bindParentByPhone) leave to the domain, in the words the parent reads.
 */

/** Binding needs the OPENID WeChat names: never anything in the payload. */
export function requireWechat(openid: string | null | undefined): string {
  if (!openid) throw new DomainError('AUTH.REQUIRED', '请在微信中打开小程序再绑定');
  return openid;
}

/** The phone proof needs WeChat's number exchange; elsewhere the typed proof is the way. */
export function requirePhoneService<P>(phones: P | null | undefined): P {
  if (!phones)
    throw new DomainError(
      'BINDING.PHONE_UNAVAILABLE',
      '此处无法通过微信验证手机号，请填写孩子学号和家长姓名绑定',
      'phoneCode',
    );
  return phones;
}

/** The number WeChat verified, or null when WeChat refused the exchange. */
export function requireVerifiedPhone<V>(verified: V | null): V {
  if (verified === null)
    throw new DomainError(
      'BINDING.PHONE_UNVERIFIED',
      '微信未能验证手机号，请重试，或填写孩子学号和家长姓名绑定',
      'phoneCode',
    );
  return verified;
}

/** A wrong number counted as a wrong try on the code (and the counselor told) binds no one. */
export function assertPhoneBound(bound: boolean): void {
  if (!bound)
    throw new DomainError(
      'BINDING.PHONE_MISMATCH',
      '您微信绑定的手机号与学院登记的家长电话不一致，已告知辅导员；也可以填写孩子学号和家长姓名绑定',
      'phoneCode',
    );
}

/** A bind whose transaction kept losing races gives up after `retries` tries. */
export function assertRetriesLeft(attempt: number, retries: number): void {
  if (attempt >= retries) throw new DomainError('BINDING.BUSY', '绑定请求过于频繁，请稍后再试', 'code');
}

/**
 * The typed proof's verdict. A try that lost a race is counted as failed without its proof being
 * looked at again; which of the two fields was wrong is never said, so the proof cannot be
 * guessed one field at a time.
 */
export function assertProofBound(verdict: 'bound' | 'mismatch', lostRace: boolean): void {
  if (verdict === 'mismatch' && lostRace)
    throw new DomainError('BINDING.BUSY', '同时提交的绑定请求过多，本次按核对失败计，请稍后再试', 'studentNo');
  if (verdict === 'mismatch')
    throw new DomainError('BINDING.PROOF_MISMATCH', '孩子学号或家长姓名与学院登记的信息不一致', 'studentNo');
}
