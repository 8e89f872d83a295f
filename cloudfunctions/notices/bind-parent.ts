import type { NoticesApi } from '../../types/api/notices';
import { ErrorCode } from '../../types/envelope';
import type { Grant, Student, User } from '../../types/domain';
import { BINDING_CODES, NOTICES, PARENT_BINDINGS, type BindingCode, type Notice, type NoticeFlag, type ParentBinding } from '../../types/notice';
import { DomainError } from '../core/errors';
import { checkBinder, checkUsable, proofMatches, unrelatedChildren } from '../core/notices/binding';
import { receiptDue } from '../core/notices/message-intents';
import { parentContactOf } from '../core/notices/parent-contact';
import { enqueue } from '../platform/messenger/outbox';
import { subscribeIds } from '../platform/messenger/template-ids';
import type { ActionSpec } from '../platform/runtime/define-function';
import { queryAll, VersionConflictError, type TxStore, type WriteContext } from '../platform/store/store';
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

/** How often a bind whose transaction lost a race is retried (each retry is counted as a failed try). */
const CONFLICT_RETRIES = 5;

type Verdict = 'bound' | 'mismatch';

/**
 * A parent binds their WeChat with the counselor's one-time code, their child's 学号 and their
 * own name as registered (core/notices/binding.ts says why not phone digits). Public: the caller may be unknown (a new parent), but is always the OPENID that
 * WeChat names, never anything in the payload. Creates or extends the parent's user.
 *
 * The proof is checked in the same transaction that either counts a wrong try or uses the code,
 * so parallel guesses cannot share one count: each wrong try is a version-checked write on the
 * code, and a try that loses a race on it is retried as a failed try (its proof is not looked at
 * again, so racing reveals nothing).
 */
export const bindParent: ActionSpec<Api['bindParent']> = {
  public: true,
  async run(ctx, { code, studentNo, parentName, deviceId }) {
    if (!ctx.openid) throw new DomainError(ErrorCode.AuthRequired, '请在微信中打开小程序再绑定');
    const openid = ctx.openid;
    const now = ctx.nowIso();
    checkBinder(ctx.actor?.grants ?? []);
    const codeId = bindingCodeHash(code);
    const stored = checkUsable(await ctx.store.get<BindingCode>(BINDING_CODES, codeId), now, noticeSettings.bindingCodeAttempts);
    const student = await loadStudent(ctx.store, stored.studentId);
    const userId = ctx.actor?.userId ?? parentUserIdFor(openid);
    const audit: WriteContext = { by: userId, at: now };

    // Reads the transaction cannot do (queries), fetched only when the proof looks right; the
    // transaction alone decides.
    const proof = { studentNo, parentName };
    const looksRight = proofMatches(student, proof);
    const existingChildren = (ctx.actor?.grants ?? []).flatMap((g) => (g.role === 'parent' ? g.childIds : []));
    const siblings = looksRight && existingChildren.length > 0 ? await queryAll<Student>(ctx.store, 'students', { where: { _id: { in: existingChildren } } }) : [];
    const unrelated = unrelatedChildren({ studentId: student._id, parentPhone: student.parentPhone }, siblings.map((s) => ({ studentId: s._id, parentPhone: s.parentPhone })));
    const openNotices = looksRight ? (await queryAll<Notice>(ctx.store, NOTICES, { where: { studentId: student._id, status: 'issued' } })).filter((n) => parentContactOf(n) === 'none') : [];

    let lostRace = false;
    for (let attempt = 0; ; attempt++) {
      let verdict: Verdict;
      try {
        verdict = await ctx.store.transaction(async (tx): Promise<Verdict> => {
          const fresh = checkUsable(await tx.get<BindingCode>(BINDING_CODES, codeId), now, noticeSettings.bindingCodeAttempts);
          if (lostRace || !proofMatches(student, proof)) {
            await tx.update<BindingCode>(BINDING_CODES, codeId, { failedAttempts: fresh.failedAttempts + 1 }, fresh._version, audit);
            return 'mismatch';
          }
          await tx.update<BindingCode>(BINDING_CODES, codeId, { usedAt: now, usedByUserId: userId }, fresh._version, audit);
          await bindInTx(tx, { student, userId, openid, deviceId, unrelated, openNotices }, audit);
          return 'bound';
        });
      } catch (error) {
        if (!(error instanceof VersionConflictError)) throw error;
        if (attempt >= CONFLICT_RETRIES) throw new DomainError('BINDING.BUSY', '绑定请求过于频繁，请稍后再试', 'code');
        lostRace = true;
        continue;
      }
      if (verdict === 'mismatch' && lostRace) throw new DomainError('BINDING.BUSY', '同时提交的绑定请求过多，本次按核对失败计，请稍后再试', 'studentNo');
      // Which of the two was wrong is not said, so the proof cannot be guessed one field at a time.
      if (verdict === 'mismatch') throw new DomainError('BINDING.PROOF_MISMATCH', '孩子学号或家长姓名与学院登记的信息不一致', 'studentNo');
      break;
    }
    return { studentId: student._id, studentName: student.name, openNotices: openNotices.map((n) => n._id), subscribe: subscribeIds(['receiptDue', 'receiptOverdue', 'meetingScheduled']) };
  },
};

type BindFacts = { student: Student; userId: string; openid: string; deviceId: string | undefined; unrelated: string[]; openNotices: Notice[] };

/** The writes of a successful bind: the parent's user and grant, the binding, its flags, the receipt requests. */
export async function bindInTx(tx: TxStore, { student, userId, openid, deviceId, unrelated, openNotices }: BindFacts, audit: WriteContext): Promise<void> {
  const now = audit.at;
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
}
