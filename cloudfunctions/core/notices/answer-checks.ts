import { signatureBelongsTo, type SignatureSigner } from '../../../types/signature';
import { DomainError } from '../errors';
import { toIso } from '../time/shanghai';

/** How far ahead of the server a phone's clock may be when it says "now". */
export const CLOCK_SKEW_MS = 5 * 60_000;

/** An uploaded signature must be the image the app put under this notice's folder for this signer (types/signature.ts). */
export function assertOwnSignature(signature: string, noticeId: string, signer: SignatureSigner): void {
  if (!signatureBelongsTo(signature, noticeId, signer))
    throw new DomainError('INPUT.INVALID', '签名文件与该通知不符，请重新签名', 'signature');
}

/** A phone call the counselor records cannot lie in the future (a phone clock a few minutes fast is allowed). */
export function assertCallNotAhead(at: string, nowIso: string): void {
  if (Date.parse(at) > Date.parse(nowIso) + CLOCK_SKEW_MS)
    throw new DomainError('INPUT.INVALID', '通话时间不能晚于现在', 'at');
}

/** When the call happened: between the notice's issue and now, a few minutes ahead brought back to now. */
export function callTime(at: string, nowIso: string, issuedAt: string): string {
  assertCallNotAhead(at, nowIso);
  if (Date.parse(at) < Date.parse(issuedAt))
    throw new DomainError('INPUT.INVALID', '通话时间不能早于通知下发时间', 'at');
  return Date.parse(at) > Date.parse(nowIso) ? nowIso : toIso(at);
}

/** A binding code goes by text to the parent phone on file: without one the counselor checks the contact first. */
export function requireParentPhone(phone: string): string {
  if (!phone) throw new DomainError('BINDING.NO_PHONE', '学院没有登记该生的家长电话，请先核实家长联系方式');
  return phone;
}
