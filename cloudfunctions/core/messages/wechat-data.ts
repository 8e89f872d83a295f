import type { MessageTemplate } from '../../../types/messages-config';
import { fitField } from './field-limits';

export type WechatData = Record<string, { value: string }>;

/**
 * Outbox data (our keys) fitted field by field to the template's WeChat types. Every message —
 * WeChat or the local inbox, whichever file built its data — is sent through this, so message
 * builders hand over whole texts and never cut on their own.
 */
export function fitTemplateData(template: MessageTemplate, data: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const field of template.fields) out[field.key] = fitField(field.type, data[field.key] ?? '');
  return out;
}

/** Outbox data (our keys) → the `data` object of subscribeMessage.send (WeChat keys, values fitted). */
export function toWechatData(template: MessageTemplate, data: Record<string, string>): WechatData {
  const fitted = fitTemplateData(template, data);
  const out: WechatData = {};
  for (const field of template.fields) out[field.wechatKey] = { value: fitted[field.key] ?? '' };
  return out;
}

/** The same fields as a person reads them in the local inbox (labels, fitted values). */
export function displayLines(
  template: MessageTemplate,
  data: Record<string, string>,
): { label: string; value: string }[] {
  const fitted = fitTemplateData(template, data);
  return template.fields.map((field) => ({ label: field.label, value: fitted[field.key] ?? '' }));
}
