import { DomainError } from '../../../cloudfunctions/core/errors';
import {
  assertCallNotAhead,
  assertOwnSignature,
  callTime,
  CLOCK_SKEW_MS,
  requireParentPhone,
} from '../../../cloudfunctions/core/notices/answer-checks';
import {
  assertPhoneBound,
  assertProofBound,
  assertRetriesLeft,
  requirePhoneService,
  requireVerifiedPhone,
  requireWechat,
} from '../../../cloudfunctions/core/notices/bind-outcome';

function refusal(fn: () => unknown): { code: string; field: string | undefined } | 'OK' {
  try {
    fn();
    return 'OK';
  } catch (e) {
    if (e instanceof DomainError) return { code: e.code, field: e.field };
    throw e;
  }
}

describe('a parent’s bind that does not bind', () => {
  it('needs the OPENID WeChat names', () => {
    expect(requireWechat('o-1')).toBe('o-1');
    expect(refusal(() => requireWechat(null))).toEqual({ code: 'AUTH.REQUIRED', field: undefined });
    expect(refusal(() => requireWechat(''))).toEqual({ code: 'AUTH.REQUIRED', field: undefined });
  });
  it('needs WeChat’s phone exchange for the phone proof, and a number it verified', () => {
    const phones = { exchange: async () => ({ phoneNumber: '', purePhoneNumber: '', countryCode: '86' }) };
    expect(requirePhoneService(phones)).toBe(phones);
    expect(refusal(() => requirePhoneService(undefined))).toEqual({
      code: 'BINDING.PHONE_UNAVAILABLE',
      field: 'phoneCode',
    });
    expect(refusal(() => requireVerifiedPhone(null))).toEqual({ code: 'BINDING.PHONE_UNVERIFIED', field: 'phoneCode' });
    expect(requireVerifiedPhone({ purePhoneNumber: '13800000000' })).toEqual({ purePhoneNumber: '13800000000' });
  });
  it('a wrong phone is a mismatch the parent is told about', () => {
    expect(refusal(() => assertPhoneBound(true))).toBe('OK');
    expect(refusal(() => assertPhoneBound(false))).toEqual({ code: 'BINDING.PHONE_MISMATCH', field: 'phoneCode' });
  });
  it('gives up after the retries a lost race allows', () => {
    expect(refusal(() => assertRetriesLeft(4, 5))).toBe('OK');
    expect(refusal(() => assertRetriesLeft(5, 5))).toEqual({ code: 'BINDING.BUSY', field: 'code' });
  });
  it('the typed proof: bound, a mismatch that does not say which field, or a lost race counted as failed', () => {
    expect(refusal(() => assertProofBound('bound', false))).toBe('OK');
    expect(refusal(() => assertProofBound('bound', true))).toBe('OK');
    expect(refusal(() => assertProofBound('mismatch', false))).toEqual({
      code: 'BINDING.PROOF_MISMATCH',
      field: 'studentNo',
    });
    expect(() => assertProofBound('mismatch', false)).toThrow('孩子学号或家长姓名与学院登记的信息不一致');
    expect(refusal(() => assertProofBound('mismatch', true))).toEqual({ code: 'BINDING.BUSY', field: 'studentNo' });
  });
});

describe('answers and contacts recorded on a notice', () => {
  const issuedAt = '2026-11-20T10:00:00.000+08:00';
  const now = '2026-11-25T10:00:00.000+08:00';
  it('a signature must be the image under this notice’s folder for this signer', () => {
    expect(refusal(() => assertOwnSignature('data:image/png;base64,AAAA', 'notice-w1', 'student'))).toBe('OK');
    expect(
      refusal(() => assertOwnSignature('cloud://env.bucket/signatures/elsewhere/student-1.png', 'notice-w1', 'parent')),
    ).toEqual({ code: 'INPUT.INVALID', field: 'signature' });
  });
  it('a call lies between the issue and now; a phone a few minutes fast is brought back to now', () => {
    expect(callTime('2026-11-24T09:00:00.000+08:00', now, issuedAt)).toBe('2026-11-24T09:00:00.000+08:00');
    const slightlyAhead = new Date(Date.parse(now) + CLOCK_SKEW_MS - 1000).toISOString();
    expect(callTime(slightlyAhead, now, issuedAt)).toBe(now);
    const farAhead = new Date(Date.parse(now) + CLOCK_SKEW_MS + 1000).toISOString();
    expect(refusal(() => assertCallNotAhead(farAhead, now))).toEqual({ code: 'INPUT.INVALID', field: 'at' });
    expect(refusal(() => callTime(farAhead, now, issuedAt))).toEqual({ code: 'INPUT.INVALID', field: 'at' });
    expect(() => callTime('2026-11-19T10:00:00.000+08:00', now, issuedAt)).toThrow('通话时间不能早于通知下发时间');
  });
  it('a binding code needs a parent phone on file', () => {
    expect(requireParentPhone('13800000000')).toBe('13800000000');
    expect(refusal(() => requireParentPhone(''))).toEqual({ code: 'BINDING.NO_PHONE', field: undefined });
  });
});
