import { z } from 'zod';

/** Shared field schemas with Chinese messages, so every handler rejects bad input the same way. */
export const id = z
  .string({ required_error: '缺少编号', invalid_type_error: '编号应为文字' })
  .trim()
  .min(1, '编号不能为空')
  .max(64, '编号过长（最多 64 个字符）');

export const text = (max: number, label = '内容') =>
  z
    .string({ required_error: `缺少${label}`, invalid_type_error: `${label}应为文字` })
    .trim()
    .max(max, `${label}过长（最多 ${max} 个字）`);

export const requiredText = (max: number, label = '内容') =>
  text(max, label).pipe(z.string().min(1, `${label}不能为空`));

export const semesterId = z
  .string({ required_error: '缺少学期', invalid_type_error: '学期应为文字' })
  .regex(/^\d{4}-\d{4}-[12]$/, '学期格式应为 2025-2026-1');

/** Instants outside these years are typing or clock accidents, never a record of this product. */
export const EARLIEST_YEAR = 2000;
export const LATEST_YEAR = 2099;
const EARLIEST_MS = Date.UTC(EARLIEST_YEAR, 0, 1) - 14 * 3_600_000;
const LATEST_MS = Date.UTC(LATEST_YEAR + 1, 0, 1) + 14 * 3_600_000;

/** UTC offsets that exist on Earth: −12:00 … +14:00, minutes 00–59 (zod alone lets +99:99 through). */
const OFFSET = /(?:Z|([+-])(\d{2}):?(\d{2}))$/;
export function realOffset(text: string): boolean {
  const match = OFFSET.exec(text);
  if (!match) return false;
  if (match[0] === 'Z') return true;
  const hours = Number(match[2]);
  const minutes = Number(match[3]);
  if (minutes > 59) return false;
  const total = hours * 60 + minutes;
  return match[1] === '+' ? total <= 14 * 60 : total <= 12 * 60;
}

/** A real instant in the product's years, or a reason it is not (shared by input and stored-record checks). */
export function instantProblem(text: string, label = '时间'): string | null {
  if (!realOffset(text)) return `${label}的时区不正确`;
  const ms = Date.parse(text);
  if (!Number.isFinite(ms)) return `${label}格式不正确`;
  if (ms < EARLIEST_MS || ms > LATEST_MS) return `${label}超出合理范围（${EARLIEST_YEAR}–${LATEST_YEAR} 年）`;
  return null;
}

/**
 * ISO-8601 instant as sent over the wire, checked strictly: a calendar date and time (zod), an
 * offset that exists, and a year the product can mean. Each field names itself in the message.
 */
export const instant = (label = '时间') =>
  z
    .string({ required_error: `缺少${label}`, invalid_type_error: `${label}应为文字` })
    .datetime({ offset: true, message: `${label}格式不正确` })
    .superRefine((text, ctx) => {
      const problem = instantProblem(text, label);
      if (problem) ctx.addIssue({ code: 'custom', message: problem });
    });

export const isoTime = instant();

export const page = z
  .object({
    skip: z.number({ invalid_type_error: '分页起点应为数字' }).int().min(0).default(0),
    limit: z.number({ invalid_type_error: '每页条数应为数字' }).int().min(1).max(200, '每页最多 200 条').default(50),
  })
  .default({});

const typeNames: Partial<Record<string, string>> = {
  string: '文字',
  number: '数字',
  integer: '整数',
  bigint: '整数',
  boolean: '是或否',
  object: '对象',
  array: '列表',
  date: '日期',
  null: '空值',
};

/**
 * An issue's message for the person in front of the phone: the schema's own (Chinese) message,
 * or Chinese for what zod would have said in English (a wrong type, an unknown key in a strict
 * object, a value out of range) where the schema gives none.
 */
export function chineseMessage(issue: z.ZodIssue): string {
  if (/[\u4e00-\u9fff]/.test(issue.message)) return issue.message;
  return chineseErrorMap(issue, { defaultError: issue.message, data: undefined }).message;
}

const chineseErrorMap: z.ZodErrorMap = (issue, ctx) => {
  switch (issue.code) {
    case z.ZodIssueCode.invalid_type:
      if (issue.received === 'undefined') return { message: '缺少必填项' };
      return { message: `类型不正确，应为${typeNames[issue.expected] ?? '正确的类型'}` };
    case z.ZodIssueCode.unrecognized_keys:
      return { message: `不支持的字段：${issue.keys.slice(0, 5).join('、')}` };
    case z.ZodIssueCode.invalid_enum_value:
    case z.ZodIssueCode.invalid_literal:
    case z.ZodIssueCode.invalid_union_discriminator:
      return { message: '选项不正确' };
    case z.ZodIssueCode.too_small:
      if (issue.type === 'string') return { message: `至少 ${String(issue.minimum)} 个字` };
      if (issue.type === 'array' || issue.type === 'set') return { message: `至少 ${String(issue.minimum)} 项` };
      return { message: `不能小于 ${String(issue.minimum)}` };
    case z.ZodIssueCode.too_big:
      if (issue.type === 'string') return { message: `最多 ${String(issue.maximum)} 个字` };
      if (issue.type === 'array' || issue.type === 'set') return { message: `最多 ${String(issue.maximum)} 项` };
      return { message: `不能大于 ${String(issue.maximum)}` };
    case z.ZodIssueCode.invalid_date:
      return { message: '日期不正确' };
    case z.ZodIssueCode.not_finite:
    case z.ZodIssueCode.not_multiple_of:
      return { message: '数字不正确' };
    case z.ZodIssueCode.invalid_string:
    case z.ZodIssueCode.invalid_union:
    case z.ZodIssueCode.invalid_arguments:
    case z.ZodIssueCode.invalid_return_type:
    case z.ZodIssueCode.invalid_intersection_types:
      return { message: '格式不正确' };
    default:
      return {
        message: ctx.defaultError && /[\u4e00-\u9fff]/.test(ctx.defaultError) ? ctx.defaultError : '输入不正确',
      };
  }
};
