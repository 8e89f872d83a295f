import Taro from '@tarojs/taro';

const KEY = 'xueye.device';

/**
 * A random id made once per install and kept in local storage. NOT an identity (the server
 * always knows the caller from WeChat): only a fingerprint, sent with a signature or a receipt,
 * so a parent receipt from the very phone that just signed as the student can be flagged.
 */
export function deviceId(): string {
  const stored: unknown = Taro.getStorageSync(KEY);
  if (typeof stored === 'string' && /^[A-Za-z0-9_-]{8,64}$/.test(stored)) return stored;
  const alphabet = 'abcdefghijklmnopqrstuvwxyz0123456789';
  let id = 'dev-';
  for (let i = 0; i < 20; i++) id += alphabet[Math.floor(Math.random() * alphabet.length)] ?? 'x';
  Taro.setStorageSync(KEY, id);
  return id;
}
