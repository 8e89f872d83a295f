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
 * The one typed gateway: `call('campus', 'classStudents', { classId })`. Throws ApiError on failure.
 * The answer is parsed with the action's output schema in every build: the functions and the
 * mini-program are deployed apart, so a function newer or older than the app shows up as one clear
 * error here, not as a blank field deep in a screen. Fields the schema does not name would be
 * stripped, which the functions' tests rule out (they check every answer strictly, output-check.ts).
 */
export async function call<F extends FunctionName, A extends keyof Api[F] & string>(fn: F, action: A, input: InputOf<Api[F][A]>): Promise<OutputOf<Api[F][A]>> {
  const envelope = await transport(fn, { action, input });
  if (!envelope.ok) throw new ApiError(envelope.code, envelope.message, envelope.field);
  const answer = contracts[fn][action].output.safeParse(envelope.data);
  if (answer.success) return answer.data;
  console.error(`[${fn}.${action}] answer does not match its output schema`, answer.error.issues.slice(0, 3));
  throw new ApiError(Errors.transport.BadResponse, '服务返回了无法识别的结果，请更新小程序后重试');
}
