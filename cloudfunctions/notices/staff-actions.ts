import type { NoticesApi } from '../../types/api/notices';
import { maskPhone, type Student } from '../../types/domain';
import { type BindingCode, type PhoneContact } from '../../types/notice';
import { assertCallNotAhead, callTime, requireParentPhone } from '../core/notices/answer-checks';
import { displayCode } from '../core/notices/binding';
import { shanghai, toIso } from '../core/time/shanghai';
import type { ActionSpec } from '../platform/runtime/define-function';
import { DuplicateIdError, queryAll, VersionConflictError } from '../platform/store/store';
import { loadStudent, studentResource } from '../platform/directory/directory';
import { bindingCodeHash, currentBindingCodeId, newBindingCode } from '../application/notices/binding-codes';
import { applyEvent, loadNotice, noticeResource } from '../application/repositories/notices';
import { noticeSettings } from '../application/notices/settings';

type Api = NoticesApi;

/** Tries of a code-making transaction that lost a race with another one for the same student. */
const CREATE_RETRIES = 3;

/**
 * A one-time code for a student's parent, shown only in this answer to the counselor who made it
 * (stored hashed), with the masked phone on file to call or text. Earlier unused codes are
 * revoked in the same transaction, found through the student's current-code document (codes from
 * before that document existed are found by a query and re-read inside the transaction).
 */
export const createBindingCode: ActionSpec<Api['createBindingCode']> = {
  permission: 'parent.createBindingCode',
  resource: (ctx, input) => studentResource(ctx.store, input.studentId),
  async run(ctx, { studentId, days }) {
    const student: Student = await loadStudent(ctx.store, studentId);
    requireParentPhone(student.parentPhone);
    const earlier = await queryAll(ctx.store, 'bindingCodes', { where: { studentId, usedAt: null, revoked: false } });
    const code = newBindingCode();
    const codeId = bindingCodeHash(code);
    const expiresAt = toIso(shanghai(ctx.nowIso()).add(days ?? noticeSettings.bindingCodeDays, 'day'));
    const row: BindingCode = {
      _id: codeId,
      studentId,
      classId: student.classId,
      collegeId: student.collegeId,
      expiresAt,
      usedAt: null,
      usedByUserId: null,
      failedAttempts: 0,
      revoked: false,
    };
    const currentId = currentBindingCodeId(studentId);
    for (let attempt = 0; ; attempt++) {
      try {
        await ctx.store.transaction(async (tx) => {
          const current = await tx.get('bindingCodeCurrent', currentId);
          const stale = new Set([...earlier.map((e) => e._id), ...(current ? [current.codeId] : [])]);
          for (const id of stale) {
            const old = await tx.get('bindingCodes', id);
            if (old && !old.usedAt && !old.revoked)
              await tx.update('bindingCodes', id, { revoked: true }, old._version, ctx.write());
          }
          await tx.add('bindingCodes', row, ctx.write());
          if (current) await tx.update('bindingCodeCurrent', currentId, { codeId }, current._version, ctx.write());
          else await tx.add('bindingCodeCurrent', { _id: currentId, studentId, codeId }, ctx.write());
        });
        break;
      } catch (error) {
        const raced =
          error instanceof VersionConflictError ||
          (error instanceof DuplicateIdError && error.collection === 'bindingCodeCurrent');
        if (!raced || attempt >= CREATE_RETRIES) throw error;
      }
    }
    return {
      code: displayCode(code),
      expiresAt,
      studentName: student.name,
      parentName: student.parentName,
      parentPhoneMasked: maskPhone(student.parentPhone),
      parentPhone: student.parentPhone,
    };
  },
};

/**
 * A parent without WeChat: the counselor phoned. Counts as the contact, marked as a phone contact.
 * The call happened between the notice's issue and now (a phone clock a few minutes fast is
 * brought back to now); a resend with the same `clientId` by the same person records nothing new.
 */
export const recordPhoneContact: ActionSpec<Api['recordPhoneContact']> = {
  permission: 'parent.recordPhoneContact',
  resource: (ctx, input) => noticeResource(ctx.store, input.noticeId),
  async run(ctx, { noticeId, at, summary, clientId }) {
    const now = ctx.nowIso();
    assertCallNotAhead(at, now);
    const notice = await loadNotice(ctx.store, noticeId);
    const calledAt = callTime(at, now, notice.issuedAt);
    const contact: PhoneContact = {
      at: calledAt,
      by: ctx.actor.userId,
      byName: ctx.actor.name,
      summary,
      recordedAt: now,
      ...(clientId ? { clientId } : {}),
    };
    const result = await ctx.store.transaction((tx) =>
      applyEvent(tx, noticeId, { type: 'phoneContact', contact }, ctx.write()),
    );
    return { phoneContacts: result.notice.phoneContacts };
  },
};
