import Taro from '@tarojs/taro';
import type { DocumentFile } from '../../../../types/documents';

function bytesOf(base64: string): Uint8Array<ArrayBuffer> {
  const text = atob(base64);
  const bytes = new Uint8Array(new ArrayBuffer(text.length));
  for (let i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i);
  return bytes;
}

const fileTypes: Record<string, 'xlsx' | 'pdf' | undefined> = { 'application/pdf': 'pdf', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'xlsx' };

/**
 * H5: a Blob link clicked on the tap (as the 汇总表 download); WeChat: written to the user
 * folder and opened (xlsx, PDF) or kept for sharing (zip).
 */
export async function saveFile(file: DocumentFile): Promise<void> {
  if (process.env.TARO_ENV === 'weapp') {
    const filePath = `${Taro.env.USER_DATA_PATH}/${file.fileName}`;
    Taro.getFileSystemManager().writeFileSync(filePath, file.base64, 'base64');
    const fileType = fileTypes[file.mime];
    if (fileType) await Taro.openDocument({ filePath, fileType, showMenu: true });
    else Taro.showToast({ title: '已保存到本机', icon: 'success' });
    return;
  }
  const url = URL.createObjectURL(new Blob([bytesOf(file.base64)], { type: file.mime }));
  const link = document.createElement('a');
  link.href = url;
  link.download = file.fileName;
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
