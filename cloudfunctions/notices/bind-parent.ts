import type { NoticesApi } from '../../types/api/notices';
import type { Student, User } from '../../types/domain';
import { type Notice, type NoticeFlag, type ParentBinding } from '../../types/notice';
import { childIdsOf, withChild } from '../core/access/own-grants';
import { assertProofBound, assertRetriesLeft, requireWechat } from '../core/notices/bind-outcome';
import { checkBinder, checkUsable, proofMatches, unrelatedChildren } from '../core/notices/binding';
import { receiptDue } from '../core/notices/message-intents';
import { enqueue } from '../platform/messenger/outbox';
import { subscribeIds } from '../platform/messenger/template-ids';
import type { ActionSpec } from '../platform/runtime/define-function';
import { queryAll, VersionConflictError, type TxStore, type WriteContext } from '../platform/store/store';
import { loadStudent } from '../platform/directory/directory';
import { noticesAwaitingParent } from '../application/repositories/notices';
import { bindingCodeHash, parentUserIdFor } from '../application/notices/binding-codes';
import { noticeSettings } from '../application/notices/settings';

type Api = NoticesApi;

async function flagBinding(tx: TxStore, id: string, flag: NoticeFlag, ctx: WriteContext): Promise<void> {
  const binding = await tx.get('parentBindings', id);
  if (binding && !binding.flags.includes(flag))
    await tx.update('parentBindings', id, { flags: [...binding.flags, flag] }, binding._version, ctx);
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
    const openid = requireWechat(ctx.openid);
    const now = ctx.nowIso();
    checkBinder(ctx.actor?.grants ?? []);
    const codeId = bindingCodeHash(code);
    const stored = checkUsable(await ctx.store.get('bindingCodes', codeId), now, noticeSettings.bindingCodeAttempts);
    const student = await loadStudent(ctx.store, stored.studentId);
    const userId = ctx.actor?.userId ?? parentUserIdFor(openid);
    const audit: WriteContext = { by: userId, at: now };

    // Reads the transaction cannot do (queries), fetched only when the proof looks right; the
    // transaction alone decides.
    const proof = { studentNo, parentName };
    const looksRight = proofMatches(student, proof);
    const existingChildren = childIdsOf(ctx.actor?.grants ?? []);
    const siblings =
      looksRight && existingChildren.length > 0
        ? await queryAll(ctx.store, 'students', { where: { _id: { in: existingChildren } } })
        : [];
    const unrelated = unrelatedChildren(
      { studentId: student._id, parentPhone: student.parentPhone },
      siblings.map((s) => ({ studentId: s._id, parentPhone: s.parentPhone })),
    );
    const openNotices = looksRight ? await noticesAwaitingParent(ctx.store, student._id) : [];

    let lostRace = false;
    for (let attempt = 0; ; attempt++) {
      let verdict: Verdict;
      try {
        verdict = await ctx.store.transaction(async (tx): Promise<Verdict> => {
          const fresh = checkUsable(await tx.get('bindingCodes', codeId), now, noticeSettings.bindingCodeAttempts);
          if (lostRace || !proofMatches(student, proof)) {
            await tx.update(
              'bindingCodes',
              codeId,
              { failedAttempts: fresh.failedAttempts + 1 },
              fresh._version,
              audit,
            );
            return 'mismatch';
          }
          await tx.update('bindingCodes', codeId, { usedAt: now, usedByUserId: userId }, fresh._version, audit);
          await bindInTx(tx, { student, userId, openid, deviceId, unrelated, openNotices }, audit);
          return 'bound';
        });
      } catch (error) {
        if (!(error instanceof VersionConflictError)) throw error;
        assertRetriesLeft(attempt, CONFLICT_RETRIES);
        lostRace = true;
        continue;
      }
      assertProofBound(verdict, lostRace);
      break;
    }
    return {
      studentId: student._id,
      studentName: student.name,
      openNotices: openNotices.map((n) => n._id),
      subscribe: subscribeIds(['receiptDue', 'receiptOverdue', 'meetingScheduled']),
    };
  },
};

type BindFacts = {
  student: Student;
  userId: string;
  openid: string;
  deviceId: string | undefined;
  unrelated: string[];
  openNotices: Notice[];
};

/** The writes of a successful bind: the parent's user and grant, the binding, its flags, the receipt requests. */
export async function bindInTx(
  tx: TxStore,
  { student, userId, openid, deviceId, unrelated, openNotices }: BindFacts,
  audit: WriteContext,
): Promise<void> {
  const now = audit.at;
  const user = await tx.get('users', userId);
  if (user) {
    checkBinder(user.grants);
    await tx.update('users', userId, { grants: withChild(user.grants, student._id) }, user._version, audit);
  } else {
    const created: User = {
      _id: userId,
      openid,
      name: `${student.parentName}（${student.name}家长）`,
      phone: student.parentPhone,
      grants: [{ role: 'parent', childIds: [student._id] }],
    };
    await tx.add('users', created, audit);
  }
  const flags: NoticeFlag[] = unrelated.length > 0 ? ['parentOfUnrelatedStudents'] : [];
  const bindingId = `${student._id}:${userId}`;
  if (!(await tx.get('parentBindings', bindingId))) {
    const binding: ParentBinding = {
      _id: bindingId,
      studentId: student._id,
      classId: student.classId,
      userId,
      openid,
      boundAt: now,
      ...(deviceId ? { deviceId } : {}),
      flags,
    };
    await tx.add('parentBindings', binding, audit);
  }
  for (const other of unrelated) await flagBinding(tx, `${other}:${userId}`, 'parentOfUnrelatedStudents', audit);
  for (const notice of openNotices) await enqueue(tx, receiptDue(notice, { userId, openid }), audit);
}
