import type { MessageTemplate } from '../../../types/messages-config';
import { fitField } from './field-limits';

export type WechatData = Record<string, { value: string }>;

/** Outbox data (our keys) → the `data` object of subscribeMessage.send (WeChat keys, values fitted). */
export function toWechatData(template: MessageTemplate, data: Record<string, string>): WechatData {
  const out: WechatData = {};
  for (const field of template.fields) out[field.wechatKey] = { value: fitField(field.type, data[field.key] ?? '') };
  return out;
}

/** The same fields as a person reads them in the local inbox (labels, fitted values). */
export function displayLines(template: MessageTemplate, data: Record<string, string>): { label: string; value: string }[] {
  return template.fields.map((field) => ({ label: field.label, value: fitField(field.type, data[field.key] ?? '') }));
}
