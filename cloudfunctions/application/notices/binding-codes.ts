import { createHash, randomInt } from 'node:crypto';
import { CODE_ALPHABET, CODE_LENGTH, normalizeCode } from '../../core/notices/binding';
import type { CurrentBindingCodeDocument } from '../../platform/store/documents/small';

/** A fresh one-time code from a cryptographic source (31⁸ ≈ 8.5×10¹¹ codes). */
export function newBindingCode(): string {
  let code = '';
  for (let i = 0; i < CODE_LENGTH; i++) code += CODE_ALPHABET[randomInt(CODE_ALPHABET.length)] ?? '';
  return code;
}

/** Codes are stored by this hash only: the store never holds a code someone could read and use. */
export function bindingCodeHash(input: string): string {
  return createHash('sha256')
    .update(`xueye-binding:${normalizeCode(input)}`)
    .digest('hex');
}

/** A stable, non-reversible user id for a WeChat that binds as a parent. */
export function parentUserIdFor(openid: string): string {
  return `pw-${createHash('sha256').update(`xueye-parent:${openid}`).digest('hex').slice(0, 16)}`;
}

/**
 * One document per student naming their live code: making a code reads and rewrites it inside
 * the transaction, so two codes made at the same moment conflict instead of both staying live.
 */
export type CurrentBindingCode = CurrentBindingCodeDocument;

export function currentBindingCodeId(studentId: string): string {
  return `binding-current:${studentId}`;
}
