/**
 * Proof of a phone number by WeChat: the mini-program's `getPhoneNumber` button gives a one-time
 * code, the function exchanges it with `cloud.openapi.phonenumber.getPhoneNumber({ code })`
 * (wx-server-sdk; needs `phonenumber.getPhoneNumber` in the function's open-API permissions).
 * Behind this interface so the local server and tests use a stand-in.
 */
export type VerifiedPhone = { phoneNumber: string; purePhoneNumber: string; countryCode: string };

export interface PhoneNumberExchange {
  exchange(code: string): Promise<VerifiedPhone>;
}

/** WeChat refused the code (used, expired, or the account may not use the API), with its errcode. */
export class PhoneExchangeError extends Error {
  override readonly name = 'PhoneExchangeError';
  constructor(
    readonly errcode: number,
    message: string,
  ) {
    super(message);
  }
}

/** The part of wx-server-sdk used: `openapi.phonenumber.getPhoneNumber`, documented answer `{ errCode, errMsg, phoneInfo }`. */
export type PhoneNumberApi = { getPhoneNumber(params: { code: string }): Promise<unknown> };

function field(value: unknown, key: string): unknown {
  return typeof value === 'object' && value !== null ? Reflect.get(value, key) : undefined;
}

/** Reads WeChat's answer (camelCase from wx-server-sdk, snake_case from the HTTPS API). */
export function verifiedPhoneOf(answer: unknown): VerifiedPhone {
  const code = Number(field(answer, 'errCode') ?? field(answer, 'errcode') ?? 0);
  const info = field(answer, 'phoneInfo') ?? field(answer, 'phone_info');
  const pure = field(info, 'purePhoneNumber');
  if (code !== 0 || typeof pure !== 'string' || pure === '')
    throw new PhoneExchangeError(
      code || -1,
      textOf(field(answer, 'errMsg') ?? field(answer, 'errmsg')) ?? 'no phone_info',
    );
  const full = field(info, 'phoneNumber');
  const country = field(info, 'countryCode');
  return {
    purePhoneNumber: pure,
    phoneNumber: typeof full === 'string' ? full : pure,
    countryCode: typeof country === 'string' ? country : '86',
  };
}

/** The exchange through wx-server-sdk, for the cloud entry (loaded lazily: tests never need the SDK). */
export function wechatPhoneExchange(api: () => PhoneNumberApi): PhoneNumberExchange {
  return {
    async exchange(code) {
      let answer: unknown;
      try {
        answer = await api().getPhoneNumber({ code });
      } catch (error) {
        // wx-server-sdk rejects with { errCode, errMsg } on WeChat's errors.
        throw new PhoneExchangeError(Number(field(error, 'errCode') ?? -1), String(field(error, 'errMsg') ?? error));
      }
      return verifiedPhoneOf(answer);
    },
  };
}

let sdk: PhoneNumberApi | null = null;

/** wx-server-sdk's `openapi.phonenumber`, loaded once and only in the cloud. */
export function loadPhoneNumberApi(): PhoneNumberApi {
  if (sdk) return sdk;
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- the WeChat SDK is CommonJS, loaded only on the first exchange
  const cloud: unknown = require('wx-server-sdk');
  const init = field(cloud, 'init');
  const api = field(field(cloud, 'openapi'), 'phonenumber');
  if (typeof init !== 'function' || typeof field(api, 'getPhoneNumber') !== 'function')
    throw new Error('wx-server-sdk is missing cloud.openapi.phonenumber.getPhoneNumber');
  Reflect.apply(init, cloud, [{ env: field(cloud, 'DYNAMIC_CURRENT_ENV') }]);
  const getPhoneNumber = field(api, 'getPhoneNumber');
  const call = (params: { code: string }): Promise<unknown> =>
    Promise.resolve(typeof getPhoneNumber === 'function' ? Reflect.apply(getPhoneNumber, api, [params]) : undefined);
  sdk = { getPhoneNumber: call };
  return sdk;
}

/** The SDK's error text, when it gave one as text or a number. */
function textOf(value: unknown): string | undefined {
  return typeof value === 'string' || typeof value === 'number' ? String(value) : undefined;
}
