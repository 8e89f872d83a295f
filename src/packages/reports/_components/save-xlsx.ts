import Taro from '@tarojs/taro';

function bytesOf(base64: string): Uint8Array<ArrayBuffer> {
  const text = atob(base64);
  const bytes = new Uint8Array(new ArrayBuffer(text.length));
  for (let i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i);
  return bytes;
}

/** H5: a Blob link clicked on the tap; WeChat: written to the user folder and opened for sharing. */
export async function saveXlsx(fileName: string, base64: string): Promise<void> {
  if (process.env.TARO_ENV === 'weapp') {
    const filePath = `${Taro.env.USER_DATA_PATH}/${fileName}`;
    Taro.getFileSystemManager().writeFileSync(filePath, base64, 'base64');
    await Taro.openDocument({ filePath, fileType: 'xlsx', showMenu: true });
    return;
  }
  const url = URL.createObjectURL(new Blob([bytesOf(base64)], { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
