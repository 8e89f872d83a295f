import Taro from '@tarojs/taro';
import { sessionToken } from '../../../../services/session';

export type Uploaded = { fileId: string; name: string };

function extOf(name: string): 'csv' | 'xlsx' | null {
  const m = /\.(csv|xlsx)$/i.exec(name);
  const ext = m?.[1]?.toLowerCase();
  return ext === 'csv' || ext === 'xlsx' ? ext : null;
}

/** H5: a file input made on the tap (browsers open pickers only from a gesture), bytes POSTed to the local server. */
function pickInBrowser(): Promise<File | null> {
  return new Promise((resolve) => {
    const input = document.createElement('input');
    input.type = 'file';
    input.accept = '.csv,.xlsx';
    input.style.display = 'none';
    input.className = 'grade-file-input';
    input.onchange = () => {
      resolve(input.files?.[0] ?? null);
      input.remove();
    };
    document.body.appendChild(input);
    input.click();
  });
}

async function uploadInBrowser(): Promise<Uploaded | null> {
  const file = await pickInBrowser();
  if (!file) return null;
  const ext = extOf(file.name);
  if (!ext) throw new Error('请选择 .xlsx 或 .csv 文件');
  const token = sessionToken();
  const response = await fetch(`/api/files?ext=${ext}`, {
    method: 'POST',
    headers: token ? { authorization: `Bearer ${token}` } : {},
    body: file,
  });
  const body: unknown = await response.json();
  if (typeof body === 'object' && body !== null && 'ok' in body && body.ok === true && 'data' in body) {
    const data = body.data;
    if (typeof data === 'object' && data !== null && 'fileId' in data && typeof data.fileId === 'string')
      return { fileId: data.fileId, name: file.name };
  }
  const message =
    typeof body === 'object' && body !== null && 'message' in body && typeof body.message === 'string'
      ? body.message
      : '上传失败';
  throw new Error(message);
}

/** WeChat: pick the export from a chat (chooseMessageFile) and upload it to cloud storage. */
async function uploadInWechat(): Promise<Uploaded | null> {
  const picked = await Taro.chooseMessageFile({ count: 1, type: 'file', extension: ['csv', 'xlsx'] });
  const file = picked.tempFiles[0];
  if (!file) return null;
  const ext = extOf(file.name);
  if (!ext) throw new Error('请选择 .xlsx 或 .csv 文件');
  const uploaded = await Taro.cloud.uploadFile({
    cloudPath: `grade-imports/${Date.now()}-${Math.random().toString(36).slice(2, 8)}.${ext}`,
    filePath: file.path,
  });
  return { fileId: uploaded.fileID, name: file.name };
}

/** Must be called from a tap handler. Null when the clerk cancels. */
export function pickAndUpload(): Promise<Uploaded | null> {
  return process.env.TARO_ENV === 'weapp' ? uploadInWechat() : uploadInBrowser();
}
