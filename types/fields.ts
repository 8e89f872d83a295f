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

export const requiredText = (max: number, label = '内容') => text(max, label).pipe(z.string().min(1, `${label}不能为空`));

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
