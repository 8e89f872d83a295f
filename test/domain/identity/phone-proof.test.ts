import { maskedMiddle, phoneOnFile } from '../../../cloudfunctions/core/identity/phone-match';
import {
  PhoneExchangeError,
  verifiedPhoneOf,
  wechatPhoneExchange,
} from '../../../cloudfunctions/platform/identity/phone-number';

describe('a parent phone proven by WeChat (getPhoneNumber)', () => {
  test('the verified number matches either phone on file, with or without +86', () => {
    expect(phoneOnFile('13900000111', ['13900000101', '13900000111'])).toBe(true);
    expect(phoneOnFile('+86 139-0000-0101', ['13900000101'])).toBe(true);
    expect(phoneOnFile('13900000199', ['13900000101', '13900000111'])).toBe(false);
    expect(phoneOnFile('', ['13900000101'])).toBe(false);
    expect(maskedMiddle('13900000199')).toBe('139****0199');
  });

  test("WeChat's documented answer is read (wx-server-sdk camelCase and the HTTPS API's snake_case)", () => {
    const phoneInfo = {
      phoneNumber: '+8613900000101',
      purePhoneNumber: '13900000101',
      countryCode: '86',
      watermark: { timestamp: 1, appid: 'wx' },
    };
    expect(verifiedPhoneOf({ errCode: 0, errMsg: 'openapi.phonenumber.getPhoneNumber:ok', phoneInfo })).toEqual({
      phoneNumber: '+8613900000101',
      purePhoneNumber: '13900000101',
      countryCode: '86',
    });
    expect(verifiedPhoneOf({ errcode: 0, errmsg: 'ok', phone_info: phoneInfo }).purePhoneNumber).toBe('13900000101');
    expect(() => verifiedPhoneOf({ errCode: 40029, errMsg: 'invalid code' })).toThrow(PhoneExchangeError);
  });

  test('the exchange calls getPhoneNumber with the code and turns a rejection into its errcode', async () => {
    const calls: string[] = [];
    const ok = wechatPhoneExchange(() => ({
      async getPhoneNumber({ code }) {
        calls.push(code);
        return {
          errCode: 0,
          errMsg: 'ok',
          phoneInfo: { phoneNumber: '13900000101', purePhoneNumber: '13900000101', countryCode: '86' },
        };
      },
    }));
    expect((await ok.exchange('c-1')).purePhoneNumber).toBe('13900000101');
    expect(calls).toEqual(['c-1']);
    const refused = wechatPhoneExchange(() => ({
      getPhoneNumber: () => Promise.reject(Object.assign(new Error('x'), { errCode: 40029, errMsg: 'invalid code' })),
    }));
    await expect(refused.exchange('used')).rejects.toMatchObject({ errcode: 40029 });
  });
});
