import { createHash } from 'node:crypto';
import JSZip from 'jszip';

export const ZIP_MIME = 'application/zip';

export function sha256(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** `sha256sum -c` format: one "<hex>  <path>" line per file. */
export function checksumLines(files: readonly { path: string; sha256: string }[]): string {
  return files.map((f) => `${f.sha256}  ${f.path}`).join('\n') + '\n';
}

/** One zip of named files, every entry dated `at` (the archive's own time), so it is the same each download. */
export async function zipFiles(files: readonly { path: string; bytes: Buffer }[], at: Date): Promise<Buffer> {
  const zip = new JSZip();
  for (const f of files) zip.file(f.path, f.bytes, { date: at, binary: true });
  return zip.generateAsync({
    type: 'nodebuffer',
    compression: 'DEFLATE',
    compressionOptions: { level: 6 },
    platform: 'UNIX',
  });
}
