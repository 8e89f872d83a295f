import { z } from 'zod';
import { MessageKind } from './message';

/**
 * WeChat subscription-message data types and their documented value limits (characters, counted
 * as code points): thing ≤ 20, number / letter / character_string ≤ 32, symbol ≤ 5, phrase ≤ 5
 * Chinese characters, name ≤ 10, phone_number ≤ 17, car_number ≤ 8, amount (a currency sign,
 * ≤ 10 digits, decimals), time / date in WeChat's formats.
 */
export const WechatFieldType = z.enum([
  'thing',
  'number',
  'letter',
  'symbol',
  'character_string',
  'time',
  'date',
  'amount',
  'phone_number',
  'car_number',
  'name',
  'phrase',
]);
export type WechatFieldType = z.infer<typeof WechatFieldType>;

export const wechatFieldLimit: Record<WechatFieldType, number> = {
  thing: 20,
  number: 32,
  letter: 32,
  symbol: 5,
  character_string: 32,
  time: 32,
  date: 32,
  amount: 16,
  phone_number: 17,
  car_number: 8,
  name: 10,
  phrase: 5,
};

/** One field of a template: our key in outbox data → WeChat's key (thing1, time2…) and type. */
export const TemplateField = z.object({
  key: z.string().regex(/^[a-zA-Z][a-zA-Z0-9]*$/, '字段名只能是字母和数字'),
  wechatKey: z
    .string()
    .regex(
      /^(thing|number|letter|symbol|character_string|time|date|amount|phone_number|car_number|name|phrase)\d{1,2}$/,
      '微信字段名形如 thing1、time2',
    ),
  type: WechatFieldType,
  label: z.string().min(1),
});
export type TemplateField = z.infer<typeof TemplateField>;

export const MessageTemplate = z
  .object({
    /** Environment variable holding the WeChat template id (ids differ per mini-program). */
    templateIdEnv: z.string().regex(/^WX_TMPL_[A-Z_]+$/),
    title: z.string().min(1),
    fields: z.array(TemplateField).min(1).max(5),
  })
  .superRefine((tpl, ctx) => {
    for (const field of tpl.fields) {
      if (field.wechatKey.replace(/\d+$/, '') !== field.type)
        ctx.addIssue({ code: 'custom', message: `${field.wechatKey} 的类型应为 ${field.type}`, path: ['fields'] });
    }
    if (new Set(tpl.fields.map((f) => f.wechatKey)).size !== tpl.fields.length)
      ctx.addIssue({ code: 'custom', message: '微信字段重复', path: ['fields'] });
  });
export type MessageTemplate = z.infer<typeof MessageTemplate>;

export const MessagesConfig = z.object({
  templates: z.record(MessageKind, MessageTemplate),
  /** Mini-program version a message opens: formal in production. */
  miniprogramState: z.enum(['developer', 'trial', 'formal']),
  sending: z.object({
    /** Rows a sender pass handles at most (a cloud function has a time limit). */
    batchSize: z.number().int().min(1).max(1000),
    /** A claimed row becomes claimable again after this long (the sender may have crashed). */
    leaseMs: z.number().int().min(1000),
    /** Transient failures are retried until a row has been tried this often. */
    maxAttempts: z.number().int().min(1).max(20),
    backoffBaseMs: z.number().int().min(1000),
    backoffMaxMs: z.number().int().min(1000),
  }),
  notices: z.object({
    /** Parents must be informed within this many days of publication (1 week; rules: 001-2.5). */
    parentContactDays: z.number().int().min(1).max(60),
    bindingCodeDays: z.number().int().min(1).max(30),
    /** Wrong proofs (学号 + parent name) before a binding code burns. */
    bindingCodeAttempts: z.number().int().min(1).max(10),
    /** A receipt this soon after the student's signature, from the same device, is flagged. */
    receiptAfterAckSeconds: z.number().int().min(1).max(3600),
  }),
});
export type MessagesConfig = z.infer<typeof MessagesConfig>;
