import { type Archive, type ArchiveManifest, type DocumentFile } from '../../types/documents';
import { checkArchiveFile } from '../core/documents/archive-rules';
import { NotFoundError } from '../core/errors';
import { checksumLines, sha256, ZIP_MIME, zipFiles } from '../platform/documents/zip';
import type { Context } from '../platform/runtime/define-function';
import { queryAll, type Store } from '../platform/store/store';
import { recordExport } from './export-log';

export async function loadArchive(store: Store, archiveId: string): Promise<Archive> {
  const a = await store.get('archives', archiveId);
  if (!a) throw new NotFoundError('该归档');
  return a;
}

/** The manifest as the zip carries it: the stored record without the store's fields. */
export function manifestOf(a: Archive): ArchiveManifest {
  return {
    archiveId: a.archiveId,
    collegeId: a.collegeId,
    collegeName: a.collegeName,
    semester: a.semester,
    span: a.span,
    semesterOpen: a.semesterOpen,
    createdAt: a.createdAt,
    createdBy: a.createdBy,
    createdByName: a.createdByName,
    config: a.config,
    sample: a.sample,
    lifted: a.lifted,
    files: a.files,
  };
}

/**
 * The archive as one zip: manifest.json, SHA256SUMS and every file. Each file is checked against
 * the manifest before it leaves: a changed or missing byte refuses the download.
 */
export async function archiveZip(ctx: Context, archiveId: string): Promise<DocumentFile> {
  const a = await loadArchive(ctx.store, archiveId);
  const parts = await queryAll(ctx.store, 'archiveFiles', { where: { archiveId } });
  const files = a.files.map((entry) => {
    const mine = parts.filter((p) => p.path === entry.path).sort((x, y) => x.index - y.index);
    const bytes = Buffer.from(mine.map((p) => p.data).join(''), 'base64');
    checkArchiveFile(entry, { bytes: bytes.length, sha256: sha256(bytes) });
    return { path: entry.path, bytes };
  });
  const manifest = manifestOf(a);
  const zip = await zipFiles(
    [
      { path: 'manifest.json', bytes: Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`, 'utf8') },
      { path: 'SHA256SUMS', bytes: Buffer.from(checksumLines(a.files), 'utf8') },
      ...files,
    ],
    new Date(a.createdAt),
  );
  const fileName = `学期归档-${a.collegeName}-${a.semester}.zip`;
  await recordExport(ctx, {
    collegeId: a.collegeId,
    kind: 'archive',
    format: 'zip',
    title: `${a.collegeName} ${a.semester} 学期归档`,
    fileName,
    bytes: zip.length,
    subject: { semester: a.semester },
  });
  return { fileName, mime: ZIP_MIME, base64: zip.toString('base64'), bytes: zip.length };
}
