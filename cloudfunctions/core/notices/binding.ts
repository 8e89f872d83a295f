import type { BindingCode } from '../../../types/notice';
import type { Grant } from '../../../types/domain';
import { DomainError } from '../errors';

/** Letters and digits a parent can read out over the phone without confusion (no 0/O, 1/I/L). */
export const CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
export const CODE_LENGTH = 8;

/** What the parent types, as compared: upper case, no spaces or dashes. */
export function normalizeCode(input: string): string {
  return input.toUpperCase().replace(/[\s-]/g, '');
}

/** The code as the counselor reads it out: ABCD-EFGH. */
export function displayCode(code: string): string {
  return code.length === CODE_LENGTH ? `${code.slice(0, 4)}-${code.slice(4)}` : code;
}

/** A code that cannot bind anyone any more, and why (checked before the phone digits). */
export function checkUsable<C extends BindingCode>(code: C | null, nowIso: string, maxAttempts: number): C {
  if (!code || code.revoked) throw new DomainError('BINDING.INVALID', '绑定码不正确，请核对后重新输入', 'code');
  if (code.usedAt) throw new DomainError('BINDING.USED', '该绑定码已使用过，请联系辅导员重新获取', 'code');
  if (code.failedAttempts >= maxAttempts) throw new DomainError('BINDING.LOCKED', '手机号核对失败次数过多，该绑定码已失效，请联系辅导员', 'code');
  if (Date.parse(nowIso) >= Date.parse(code.expiresAt)) throw new DomainError('BINDING.EXPIRED', '该绑定码已过期，请联系辅导员重新获取', 'code');
  return code;
}

/** The parent proves they hold the phone on file from enrollment: its last 4 digits. */
export function phoneMatches(phoneOnFile: string, last4: string): boolean {
  const digits = phoneOnFile.replace(/\D/g, '');
  return digits.length >= 4 && digits.slice(-4) === last4;
}

/**
 * The "fake parent" rules: a WeChat that is a student's own (any student grant) never binds as a
 * parent — neither of themself nor of a classmate standing in for each other; nor does a staff
 * WeChat (any grant besides student and parent), or staff could return a receipt themselves.
 */
export function checkBinder(grants: Grant[]): void {
  if (grants.some((g) => g.role === 'student')) throw new DomainError('BINDING.STUDENT_WECHAT', '学生本人的微信不能绑定为家长，请让家长用自己的微信绑定');
  if (grants.some((g) => g.role !== 'parent')) throw new DomainError('BINDING.STAFF_WECHAT', '教职工的微信不能绑定为家长，请让家长用自己的微信绑定');
}

/**
 * Children already bound to this WeChat that are not siblings of the new one (siblings share the
 * parent phone on file). A WeChat that is "parent" of unrelated students is flagged.
 */
export function unrelatedChildren(child: { studentId: string; parentPhone: string }, others: { studentId: string; parentPhone: string }[]): string[] {
  return others.filter((o) => o.studentId !== child.studentId && o.parentPhone.replace(/\D/g, '') !== child.parentPhone.replace(/\D/g, '')).map((o) => o.studentId);
}
