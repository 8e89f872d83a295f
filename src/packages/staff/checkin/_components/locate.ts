import Taro from '@tarojs/taro';
import type { GeoFix } from '../../../../../types/checkin';

/**
 * The phone's position, asked for from a tap (WeChat requires it; scope.userLocation is declared
 * in app.config). In H5 Taro.getLocation uses the browser's geolocation. A refusal or a timeout
 * is not an error: the check-in goes without a position and the server flags it.
 */
export async function locate(): Promise<{ fix: GeoFix | null; error: string | null }> {
  try {
    const r = await Taro.getLocation({ type: 'gcj02', isHighAccuracy: true, highAccuracyExpireTime: 4000 });
    return {
      fix: {
        latitude: r.latitude,
        longitude: r.longitude,
        ...(typeof r.accuracy === 'number' ? { accuracy: r.accuracy } : {}),
      },
      error: null,
    };
  } catch (e) {
    const fromBrowser = await browserFix();
    if (fromBrowser) return { fix: fromBrowser, error: null };
    const message =
      typeof e === 'object' && e !== null && 'errMsg' in e && typeof e.errMsg === 'string' ? e.errMsg : '无法获取位置';
    return { fix: null, error: message };
  }
}

/** H5 fallback straight to the browser API, when Taro's wrapper is unavailable. */
function browserFix(): Promise<GeoFix | null> {
  if (process.env.TARO_ENV !== 'h5' || typeof navigator === 'undefined' || !navigator.geolocation)
    return Promise.resolve(null);
  return new Promise((resolve) => {
    navigator.geolocation.getCurrentPosition(
      (p) => resolve({ latitude: p.coords.latitude, longitude: p.coords.longitude, accuracy: p.coords.accuracy }),
      () => resolve(null),
      { enableHighAccuracy: true, timeout: 5000 },
    );
  });
}
