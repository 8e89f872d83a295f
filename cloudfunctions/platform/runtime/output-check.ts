import type { z } from 'zod';

/**
 * Whether a handler's answer is exactly what its action's output schema describes, as the app
 * will receive it (JSON). A zod object strips keys it does not name, so a parse alone would let a
 * field the schema forgot pass — and the app, which parses with the same schema, would lose it.
 * Hence the second step: every key of the answer must survive the parse. null: it is exact.
 */
export function outputProblem(schema: z.ZodTypeAny, data: unknown): string | null {
  const wire: unknown = data === undefined ? undefined : JSON.parse(JSON.stringify(data));
  const parsed = schema.safeParse(wire);
  if (!parsed.success) {
    return parsed.error.issues
      .slice(0, 3)
      .map((issue) => `${issue.path.join('.') || '(整体)'}: ${issue.message}`)
      .join('; ');
  }
  return droppedKey(wire, parsed.data, '');
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function droppedKey(original: unknown, parsed: unknown, path: string): string | null {
  if (Array.isArray(original) && Array.isArray(parsed)) {
    for (const [i, item] of original.entries()) {
      const problem = droppedKey(item, parsed[i], `${path}${i}.`);
      if (problem) return problem;
    }
    return null;
  }
  if (isRecord(original) && isRecord(parsed)) {
    for (const [key, value] of Object.entries(original)) {
      if (!Object.hasOwn(parsed, key)) return `${path}${key}: 输出契约未描述此字段`;
      const problem = droppedKey(value, parsed[key], `${path}${key}.`);
      if (problem) return problem;
    }
  }
  return null;
}

/** Checked in tests (jest sets NODE_ENV=test) and when asked (XUEYE_CHECK_OUTPUTS=1); the cloud skips it. */
export function outputChecksByDefault(env: Readonly<Record<string, string | undefined>> = process.env): boolean {
  return env.NODE_ENV === 'test' || env.XUEYE_CHECK_OUTPUTS === '1';
}
