import type { NoticesApi } from '../../types/api/notices';
import type { Student } from '../../types/domain';
import { childIdsOf } from '../core/access/own-grants';
import { maskedMiddle, phoneOnFile } from '../core/identity/phone-match';
import { checkBinder, checkUsable, unrelatedChildren } from '../core/notices/binding';
import {
  assertPhoneBound,
  assertRetriesLeft,
  requirePhoneService,
  requireVerifiedPhone,
  requireWechat,
} from '../core/notices/bind-outcome';
import { PhoneExchangeError, type PhoneNumberExchange, type VerifiedPhone } from '../platform/identity/phone-number';
import { enqueue } from '../platform/messenger/outbox';
import { subscribeIds } from '../platform/messenger/template-ids';
import type { ActionSpec } from '../platform/runtime/define-function';
import { queryAll, VersionConflictError, type WriteContext } from '../platform/store/store';
import { loadStudent } from '../platform/directory/directory';
import { noticesAwaitingParent } from '../application/repositories/notices';
import { bindInTx } from './bind-parent';
import { bindingCodeHash, parentUserIdFor } from '../application/notices/binding-codes';
import { noticeSettings } from '../application/notices/settings';

type Api = NoticesApi;

/** The phones a student's parents registered (the roster keeps one or two). */
const phonesOf = (s: Student & { parentPhones?: string[] }) =>
  s.parentPhones && s.parentPhones.length > 0 ? s.parentPhones : [s.parentPhone];

/** WeChat's verified number for the button's code, or null when WeChat refused it (logged for the operators). */
async function exchangePhone(phones: PhoneNumberExchange, phoneCode: string): Promise<VerifiedPhone | null> {
  try {
    return await phones.exchange(phoneCode);
  } catch (error) {
    if (!(error instanceof PhoneExchangeError)) throw error;
    console.error('getPhoneNumber refused:', error.errcode, error.message);
    return null;
  }
}

/**
 * In WeChat a parent proves the phone itself: the 获取手机号 button gives a code, WeChat exchanges it
 * for the number the parent's WeChat verified, and it must be a phone on file. Same code rules as
 * the typed proof (bindParent): a mismatch counts as a wrong try on the code, and the class's
 * counselor is told (the number WeChat gave, masked), so a wrong number on file is found and fixed.
 */
export const bindParentByPhone: ActionSpec<Api['bindParentByPhone']> = {
  public: true,
  async run(ctx, { code, phoneCode, deviceId }) {
    const openid = requireWechat(ctx.openid);
    const phones = requirePhoneService(ctx.phones);
    const now = ctx.nowIso();
    checkBinder(ctx.actor?.grants ?? []);
    const codeId = bindingCodeHash(code);
    const stored = checkUsable(await ctx.store.get('bindingCodes', codeId), now, noticeSettings.bindingCodeAttempts);
    const student = await loadStudent(ctx.store, stored.studentId);
    const verified = requireVerifiedPhone(await exchangePhone(phones, phoneCode));
    const matches = phoneOnFile(verified.purePhoneNumber, phonesOf(student));
    const userId = ctx.actor?.userId ?? parentUserIdFor(openid);
    const audit: WriteContext = { by: userId, at: now };
    const existingChildren = childIdsOf(ctx.actor?.grants ?? []);
    const siblings =
      matches && existingChildren.length > 0
        ? await queryAll(ctx.store, 'students', { where: { _id: { in: existingChildren } } })
        : [];
    const unrelated = unrelatedChildren(
      { studentId: student._id, parentPhone: student.parentPhone },
      siblings.map((s) => ({ studentId: s._id, parentPhone: s.parentPhone })),
    );
    const openNotices = matches ? await noticesAwaitingParent(ctx.store, student._id) : [];
    const cls = matches ? null : await ctx.store.get('classes', student.classId);
    const counselor = cls ? await ctx.store.get('users', cls.counselorId) : null;

    for (let attempt = 0; ; attempt++) {
      try {
        const bound = await ctx.store.transaction(async (tx) => {
          const fresh = checkUsable(await tx.get('bindingCodes', codeId), now, noticeSettings.bindingCodeAttempts);
          if (!matches) {
            await tx.update(
              'bindingCodes',
              codeId,
              { failedAttempts: fresh.failedAttempts + 1 },
              fresh._version,
              audit,
            );
            if (counselor) {
              await enqueue(
                tx,
                {
                  key: `bindingPhoneMismatch:${codeId}:${now}`,
                  kind: 'bindingPhoneMismatch',
                  toUserId: counselor._id,
                  toOpenid: counselor.openid,
                  page: 'packages/staff/notices/index',
                  data: {
                    student: `${student.name}（${student._id}）`,
                    phone: maskedMiddle(verified.purePhoneNumber),
                    note: '家长微信验证的手机号与登记的家长电话不一致，请核对后重新发绑定码',
                    time: now,
                  },
                  subjectId: student._id,
                },
                audit,
              );
            }
            return false;
          }
          await tx.update('bindingCodes', codeId, { usedAt: now, usedByUserId: userId }, fresh._version, audit);
          await bindInTx(tx, { student, userId, openid, deviceId, unrelated, openNotices }, audit);
          return true;
        });
        assertPhoneBound(bound);
        return {
          studentId: student._id,
          studentName: student.name,
          openNotices: openNotices.map((n) => n._id),
          subscribe: subscribeIds(['receiptDue', 'receiptOverdue', 'meetingScheduled']),
        };
      } catch (error) {
        if (!(error instanceof VersionConflictError)) throw error;
        assertRetriesLeft(attempt, 5);
      }
    }
  },
};
