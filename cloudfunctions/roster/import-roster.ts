import { randomUUID } from 'node:crypto';
import type { RosterApplied, RosterPreview } from '../../types/api/roster';
import { type RosterChange, type RosterChangeDoc, type RosterKind } from '../../types/roster';
import { diffRoster } from '../core/roster/roster-diff';
import { classColumns, staffColumns, studentColumns, timetableColumns } from '../core/roster/roster-columns';
import { requireUsable } from '../core/roster/roster-file';
import type { Context } from '../platform/runtime/define-function';
import { planKind } from './plan-kind';
import { columnsOf, readRoster } from './read-roster';
import { refreshStaffGrants } from '../application/roster/staff-grants';

const labels: Record<RosterKind, Record<string, string>> = {
  students: studentColumns.labels,
  classes: classColumns.labels,
  staff: staffColumns.labels,
  timetable: timetableColumns.labels,
};
export const rosterPreviewSettings = { maxChanges: 300, maxErrors: 500 };

async function planned(ctx: Context, kind: RosterKind, collegeId: string, fileId: string) {
  const read = await readRoster(ctx, kind, fileId);
  if (!read.ok) return read;
  const plan = await planKind(ctx, kind, collegeId, read.records);
  const diff = diffRoster(plan.file, plan.stored);
  const errors = [...read.errors, ...plan.errors].sort((a, b) => a.row - b.row);
  return { ...read, plan, diff, errors, bad: new Set(errors.map((e) => e.row)).size };
}

/** What the file would change, before anything is written: added / changed / missing, and the bad rows. */
export async function previewRoster(
  ctx: Context,
  kind: RosterKind,
  collegeId: string,
  fileId: string,
): Promise<RosterPreview> {
  const p = await planned(ctx, kind, collegeId, fileId);
  const empty = {
    kind,
    columns: [],
    rows: 0,
    good: 0,
    bad: 0,
    errors: [],
    added: 0,
    changed: 0,
    unchanged: 0,
    missing: 0,
    changes: [],
  };
  if (!p.ok) return { ...empty, fatal: p.message };
  const changes: RosterChange[] = [...p.diff.added, ...p.diff.changed, ...p.diff.missing].slice(
    0,
    rosterPreviewSettings.maxChanges,
  );
  return {
    kind,
    fatal: null,
    columns: columnsOf(p.header, labels[kind]),
    rows: p.rows,
    good: p.plan.file.size,
    bad: p.bad,
    errors: p.errors.slice(0, rosterPreviewSettings.maxErrors),
    added: p.diff.added.length,
    changed: p.diff.changed.length,
    unchanged: p.diff.unchanged,
    missing: p.diff.missing.length,
    changes,
  };
}

/**
 * Applies the file in one call: the writes of the diff (each change audited in rosterChanges),
 * then every staff grant re-derived. The same file again finds nothing to change and writes nothing.
 */
export async function applyRoster(
  ctx: Context,
  kind: RosterKind,
  collegeId: string,
  fileId: string,
  removeMissing: boolean,
): Promise<RosterApplied> {
  const p = requireUsable(await planned(ctx, kind, collegeId, fileId));
  const removed = await p.plan.apply(p.diff, removeMissing);
  const write = ctx.write();
  const audited: RosterChange[] = [...p.diff.added, ...p.diff.changed, ...(removeMissing ? p.diff.missing : [])];
  const batch = randomUUID().slice(0, 8);
  const docs: RosterChangeDoc[] = audited.map((c, i) => ({
    _id: `rc-${kind}-${write.at}-${batch}-${String(i).padStart(5, '0')}`,
    collegeId,
    kind,
    entityId: c.key,
    label: c.label,
    change: c.change === 'missing' ? 'removed' : c.change,
    fields: c.fields,
    source: { fileId },
    by: ctx.actor.userId,
    byName: ctx.actor.name,
    at: write.at,
  }));
  if (docs.length > 0) await ctx.store.addMany('rosterChanges', docs, write);
  await refreshStaffGrants(ctx.store, collegeId, write);
  return {
    kind,
    added: p.diff.added.length,
    changed: p.diff.changed.length,
    unchanged: p.diff.unchanged,
    missing: p.diff.missing.length,
    removed,
    errors: p.bad,
  };
}
