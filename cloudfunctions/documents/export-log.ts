import {
  documentFormatLabel,
  documentKindLabel,
  type DocumentExport,
  type DocumentFormat,
  type DocumentKind,
  type ExportRow,
} from '../../types/documents';
import { wholeCollegeIdsFor } from '../core/access/authorize';
import type { Context } from '../platform/runtime/define-function';
import { newId, queryAll } from '../platform/store/store';

export type ExportEntry = {
  collegeId: string;
  kind: DocumentKind;
  format: DocumentFormat | 'zip';
  title: string;
  fileName: string;
  bytes: number;
  subject: DocumentExport['subject'];
};

/**
 * Each print view, export and download is a row: who, what, when (issue 15, rules: 004-1.3 — a
 * warning is not shown beyond those who handle it, so what leaves the system is on record).
 * Every call is its own event, so a second download is a second row.
 */
export async function recordExport(ctx: Context, entry: ExportEntry): Promise<void> {
  const at = ctx.nowIso();
  const row: DocumentExport = {
    _id: `export-${newId(Date.parse(at))}`,
    byId: ctx.actor.userId,
    byName: ctx.actor.name,
    at,
    ...entry,
  };
  await ctx.store.add('documentExports', row, ctx.write());
}

/** The college leader's list: the newest 500 of their colleges, newest first. */
export async function exportRows(ctx: Context): Promise<ExportRow[]> {
  const collegeIds = wholeCollegeIdsFor(ctx.actor, 'exports.read');
  if (collegeIds.length === 0) return [];
  const rows = await queryAll(ctx.store, 'documentExports', { where: { collegeId: { in: collegeIds } } });
  return rows
    .sort((a, b) => b.at.localeCompare(a.at) || b._id.localeCompare(a._id))
    .slice(0, 500)
    .map((r) => ({
      exportId: r._id,
      at: r.at,
      byName: r.byName,
      kindLabel: documentKindLabel[r.kind] ?? r.kind,
      formatLabel: documentFormatLabel[r.format] ?? r.format,
      title: r.title,
      fileName: r.fileName,
      bytes: r.bytes,
    }));
}
