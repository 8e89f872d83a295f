import type { z } from 'zod';
import { AcademicCalendar, DutyConfig } from '../../../types/duty';
import { DomainError, type ErrorCode } from '../errors';

/** Duty rules from configuration; a bad file stops at start with the path of the first fault. */
export function parseDutyConfig(json: unknown): DutyConfig {
  return parseOrThrow(DutyConfig, json, 'DUTY.CONFIG_INVALID', '职责配置');
}

export function parseCalendar(json: unknown): AcademicCalendar {
  return parseOrThrow(AcademicCalendar, json, 'DUTY.CALENDAR_INVALID', '校历配置');
}

function parseOrThrow<T>(
  schema: z.ZodType<T, z.ZodTypeDef, unknown>,
  json: unknown,
  code: ErrorCode,
  label: string,
): T {
  const parsed = schema.safeParse(json);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const path = issue?.path.join('.') ?? '';
  throw new DomainError(
    code,
    `${label}有误${path ? `（${path}）` : ''}：${issue?.message ?? '格式不正确'}`,
    path || undefined,
  );
}
