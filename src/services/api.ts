import Taro from '@tarojs/taro';
import { api, type Api, type FunctionName } from '../../types/api';
import type { z } from 'zod';
import type { ActionContract, InputOf, OutputOf } from '../../types/envelope';
import { Errors } from '../../types/errors';
import { ApiError, asEnvelope, type Transport } from './transport';
import { sessionToken } from './session';

/** WeChat: the cloud function sees the caller's OPENID from its context; nothing identifies us in `data`. */
const wechatTransport: Transport = async (fn, event) => {
  const result = await Taro.cloud.callFunction({ name: fn, data: event });
  return asEnvelope(result.result);
};

/** H5: the local server (same origin) runs the same handlers; the signed demo session stands in for WeChat. */
export const httpTransport: Transport = async (fn, event) => {
  const token = sessionToken();
  const response = await fetch(`/api/fn/${fn}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(event),
  });
  return asEnvelope(await response.json());
};

const transport: Transport = process.env.TARO_ENV === 'weapp' ? wechatTransport : httpTransport;

/** The registry seen as "each action has an output schema" (checked against `api` by the compiler). */
type Contracts = { [F in FunctionName]: { [A in keyof Api[F]]: ActionContract<z.ZodTypeAny, OutputOf<Api[F][A]>> } };
const contracts: Contracts = api;

/**
 * Whether the app parses answers with their output schemas: in H5 (the local server, demo and the
 * journeys' build) and in development builds of the mini-program, not in its release build. The
 * functions' tests check every answer strictly against the same schemas (output-check.ts), so a
 * release build would only pay for it: measured 7.6 ms for a 33 KB review page and 47 ms for a
 * 300 KB semester duty list on the CI machine, several times that on a low-end phone.
 */
const parseAnswers = process.env.TARO_ENV !== 'weapp' || process.env.NODE_ENV !== 'production';

/** The one typed gateway: `call('campus', 'classStudents', { classId })`. Throws ApiError on failure. */
export async function call<F extends FunctionName, A extends keyof Api[F] & string>(
  fn: F,
  action: A,
  input: InputOf<Api[F][A]>,
): Promise<OutputOf<Api[F][A]>> {
  const envelope = await transport(fn, { action, input });
  if (!envelope.ok) throw new ApiError(envelope.code, envelope.message, envelope.field);
  // The release build trusts the answer the tests proved (see parseAnswers).
  if (!parseAnswers) return envelope.data as OutputOf<Api[F][A]>;
  const answer = contracts[fn][action].output.safeParse(envelope.data);
  if (answer.success) return answer.data;
  console.error(`[${fn}.${action}] answer does not match its output schema`, answer.error.issues.slice(0, 3));
  throw new ApiError(Errors.transport.BadResponse, '服务返回了无法识别的结果，请稍后再试');
}
