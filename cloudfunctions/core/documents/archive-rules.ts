import { DomainError } from '../errors';

/** A semester is archived once it has begun (its records exist); a future one is refused. */
export function checkArchivable(span: { from: number }, now: number): void {
  if (span.from > now) throw new DomainError('ARCHIVE.SEMESTER_FUTURE', '该学期尚未开始，不能归档', 'semester');
}

/** A stored archive file leaves only as the manifest recorded it: same length, same SHA-256. */
export function checkArchiveFile(
  entry: { path: string; bytes: number; sha256: string },
  found: { bytes: number; sha256: string },
): void {
  if (found.bytes !== entry.bytes || found.sha256 !== entry.sha256)
    throw new DomainError('ARCHIVE.CHECKSUM', `归档文件校验失败：${entry.path}`, 'archiveId');
}
