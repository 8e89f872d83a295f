import type { DraftView } from '../../types/api/warnings';
import { manualReasonLabel } from '../../types/policy';
import { classesByIds } from '../platform/directory/directory';
import type { Context } from '../platform/runtime/define-function';
import { presetPolicy } from '../core/rules';
import { newestDraft } from '../application/repositories/runs';
import { classStaffRoles } from '../core/access/own-grants';

/**
 * Head teachers and counselors add students to the clerk's list (rules: 002-4.2.1). For each college of
 * the caller's classes, the newest draft whose policy lets the caller's role add, with the entries
 * of the caller's classes only.
 */
export async function draftsFor(ctx: Context): Promise<DraftView[]> {
  const classRoles = classStaffRoles(ctx.actor.grants);
  const classes = await classesByIds(ctx.store, [...classRoles.keys()]);
  const out: DraftView[] = [];
  for (const collegeId of [...new Set(classes.map((c) => c.collegeId))].sort()) {
    const run = await newestDraft(ctx.store, collegeId);
    const policy = run ? presetPolicy(run.policyId) : null;
    if (!run || !policy || !policy.manualAdditions.allowed) continue;
    const mine = classes.filter(
      (c) =>
        c.collegeId === collegeId &&
        [...(classRoles.get(c._id) ?? [])].some((r) => policy.manualAdditions.roles.some((allowed) => allowed === r)),
    );
    if (mine.length === 0) continue;
    const ids = new Set(mine.map((c) => c._id));
    out.push({
      runId: run._id,
      semester: run.semester,
      policyName: run.policyName,
      levels: policy.levels.map((l) => ({ id: l.id, name: l.name })),
      manualReasons: policy.manualAdditions.reasons.map((id) => ({ id, label: manualReasonLabel[id] })),
      classes: mine.map((c) => ({ classId: c._id, name: c.name })),
      entries: run.entries.filter((e) => ids.has(e.classId)),
    });
  }
  return out;
}
