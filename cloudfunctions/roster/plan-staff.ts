import { roleLabel, type Role } from '../../types/domain';
import type { StaffRecord } from '../../types/roster';
import type { RowError } from '../core/grades/sheet-row';
import type { Comparable } from '../core/roster/roster-diff';
import type { Context } from '../platform/runtime/define-function';
import type { ReadRecord } from './read-roster';
import { mayGrantRoles } from '../core/access/school-role';
import { collegeStaff, pendingOpenid } from '../application/repositories/staff';
import { staffUserId } from '../core/roster/ids';
import { keptByOtherCollege, markMissing, type KindPlan } from './kind-plan';

const rolesText = (roles: readonly Role[]) => roles.map((r) => roleLabel[r]).join('、');

export async function planStaff(
  ctx: Context,
  collegeId: string,
  allRows: ReadRecord<StaffRecord>[],
): Promise<KindPlan> {
  const errors: RowError[] = [];
  const elsewhere = await keptByOtherCollege(
    ctx,
    'users',
    allRows.map((r) => staffUserId(r.record.staffNo)),
    collegeId,
  );
  const rows = allRows.filter(({ rowNumber, record }) => {
    if (elsewhere.has(staffUserId(record.staffNo))) {
      errors.push({
        row: rowNumber,
        column: '工号',
        message: `工号 ${record.staffNo} 属于其他学院的教职工，不能在本学院导入`,
      });
      return false;
    }
    // School-wide reach (学工部) is granted by the school, not by a college's staff file.
    if (!mayGrantRoles(ctx.actor.grants, record.roles)) {
      errors.push({ row: rowNumber, column: '角色', message: '学工部角色只能由学工部导入或设置' });
      return false;
    }
    return true;
  });
  const stored = (await collegeStaff(ctx.store, collegeId)).filter((s) => s.active);
  const view = (
    s: { name: string; roles: readonly Role[]; phone: string; department: string },
    no: string,
  ): Comparable => ({
    label: `${no} ${s.name}`,
    fields: { 姓名: s.name, 角色: rolesText(s.roles), 手机: s.phone, 部门: s.department },
  });
  const file = new Map(rows.map(({ record: r }) => [r.staffNo, view(r, r.staffNo)]));
  const storedView = new Map(stored.map((s) => [s.staffNo, view(s, s.staffNo)]));
  const byNo = new Map(stored.map((s) => [s.staffNo, s]));
  return {
    errors,
    file,
    stored: storedView,
    async apply(diff, removeMissing) {
      const write = ctx.write();
      const records = new Map(rows.map((g) => [g.record.staffNo, g.record]));
      for (const c of [...diff.added, ...diff.changed]) {
        const r = records.get(c.key);
        if (!r) continue;
        const userId = staffUserId(r.staffNo);
        const prev = byNo.get(r.staffNo) ?? (await ctx.store.get('users', userId));
        const fields = {
          name: r.name,
          staffNo: r.staffNo,
          roles: r.roles,
          phone: r.phone,
          department: r.department,
          collegeId,
          active: true,
        };
        if (prev) await ctx.store.update('users', userId, fields, prev._version, write);
        else await ctx.store.add('users', { _id: userId, openid: pendingOpenid(userId), grants: [], ...fields }, write);
      }
      return markMissing(
        diff,
        removeMissing,
        (key) => byNo.get(key),
        async (prev) => {
          if (prev._id === ctx.actor.userId) return false; // the clerk never locks themself out
          await ctx.store.update('users', prev._id, { active: false }, prev._version, write);
        },
      );
    },
  };
}
