import type { NoticesApi, NoticeStatusRow } from '../../types/api/notices';
import { isAllowed } from '../core/access/authorize';
import { maskPhone, type Student } from '../../types/domain';
import type { OutboxMessage } from '../../types/message';
import { BINDING_CODES, NOTICES, PARENT_BINDINGS, type BindingCode, type Notice, type ParentBinding, type PhoneContact } from '../../types/notice';
import { DomainError } from '../core/errors';
import { displayCode } from '../core/notices/binding';
import { shanghai, toIso } from '../core/time/shanghai';
import { OUTBOX } from '../platform/messenger/outbox';
import type { ActionSpec, Context } from '../platform/runtime/define-function';
import { DuplicateIdError, queryAll, VersionConflictError } from '../platform/store/store';
import { classResource, loadClass, loadStudent, studentResource } from '../platform/directory/directory';
import { bindingCodeHash, CURRENT_BINDING_CODES, currentBindingCodeId, newBindingCode, type CurrentBindingCode } from './binding-codes';
import { applyEvent, loadNotice, noticeResource } from './notice-access';
import { parentsOf } from './parents';
import { noticeSettings } from './settings';
import { statusRow } from './views';

type Api = NoticesApi;

/** How far ahead of the server a phone's clock may be when it says "now". */
const CLOCK_SKEW_MS = 5 * 60_000;

/**
 * The counselor's list for a class: per warned student, sent / read / signed or objected /
 * parent bound / receipt or phone contact, overdue after the week (seed 001), flags, refusals.
 */
export const classStatus: ActionSpec<Api['classStatus']> = {
  permission: 'notice.trackStatus',
  resource: (ctx, input) => classResource(ctx.store, input.classId),
  async run(ctx, { classId }) {
    const cls = await loadClass(ctx.store, classId);
    const notices = await queryAll<Notice>(ctx.store, NOTICES, { where: { classId, status: 'issued' }, orderBy: [{ field: 'studentId', direction: 'asc' }] });
    const ids = notices.map((n) => n._id);
    const messages: OutboxMessage[] = [];
    for (let i = 0; i < ids.length; i += 200) messages.push(...(await queryAll<OutboxMessage>(ctx.store, OUTBOX, { where: { subjectId: { in: ids.slice(i, i + 200) } } })));
    const studentIds = [...new Set(notices.map((n) => n.studentId))];
    const parents = await parentsOf(ctx.store, studentIds);
    const bindings = studentIds.length > 0 ? await queryAll<ParentBinding>(ctx.store, PARENT_BINDINGS, { where: { studentId: { in: studentIds } } }) : [];
    const students = new Map((studentIds.length > 0 ? await queryAll<Student>(ctx.store, 'students', { where: { _id: { in: studentIds } } }) : []).map((s) => [s._id, s]));
    const nowIso = ctx.nowIso();
    return {
      classId,
      className: cls.name,
      rows: notices.map((n) =>
        statusRow(n, {
          messages,
          parentBound: (parents.get(n.studentId)?.length ?? 0) > 0,
          bindingFlagged: bindings.some((b) => b.studentId === n.studentId && b.flags.includes('parentOfUnrelatedStudents')),
          nowIso,
          parent: parentContact(ctx, students.get(n.studentId), n),
        }),
      ),
    };
  },
};

/**
 * The parent on file as this caller may see it: staff who handle the student (student.readContact:
 * class staff, the clerk) get the number to call; anyone else tracking the list (a leader) sees it
 * masked. A warning is not a disciplinary record, and a phone number is not for everyone either.
 */
function parentContact(ctx: Context, student: Student | undefined, n: Pick<Notice, 'studentId' | 'classId' | 'collegeId'>): NoticeStatusRow['parent'] {
  if (!student || !student.parentPhone) return { name: student?.parentName ?? '', phone: '', callable: false };
  const callable = isAllowed(ctx.actor, 'student.readContact', { studentId: n.studentId, classId: n.classId, collegeId: n.collegeId });
  return { name: student.parentName, phone: callable ? student.parentPhone : maskPhone(student.parentPhone), callable };
}

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
    if (!student.parentPhone) throw new DomainError('BINDING.NO_PHONE', '学院没有登记该生的家长电话，请先核实家长联系方式');
    const earlier = await queryAll<BindingCode>(ctx.store, BINDING_CODES, { where: { studentId, usedAt: null, revoked: false } });
    const code = newBindingCode();
    const codeId = bindingCodeHash(code);
    const expiresAt = toIso(shanghai(ctx.nowIso()).add(days ?? noticeSettings.bindingCodeDays, 'day'));
    const row: BindingCode = { _id: codeId, studentId, classId: student.classId, collegeId: student.collegeId, expiresAt, usedAt: null, usedByUserId: null, failedAttempts: 0, revoked: false };
    const currentId = currentBindingCodeId(studentId);
    for (let attempt = 0; ; attempt++) {
      try {
        await ctx.store.transaction(async (tx) => {
          const current = await tx.get<CurrentBindingCode>(CURRENT_BINDING_CODES, currentId);
          const stale = new Set([...earlier.map((e) => e._id), ...(current ? [current.codeId] : [])]);
          for (const id of stale) {
            const old = await tx.get<BindingCode>(BINDING_CODES, id);
            if (old && !old.usedAt && !old.revoked) await tx.update<BindingCode>(BINDING_CODES, id, { revoked: true }, old._version, ctx.write());
          }
          await tx.add(BINDING_CODES, row, ctx.write());
          if (current) await tx.update<CurrentBindingCode>(CURRENT_BINDING_CODES, currentId, { codeId }, current._version, ctx.write());
          else await tx.add(CURRENT_BINDING_CODES, { _id: currentId, studentId, codeId }, ctx.write());
        });
        break;
      } catch (error) {
        const raced = error instanceof VersionConflictError || (error instanceof DuplicateIdError && error.collection === CURRENT_BINDING_CODES);
        if (!raced || attempt >= CREATE_RETRIES) throw error;
      }
    }
    return { code: displayCode(code), expiresAt, studentName: student.name, parentName: student.parentName, parentPhoneMasked: maskPhone(student.parentPhone), parentPhone: student.parentPhone };
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
    if (Date.parse(at) > Date.parse(now) + CLOCK_SKEW_MS) throw new DomainError('INPUT.INVALID', '通话时间不能晚于现在', 'at');
    const notice = await loadNotice(ctx.store, noticeId);
    if (Date.parse(at) < Date.parse(notice.issuedAt)) throw new DomainError('INPUT.INVALID', '通话时间不能早于通知下发时间', 'at');
    const calledAt = Date.parse(at) > Date.parse(now) ? now : toIso(at);
    const contact: PhoneContact = { at: calledAt, by: ctx.actor.userId, byName: ctx.actor.name, summary, recordedAt: now, ...(clientId ? { clientId } : {}) };
    const result = await ctx.store.transaction((tx) => applyEvent(tx, noticeId, { type: 'phoneContact', contact }, ctx.write()));
    return { phoneContacts: result.notice.phoneContacts };
  },
};
