import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import tcb from '@cloudbase/node-sdk';
import { DomainError } from '../../core/errors';
import type { FileSource } from './file-source';

/**
 * CloudBase storage: the mini-program uploads with wx.cloud.uploadFile and passes the fileID;
 * the function downloads it once into /tmp (kept while the instance is warm, so each chunk of
 * a resumable import does not download it again).
 */
export function cloudbaseFiles(app = tcb.init({ env: tcb.SYMBOL_CURRENT_ENV })): FileSource {
  return {
    async localPath(fileId) {
      if (!fileId.startsWith('cloud://'))
        throw new DomainError('FILE.NOT_FOUND', '文件编号不正确，请重新上传', 'fileId');
      const path = join(tmpdir(), `upload-${createHash('sha256').update(fileId).digest('hex').slice(0, 24)}`);
      if (existsSync(path)) return path;
      const { fileContent } = await app.downloadFile({ fileID: fileId });
      if (!fileContent) throw new DomainError('FILE.NOT_FOUND', '找不到上传的文件，请重新上传', 'fileId');
      await writeFile(path, fileContent);
      return path;
    },
  };
}
