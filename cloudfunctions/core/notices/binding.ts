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

/** A code that cannot bind anyone any more, and why (checked before the typed proof). */
export function checkUsable<C extends BindingCode>(code: C | null, nowIso: string, maxAttempts: number): C {
  if (!code || code.revoked) throw new DomainError('BINDING.INVALID', '绑定码不正确，请核对后重新输入', 'code');
  if (code.usedAt) throw new DomainError('BINDING.USED', '该绑定码已使用过，请联系辅导员重新获取', 'code');
  if (code.failedAttempts >= maxAttempts)
    throw new DomainError('BINDING.LOCKED', '核对失败次数过多，该绑定码已失效，请联系辅导员', 'code');
  if (Date.parse(nowIso) >= Date.parse(code.expiresAt))
    throw new DomainError('BINDING.EXPIRED', '该绑定码已过期，请联系辅导员重新获取', 'code');
  return code;
}

/** A name as compared: no spaces or middle dots, full-width letters folded, Latin case ignored. */
function normalizeName(name: string): string {
  return name
    .normalize('NFKC')
    .replace(/[\s·•.-]/g, '')
    .toLowerCase();
}

/**
 * The typed proof that goes with the code (H5, and WeChat until it proves the phone itself with
 * getPhoneNumber in a later issue): the child's 学号 and the parent's name as the college
 * registered them. Not the phone's last digits — class staff now see the whole number to call.
 * The code is what proves the phone (it travels only to the number on file); this proof ties the
 * code to the family it was read to, and wrong tries burn the code (see checkUsable).
 */
export function proofMatches(
  student: { _id: string; parentName: string },
  proof: { studentNo: string; parentName: string },
): boolean {
  const registered = normalizeName(student.parentName);
  return (
    registered !== '' &&
    proof.studentNo.trim().toUpperCase() === student._id.toUpperCase() &&
    normalizeName(proof.parentName) === registered
  );
}

/**
 * The "fake parent" rules: a WeChat that is a student's own (any student grant) never binds as a
 * parent — neither of themself nor of a classmate standing in for each other; nor does a staff
 * WeChat (any grant besides student and parent), or staff could return a receipt themselves.
 */
export function checkBinder(grants: Grant[]): void {
  if (grants.some((g) => g.role === 'student'))
    throw new DomainError('BINDING.STUDENT_WECHAT', '学生本人的微信不能绑定为家长，请让家长用自己的微信绑定');
  if (grants.some((g) => g.role !== 'parent'))
    throw new DomainError('BINDING.STAFF_WECHAT', '教职工的微信不能绑定为家长，请让家长用自己的微信绑定');
}

/**
 * Children already bound to this WeChat that are not siblings of the new one (siblings share the
 * parent phone on file). A WeChat that is "parent" of unrelated students is flagged.
 */
export function unrelatedChildren(
  child: { studentId: string; parentPhone: string },
  others: { studentId: string; parentPhone: string }[],
): string[] {
  return others
    .filter(
      (o) =>
        o.studentId !== child.studentId && o.parentPhone.replace(/\D/g, '') !== child.parentPhone.replace(/\D/g, ''),
    )
    .map((o) => o.studentId);
}
