import type { NoticesApi } from '../../types/api/notices';
import { ErrorCode } from '../../types/envelope';
import type { Grant, Student, User } from '../../types/domain';
import { BINDING_CODES, NOTICES, PARENT_BINDINGS, type BindingCode, type Notice, type NoticeFlag, type ParentBinding } from '../../types/notice';
import { DomainError } from '../core/errors';
import { checkBinder, checkUsable, phoneMatches, unrelatedChildren } from '../core/notices/binding';
import { receiptDue } from '../core/notices/message-intents';
import { parentContactOf } from '../core/notices/parent-contact';
import { enqueue } from '../platform/messenger/outbox';
import { subscribeIds } from '../platform/messenger/template-ids';
import type { ActionSpec } from '../platform/runtime/define-function';
import { queryAll, type TxStore, type WriteContext } from '../platform/store/store';
import { loadStudent } from '../platform/directory/directory';
import { bindingCodeHash, parentUserIdFor } from './binding-codes';
import { noticeSettings } from './settings';

type Api = NoticesApi;

function withChild(grants: Grant[], studentId: string): Grant[] {
  if (!grants.some((g) => g.role === 'parent')) return [...grants, { role: 'parent', childIds: [studentId] }];
  return grants.map((g) => (g.role === 'parent' && !g.childIds.includes(studentId) ? { ...g, childIds: [...g.childIds, studentId] } : g));
}

async function flagBinding(tx: TxStore, id: string, flag: NoticeFlag, ctx: WriteContext): Promise<void> {
  const binding = await tx.get<ParentBinding>(PARENT_BINDINGS, id);
  if (binding && !binding.flags.includes(flag)) await tx.update<ParentBinding>(PARENT_BINDINGS, id, { flags: [...binding.flags, flag] }, binding._version, ctx);
}

/**
 * A parent binds their WeChat with the counselor's one-time code and the last 4 digits of the
 * phone on file. Public: the caller may be unknown (a new parent), but is always the OPENID that
 * WeChat names, never anything in the payload. Creates or extends the parent's user.
 */
export const bindParent: ActionSpec<Api['bindParent']> = {
  public: true,
  async run(ctx, { code, phoneLast4, deviceId }) {
    if (!ctx.openid) throw new DomainError(ErrorCode.AuthRequired, '请在微信中打开小程序再绑定');
    const openid = ctx.openid;
    const now = ctx.nowIso();
    checkBinder(ctx.actor?.grants ?? []);
    const codeId = bindingCodeHash(code);
    const stored = checkUsable(await ctx.store.get<BindingCode>(BINDING_CODES, codeId), now, noticeSettings.bindingCodeAttempts);
    const student = await loadStudent(ctx.store, stored.studentId);
    const userId = ctx.actor?.userId ?? parentUserIdFor(openid);
    const audit: WriteContext = { by: userId, at: now };
    if (!phoneMatches(student.parentPhone, phoneLast4)) {
      const row = await ctx.store.get<BindingCode>(BINDING_CODES, codeId);
      if (row) await ctx.store.update<BindingCode>(BINDING_CODES, codeId, { failedAttempts: row.failedAttempts + 1 }, row._version, audit);
      throw new DomainError('BINDING.PHONE_MISMATCH', '手机号后 4 位与学院登记的家长电话不一致', 'phoneLast4');
    }

    const existingChildren = (ctx.actor?.grants ?? []).flatMap((g) => (g.role === 'parent' ? g.childIds : []));
    const siblings = existingChildren.length > 0 ? await queryAll<Student>(ctx.store, 'students', { where: { _id: { in: existingChildren } } }) : [];
    const unrelated = unrelatedChildren({ studentId: student._id, parentPhone: student.parentPhone }, siblings.map((s) => ({ studentId: s._id, parentPhone: s.parentPhone })));
    const openNotices = (await queryAll<Notice>(ctx.store, NOTICES, { where: { studentId: student._id, status: 'issued' } })).filter((n) => parentContactOf(n) === 'none');

    await ctx.store.transaction(async (tx) => {
      const fresh = checkUsable(await tx.get<BindingCode>(BINDING_CODES, codeId), now, noticeSettings.bindingCodeAttempts);
      await tx.update<BindingCode>(BINDING_CODES, codeId, { usedAt: now, usedByUserId: userId }, fresh._version, audit);
      const user = await tx.get<User>('users', userId);
      if (user) {
        checkBinder(user.grants);
        await tx.update<User>('users', userId, { grants: withChild(user.grants, student._id) }, user._version, audit);
      } else {
        const created: User = { _id: userId, openid, name: `${student.parentName}（${student.name}家长）`, phone: student.parentPhone, grants: [{ role: 'parent', childIds: [student._id] }] };
        await tx.add('users', created, audit);
      }
      const flags: NoticeFlag[] = unrelated.length > 0 ? ['parentOfUnrelatedStudents'] : [];
      const bindingId = `${student._id}:${userId}`;
      if (!(await tx.get(PARENT_BINDINGS, bindingId))) {
        const binding: ParentBinding = { _id: bindingId, studentId: student._id, classId: student.classId, userId, openid, boundAt: now, ...(deviceId ? { deviceId } : {}), flags };
        await tx.add(PARENT_BINDINGS, binding, audit);
      }
      for (const other of unrelated) await flagBinding(tx, `${other}:${userId}`, 'parentOfUnrelatedStudents', audit);
      for (const notice of openNotices) await enqueue(tx, receiptDue(notice, { userId, openid }), audit);
    });
    return { studentId: student._id, studentName: student.name, openNotices: openNotices.map((n) => n._id), subscribe: subscribeIds(['receiptDue', 'receiptOverdue', 'meetingScheduled']) };
  },
};
