import type { MessagesConfig } from '../../../types/messages-config';
import { messagesConfig, templateOf } from '../../core/messages/config';
import type { SendResult } from '../../core/messages/send-outcome';
import { toWechatData, type WechatData } from '../../core/messages/wechat-data';
import type { OutboxRow } from './outbox';
import type { MessageSender } from './sender';
import { templateIdFor, type EnvVars } from './template-ids';

/** The part of wx-server-sdk this sender uses: `cloud.openapi.subscribeMessage.send` (documented fields). */
export type SubscribeSendParams = {
  touser: string;
  templateId: string;
  page: string;
  data: WechatData;
  miniprogramState: 'developer' | 'trial' | 'formal';
};
export type SubscribeMessageApi = { send(params: SubscribeSendParams): Promise<unknown> };

function numberField(value: unknown, ...keys: string[]): number | null {
  if (typeof value !== 'object' || value === null) return null;
  for (const key of keys) {
    const field: unknown = Reflect.get(value, key);
    if (typeof field === 'number') return field;
    if (typeof field === 'string' && /^-?\d+$/.test(field)) return Number(field);
  }
  return null;
}

function textField(value: unknown, ...keys: string[]): string {
  if (typeof value !== 'object' || value === null) return value instanceof Error ? value.message : String(value);
  for (const key of keys) {
    const field: unknown = Reflect.get(value, key);
    if (typeof field === 'string') return field;
  }
  return '';
}

/**
 * Sends through WeChat. wx-server-sdk resolves `{ errCode: 0, errMsg }` on success and rejects
 * with an error carrying `errCode` (43101 not subscribed, 40003 bad openid, 47003 bad data);
 * an error without a code (timeout, network) is reported as −1, which is retried.
 */
export function wechatSender(
  api: SubscribeMessageApi,
  env: EnvVars = process.env,
  config: MessagesConfig = messagesConfig,
): MessageSender {
  return {
    name: 'wechat',
    async send(row: OutboxRow): Promise<SendResult> {
      const template = templateOf(row.kind, config);
      const templateId = templateIdFor(row.kind, env, config);
      if (!template || !templateId)
        return { errcode: -2, errmsg: `未配置模板 ID（${template?.templateIdEnv ?? row.kind}）` };
      if (!row.toOpenid) return { errcode: 40003, errmsg: '收件人没有微信 openid' };
      try {
        const answer = await api.send({
          touser: row.toOpenid,
          templateId,
          page: row.page,
          data: toWechatData(template, row.data),
          miniprogramState: config.miniprogramState,
        });
        const code = numberField(answer, 'errCode', 'errcode') ?? 0;
        return { errcode: code, errmsg: textField(answer, 'errMsg', 'errmsg') };
      } catch (error) {
        return {
          errcode: numberField(error, 'errCode', 'errcode') ?? -1,
          errmsg: textField(error, 'errMsg', 'errmsg', 'message'),
        };
      }
    },
  };
}
