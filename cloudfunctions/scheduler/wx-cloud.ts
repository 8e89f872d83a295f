import type { SubscribeMessageApi } from '../platform/messenger/wechat-sender';

/** The part of wx-server-sdk the scheduler uses, typed here so nothing else depends on the SDK. */
export type WxCloud = {
  DYNAMIC_CURRENT_ENV: unknown;
  init(options: { env: unknown }): void;
  openapi: { subscribeMessage: SubscribeMessageApi };
};

function isWxCloud(value: unknown): value is WxCloud {
  if (typeof value !== 'object' || value === null) return false;
  const openapi: unknown = Reflect.get(value, 'openapi');
  const init: unknown = Reflect.get(value, 'init');
  if (typeof init !== 'function' || typeof openapi !== 'object' || openapi === null) return false;
  const sub: unknown = Reflect.get(openapi, 'subscribeMessage');
  return typeof sub === 'object' && sub !== null && typeof Reflect.get(sub, 'send') === 'function';
}

let cloud: WxCloud | null = null;

/** Loaded lazily and only in the cloud entry: tests and the local server never need the SDK. */
export function loadWxCloud(): WxCloud {
  if (cloud) return cloud;
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded synchronously and only in the cloud entry, where the SDK is installed
  const sdk: unknown = require('wx-server-sdk');
  if (!isWxCloud(sdk)) throw new Error('wx-server-sdk is missing cloud.openapi.subscribeMessage.send');
  sdk.init({ env: sdk.DYNAMIC_CURRENT_ENV });
  cloud = sdk;
  return sdk;
}
