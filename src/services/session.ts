import Taro from '@tarojs/taro';

/** The local demo session token (H5 only; in WeChat the platform vouches for the caller). */
const KEY = 'xueye.session';

export function sessionToken(): string | null {
  const value: unknown = Taro.getStorageSync(KEY);
  return typeof value === 'string' && value.length > 0 ? value : null;
}

export function saveSession(token: string): void {
  Taro.setStorageSync(KEY, token);
}

export function clearSession(): void {
  Taro.removeStorageSync(KEY);
}
