import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { DomainError } from '../../core/errors';
import type { FileSource } from './file-source';

const LOCAL_ID = /^local:([0-9a-f-]{36})\.(csv|xlsx)$/;

/** Files uploaded to the local server live in <data>/uploads under a random name. */
export function localFiles(
  dataDir: string,
): FileSource & { newUpload(ext: 'csv' | 'xlsx'): { fileId: string; path: string } } {
  const dir = join(dataDir, 'uploads');
  return {
    async localPath(fileId) {
      const match = LOCAL_ID.exec(fileId);
      const path = match ? join(dir, `${match[1]}.${match[2]}`) : '';
      if (!match || !existsSync(path))
        throw new DomainError('FILE.NOT_FOUND', '找不到上传的文件，请重新上传', 'fileId');
      return path;
    },
    newUpload(ext) {
      mkdirSync(dir, { recursive: true });
      const name = `${randomUUID()}.${ext}`;
      return { fileId: `local:${name}`, path: join(dir, name) };
    },
  };
}
