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

/** ISO-8601 instant as sent over the wire. */
export const isoTime = z.string().datetime({ offset: true, message: '时间格式不正确' });

export const page = z
  .object({
    skip: z.number({ invalid_type_error: '分页起点应为数字' }).int().min(0).default(0),
    limit: z.number({ invalid_type_error: '每页条数应为数字' }).int().min(1).max(200, '每页最多 200 条').default(50),
  })
  .default({});
