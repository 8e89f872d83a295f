import Taro from '@tarojs/taro';

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** A file a function sent back (xlsx, PDF, zip), base64 in the JSON answer. */
export type DownloadedFile = { fileName: string; base64: string; mime: string };

function bytesOf(base64: string): Uint8Array<ArrayBuffer> {
  const text = atob(base64);
  const bytes = new Uint8Array(new ArrayBuffer(text.length));
  for (let i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i);
  return bytes;
}

const openable: Record<string, 'xlsx' | 'pdf' | undefined> = { 'application/pdf': 'pdf', [XLSX_MIME]: 'xlsx' };

/**
 * H5: a Blob link clicked on the tap; WeChat: written to the user folder and opened (xlsx, PDF)
 * or kept for sharing (zip). In the main package, so every subpackage's downloads use it.
 */
export async function saveDownload(file: DownloadedFile): Promise<void> {
  if (process.env.TARO_ENV === 'weapp') {
    const filePath = `${Taro.env.USER_DATA_PATH}/${file.fileName}`;
    Taro.getFileSystemManager().writeFileSync(filePath, file.base64, 'base64');
    const fileType = openable[file.mime];
    if (fileType) await Taro.openDocument({ filePath, fileType, showMenu: true });
    else void Taro.showToast({ title: '已保存到本机', icon: 'success' });
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

/** The xlsx exports (汇总表, stipend sheet, reports). */
export const saveXlsx = (fileName: string, base64: string) => saveDownload({ fileName, base64, mime: XLSX_MIME });
