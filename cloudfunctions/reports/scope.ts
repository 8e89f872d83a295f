import type { ClassInfo } from '../../types/domain';
import { rolesWith } from '../core/access/authorize';
import { classReachOf } from '../core/access/report-reach';
import type { Permission } from '../core/access/permissions';
import type { ClassFact } from '../core/reports/facts';
import type { Context } from '../platform/runtime/define-function';
import { queryAll, type Stored, type Where } from '../platform/store/store';

export type ReportScope = {
  classes: Stored<ClassInfo>[];
  facts: ClassFact[];
  collegeId: string | null;
  collegeName: string;
};

/**
 * The classes a report covers for the caller: a leader's college, a department head's
 * department, a counselor's or head teacher's own classes (whatever the permission grants).
 */
export async function reportScope(ctx: Context, permission: Permission): Promise<ReportScope> {
  const byId = new Map<string, Stored<ClassInfo>>();
  for (const grant of rolesWith(ctx.actor, permission)) {
    const reach = classReachOf(grant);
    if (!reach) continue;
    const where: Where = 'classIds' in reach ? { _id: { in: reach.classIds } } : reach;
    for (const c of await queryAll(ctx.store, 'classes', { where })) byId.set(c._id, c);
  }
  const classes = [...byId.values()].sort((a, b) => a._id.localeCompare(b._id));
  const collegeId = classes[0]?.collegeId ?? null;
  const college = collegeId ? await ctx.store.get('colleges', collegeId) : null;
  const deptName = (id: string) => college?.departments.find((d) => d.id === id)?.name ?? id;
  return {
    classes,
    collegeId,
    collegeName: college?.name ?? '',
    facts: classes.map((c) => ({
      classId: c._id,
      name: c.name,
      departmentId: c.departmentId,
      departmentName: deptName(c.departmentId),
      counselorId: c.counselorId,
      headTeacherId: c.headTeacherId,
      cohort: c.cohort,
    })),
  };
}
