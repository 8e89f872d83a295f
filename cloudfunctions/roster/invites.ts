import type { InviteIssued, Joined, PersonRow, RosterApi } from '../../types/api/roster';
import { roleLabel, type User } from '../../types/domain';
import { type InviteCode } from '../../types/roster';
import { ownStudentIds } from '../core/access/own-grants';
import { NotFoundError } from '../core/errors';
import { displayCode } from '../core/notices/binding';
import { checkInvitable, checkInvite, INVITE_DAYS, inviteProofMatches } from '../core/roster/invite';
import { checkJoined, checkJoiner, checkRetry, inviteeOf, stillUnjoined } from '../core/roster/join';
import { shanghai, toIso } from '../core/time/shanghai';
import type { ActionSpec, Context } from '../platform/runtime/define-function';
import { queryAll, VersionConflictError, type Stored } from '../platform/store/store';
import { bindingCodeHash, newBindingCode } from '../application/notices/binding-codes';
import { collegeStaff, hasJoined, isStaffUser, type StaffUser } from '../application/repositories/staff';
import { collegeStudents } from '../application/repositories/students';
import { studentUserId } from '../core/roster/ids';
import { queryIn } from '../platform/store/store';

type Api = RosterApi;

/** The 工号 or 学号 a person proves with their code, and the college they belong to. */
export async function personOf(
  ctx: Pick<Context, 'store'>,
  user: Stored<User> | Stored<StaffUser>,
): Promise<{ number: string; collegeId: string | null; detail: string }> {
  if (isStaffUser(user))
    return {
      number: user.staffNo,
      collegeId: user.collegeId,
      detail: [user.roles.map((r) => roleLabel[r]).join('、'), user.department].filter((s) => s !== '').join(' · '),
    };
  const studentId = ownStudentIds(user.grants)[0] ?? user._id.replace(/^s-/, '');
  const student = await ctx.store.get('students', studentId);
  return { number: studentId, collegeId: student?.collegeId ?? null, detail: '学生' };
}

/** A fresh code for one imported person; their earlier live codes stop working. Shown once, stored by hash. */
export const createInvite: ActionSpec<Api['createInvite']> = {
  permission: 'roster.invite',
  async resource(ctx, { userId }) {
    const user = await ctx.store.get('users', userId);
    if (!user) return {};
    const { collegeId } = await personOf(ctx, user);
    return collegeId ? { collegeId } : {};
  },
  async run(ctx, { userId }): Promise<InviteIssued> {
    const user = await ctx.store.get('users', userId);
    if (!user) throw new NotFoundError('该人员');
    const person = await personOf(ctx, user);
    if (!person.collegeId) throw new NotFoundError('该人员的学院');
    checkInvitable(user, hasJoined(user));
    const write = ctx.write();
    for (const old of await queryAll(ctx.store, 'inviteCodes', { where: { userId, usedAt: null, revoked: false } })) {
      await ctx.store.update('inviteCodes', old._id, { revoked: true }, old._version, write);
    }
    const code = newBindingCode();
    const expiresAt = toIso(shanghai(write.at).add(INVITE_DAYS, 'day'));
    const doc: InviteCode = {
      _id: bindingCodeHash(code),
      userId,
      collegeId: person.collegeId,
      expiresAt,
      usedAt: null,
      usedByOpenid: null,
      failedAttempts: 0,
      revoked: false,
    };
    await ctx.store.add('inviteCodes', doc, write);
    return { userId, name: user.name, number: person.number, code: displayCode(code), expiresAt };
  },
};

/**
 * A WeChat joins as the person the code was made for, proving it with their 工号/学号 and name as
 * imported (the parent binding's pattern: hashed code, 7 days, burnt after 5 wrong tries, each try
 * a version-checked write on the code). The OPENID is WeChat's, never the payload's.
 */
export const join: ActionSpec<Api['join']> = {
  public: true,
  async run(ctx, { code, number, name }): Promise<Joined> {
    checkJoiner(ctx.openid, ctx.actor);
    const now = ctx.nowIso();
    const codeId = bindingCodeHash(code);
    const stored = checkInvite(await ctx.store.get('inviteCodes', codeId), now);
    const user = inviteeOf(await ctx.store.get('users', stored.userId));
    const person = await personOf(ctx, user);
    const right = inviteProofMatches({ number: person.number, name: user.name }, { number, name });
    const audit = { by: user._id, at: now };
    let lostRace = false;
    for (let attempt = 0; ; attempt++) {
      try {
        const ok = await ctx.store.transaction(async (tx) => {
          const fresh = checkInvite(await tx.get('inviteCodes', codeId), now);
          if (lostRace || !right) {
            await tx.update('inviteCodes', codeId, { failedAttempts: fresh.failedAttempts + 1 }, fresh._version, audit);
            return false;
          }
          const current = stillUnjoined(await tx.get('users', user._id), hasJoined);
          await tx.update('inviteCodes', codeId, { usedAt: now, usedByOpenid: ctx.openid }, fresh._version, audit);
          await tx.update('users', user._id, { openid: ctx.openid ?? '' }, current._version, audit);
          return true;
        });
        checkJoined(ok);
        return { userId: user._id, name: user.name, roles: [...new Set(user.grants.map((g) => g.role))] };
      } catch (error) {
        if (!(error instanceof VersionConflictError)) throw error;
        checkRetry(attempt);
        lostRace = true;
      }
    }
  },
};

/** The college's imported people for the invite screen: search by name, 工号 or 学号. */
export async function peopleOf(ctx: Context, collegeId: string, keyword: string): Promise<PersonRow[]> {
  const staff = await collegeStaff(ctx.store, collegeId);
  const students = await collegeStudents(ctx.store, collegeId);
  const studentUsers = new Map(
    (
      await queryIn(
        ctx.store,
        'users',
        '_id',
        students.map((s) => studentUserId(s._id)),
      )
    ).map((u) => [u._id, u]),
  );
  const rows: PersonRow[] = [
    ...staff.map((u) => ({
      userId: u._id,
      number: u.staffNo,
      name: u.name,
      roles: [...new Set(u.grants.map((g) => g.role))],
      detail: [u.roles.map((r) => roleLabel[r]).join('、'), u.department].filter((s) => s !== '').join(' · '),
      joined: hasJoined(u),
      active: u.active,
    })),
    ...students.flatMap((s) => {
      const u = studentUsers.get(studentUserId(s._id));
      return u
        ? [
            {
              userId: u._id,
              number: s._id,
              name: s.name,
              roles: ['student' as const],
              detail: '学生',
              joined: hasJoined(u),
              active: s.enrolled !== false,
            },
          ]
        : [];
    }),
  ];
  const k = keyword.trim();
  return rows
    .filter((r) => k === '' || r.name.includes(k) || r.number.includes(k))
    .sort((a, b) => a.number.localeCompare(b.number))
    .slice(0, 50);
}
