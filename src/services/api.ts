import Taro from '@tarojs/taro';
import { api, type Api, type FunctionName } from '../../types/api';
import type { z } from 'zod';
import type { ActionContract, InputOf, OutputOf } from '../../types/envelope';
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

/** The one typed gateway: `call('campus', 'classStudents', { classId })`. Throws ApiError on failure. */
export async function call<F extends FunctionName, A extends keyof Api[F] & string>(fn: F, action: A, input: InputOf<Api[F][A]>): Promise<OutputOf<Api[F][A]>> {
  const envelope = await transport(fn, { action, input });
  if (!envelope.ok) throw new ApiError(envelope.code, envelope.message, envelope.field);
  return contracts[fn][action].output.parse(envelope.data);
}
