import type { NoticesApi } from '../../types/api/notices';
import { ErrorCode } from '../../types/envelope';
import type { ClassInfo, Student, User } from '../../types/domain';
import { BINDING_CODES, NOTICES, type BindingCode, type Notice } from '../../types/notice';
import { DomainError } from '../core/errors';
import { maskedMiddle, phoneOnFile } from '../core/identity/phone-match';
import { checkBinder, checkUsable, unrelatedChildren } from '../core/notices/binding';
import { parentContactOf } from '../core/notices/parent-contact';
import { PhoneExchangeError, type VerifiedPhone } from '../platform/identity/phone-number';
import { enqueue } from '../platform/messenger/outbox';
import { subscribeIds } from '../platform/messenger/template-ids';
import type { ActionSpec } from '../platform/runtime/define-function';
import { queryAll, VersionConflictError, type WriteContext } from '../platform/store/store';
import { loadStudent } from '../platform/directory/directory';
import { bindInTx } from './bind-parent';
import { bindingCodeHash, parentUserIdFor } from './binding-codes';
import { noticeSettings } from './settings';

type Api = NoticesApi;

/** The phones a student's parents registered (the roster keeps one or two). */
const phonesOf = (s: Student & { parentPhones?: string[] }) => (s.parentPhones && s.parentPhones.length > 0 ? s.parentPhones : [s.parentPhone]);

/**
 * In WeChat a parent proves the phone itself: the 获取手机号 button gives a code, WeChat exchanges it
 * for the number the parent's WeChat verified, and it must be a phone on file. Same code rules as
 * the typed proof (bindParent): a mismatch counts as a wrong try on the code, and the class's
 * counselor is told (the number WeChat gave, masked), so a wrong number on file is found and fixed.
 */
export const bindParentByPhone: ActionSpec<Api['bindParentByPhone']> = {
  public: true,
  async run(ctx, { code, phoneCode, deviceId }) {
    if (!ctx.openid) throw new DomainError(ErrorCode.AuthRequired, '请在微信中打开小程序再绑定');
    if (!ctx.phones) throw new DomainError('BINDING.PHONE_UNAVAILABLE', '此处无法通过微信验证手机号，请填写孩子学号和家长姓名绑定', 'phoneCode');
    const openid = ctx.openid;
    const now = ctx.nowIso();
    checkBinder(ctx.actor?.grants ?? []);
    const codeId = bindingCodeHash(code);
    const stored = checkUsable(await ctx.store.get<BindingCode>(BINDING_CODES, codeId), now, noticeSettings.bindingCodeAttempts);
    const student = await loadStudent(ctx.store, stored.studentId);
    let verified: VerifiedPhone;
    try {
      verified = await ctx.phones.exchange(phoneCode);
    } catch (error) {
      if (!(error instanceof PhoneExchangeError)) throw error;
      console.error('getPhoneNumber refused:', error.errcode, error.message);
      throw new DomainError('BINDING.PHONE_UNVERIFIED', '微信未能验证手机号，请重试，或填写孩子学号和家长姓名绑定', 'phoneCode');
    }
    const matches = phoneOnFile(verified.purePhoneNumber, phonesOf(student));
    const userId = ctx.actor?.userId ?? parentUserIdFor(openid);
    const audit: WriteContext = { by: userId, at: now };
    const existingChildren = (ctx.actor?.grants ?? []).flatMap((g) => (g.role === 'parent' ? g.childIds : []));
    const siblings = matches && existingChildren.length > 0 ? await queryAll<Student>(ctx.store, 'students', { where: { _id: { in: existingChildren } } }) : [];
    const unrelated = unrelatedChildren({ studentId: student._id, parentPhone: student.parentPhone }, siblings.map((s) => ({ studentId: s._id, parentPhone: s.parentPhone })));
    const openNotices = matches ? (await queryAll<Notice>(ctx.store, NOTICES, { where: { studentId: student._id, status: 'issued' } })).filter((n) => parentContactOf(n) === 'none') : [];
    const cls = matches ? null : await ctx.store.get<ClassInfo>('classes', student.classId);
    const counselor = cls ? await ctx.store.get<User>('users', cls.counselorId) : null;

    for (let attempt = 0; ; attempt++) {
      try {
        const bound = await ctx.store.transaction(async (tx) => {
          const fresh = checkUsable(await tx.get<BindingCode>(BINDING_CODES, codeId), now, noticeSettings.bindingCodeAttempts);
          if (!matches) {
            await tx.update<BindingCode>(BINDING_CODES, codeId, { failedAttempts: fresh.failedAttempts + 1 }, fresh._version, audit);
            if (counselor) {
              await enqueue(
                tx,
                {
                  key: `bindingPhoneMismatch:${codeId}:${now}`,
                  kind: 'bindingPhoneMismatch',
                  toUserId: counselor._id,
                  toOpenid: counselor.openid,
                  page: 'packages/staff/notices/index',
                  data: { student: `${student.name}（${student._id}）`, phone: maskedMiddle(verified.purePhoneNumber), note: '家长微信验证的手机号与登记的家长电话不一致，请核对后重新发绑定码', time: now },
                  subjectId: student._id,
                },
                audit,
              );
            }
            return false;
          }
          await tx.update<BindingCode>(BINDING_CODES, codeId, { usedAt: now, usedByUserId: userId }, fresh._version, audit);
          await bindInTx(tx, { student, userId, openid, deviceId, unrelated, openNotices }, audit);
          return true;
        });
        if (!bound) throw new DomainError('BINDING.PHONE_MISMATCH', '您微信绑定的手机号与学院登记的家长电话不一致，已告知辅导员；也可以填写孩子学号和家长姓名绑定', 'phoneCode');
        return { studentId: student._id, studentName: student.name, openNotices: openNotices.map((n) => n._id), subscribe: subscribeIds(['receiptDue', 'receiptOverdue', 'meetingScheduled']) };
      } catch (error) {
        if (!(error instanceof VersionConflictError) || attempt >= 5) {
          if (error instanceof VersionConflictError) throw new DomainError('BINDING.BUSY', '绑定请求过于频繁，请稍后再试', 'code');
          throw error;
        }
      }
    }
  },
};
