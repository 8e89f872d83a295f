import { expect } from '@jest/globals';
import { call } from '../../../src/services/api';
import { ApiError } from '../../../src/services/transport';

// The app's gateway in H5 (TARO_ENV is not 'weapp' here): answers come from the local server by fetch.
jest.mock('@tarojs/taro', () => ({ __esModule: true, default: { getStorageSync: () => '', cloud: {} } }));

const me = {
  userId: 'u1',
  name: '王老师',
  roles: ['counselor'],
  grants: [{ role: 'counselor', classIds: ['c1'] }],
  children: [],
};

function answering(data: unknown) {
  const fetchMock = jest.fn(async () => ({ json: async () => ({ ok: true, data }) }));
  Object.assign(globalThis, { fetch: fetchMock });
  return fetchMock;
}

describe("call parses the answer with its action's output schema", () => {
  const realFetch = globalThis.fetch;
  afterEach(() => Object.assign(globalThis, { fetch: realFetch }));

  it('returns an answer that matches, as sent', async () => {
    answering(me);
    await expect(call('identity', 'me', {})).resolves.toEqual(me);
  });

  it('refuses an answer its schema does not describe, with the transport code and a Chinese message', async () => {
    answering({ ...me, roles: 'counselor' });
    const spy = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    const error: unknown = await call('identity', 'me', {}).catch((e: unknown) => e);
    spy.mockRestore();
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({
      code: 'TRANSPORT.BAD_RESPONSE',
      message: expect.stringMatching(/服务返回了无法识别的结果/),
    });
  });
});
