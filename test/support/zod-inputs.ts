import { z } from 'zod';

/**
 * A valid input for a zod schema, built by walking it: the smallest value each check allows,
 * with `fill` choosing values by key (the ids of the record a test aims at, times that must lie
 * in the past or the future). Optional keys are included only when `fill` gives them.
 */
export type Fill = (key: string, path: readonly string[]) => unknown;

/** Strings tried against a schema's regex, in order (the product's regexes are few). */
const REGEX_CANDIDATES = [
  '2026-2027-1',
  '2026-2027',
  '2026-09-01',
  'lzut-life',
  'client-0001',
  'device-0001',
  'abcdefgh',
  '12345678',
  'data:image/png;base64,' +
    'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg=='.padEnd(240, 'A'),
  'A',
];

let serial = 0;
export function fixedUuid(): string {
  serial += 1;
  return `00000000-0000-4000-8000-${String(serial).padStart(12, '0')}`;
}

function sampleString(schema: z.ZodString, key: string, now: number): string {
  if (schema.isUUID) return fixedUuid();
  if (schema.isDatetime) return new Date(now).toISOString();
  const regex = schema._def.checks.flatMap((c) => (c.kind === 'regex' ? [c.regex] : []))[0];
  const min = schema.minLength ?? 1;
  const max = schema.maxLength ?? 64;
  if (regex) {
    const hit = REGEX_CANDIDATES.find((c) => regex.test(c) && c.length >= min && c.length <= max);
    if (hit !== undefined) return hit;
  }
  if (schema.isEmail) return 'a@b.cn';
  const base = key.toLowerCase().includes('id') ? `x-${key}` : '测试内容';
  return base.padEnd(Math.max(min, 1), '字').slice(0, Math.max(max, 1));
}

// `instanceof` alone narrows zod's generic classes to `any` arguments; these name the shapes walked here.
type Any = z.ZodTypeAny;
const isEffects = (s: Any): s is z.ZodEffects<Any> => s instanceof z.ZodEffects;
const isPipeline = (s: Any): s is z.ZodPipeline<Any, Any> => s instanceof z.ZodPipeline;
const isDefault = (s: Any): s is z.ZodDefault<Any> => s instanceof z.ZodDefault;
const isOptional = (s: Any): s is z.ZodOptional<Any> | z.ZodNullable<Any> =>
  s instanceof z.ZodOptional || s instanceof z.ZodNullable;
const isBranded = (s: Any): s is z.ZodBranded<Any, PropertyKey> => s instanceof z.ZodBranded;
const isLazy = (s: Any): s is z.ZodLazy<Any> => s instanceof z.ZodLazy;
const isObject = (s: Any): s is z.ZodObject<z.ZodRawShape> => s instanceof z.ZodObject;
const isEnum = (s: Any): s is z.ZodEnum<[string, ...string[]]> => s instanceof z.ZodEnum;
const isNativeEnum = (s: Any): s is z.ZodNativeEnum<z.EnumLike> => s instanceof z.ZodNativeEnum;
const isArray = (s: Any): s is z.ZodArray<Any> => s instanceof z.ZodArray;
const isUnion = (
  s: Any,
): s is
  z.ZodUnion<readonly [Any, ...Any[]]> | z.ZodDiscriminatedUnion<string, z.ZodDiscriminatedUnionOption<string>[]> =>
  s instanceof z.ZodUnion || s instanceof z.ZodDiscriminatedUnion;
const isTuple = (s: Any): s is z.ZodTuple<[Any, ...Any[]] | [], Any | null> => s instanceof z.ZodTuple;

function sampleNumber(schema: z.ZodNumber): number {
  const min = schema.minValue;
  const max = schema.maxValue;
  let n = min === null ? 1 : Math.max(min, schema.isInt ? Math.ceil(min) : min);
  if (min !== null && schema._def.checks.some((c) => c.kind === 'min' && !c.inclusive)) n += 1;
  if (n < 1 && (max === null || max >= 1)) n = 1;
  if (max !== null && n > max) n = max;
  return n;
}

export function sampleInput(
  schema: z.ZodTypeAny,
  fill: Fill = () => undefined,
  now = Date.parse('2026-11-23T09:00:00+08:00'),
  path: readonly string[] = [],
): unknown {
  const key = path[path.length - 1] ?? '';
  // A filled value the schema refuses (a name used for something else here) is not used.
  const chosen = key === '' ? undefined : fill(key, path);
  if (chosen !== undefined && schema.safeParse(chosen).success) return chosen;
  if (isEffects(schema)) return sampleInput(schema.innerType(), fill, now, path);
  if (isPipeline(schema)) return sampleInput(schema._def.in, fill, now, path);
  if (isDefault(schema)) return sampleInput(schema._def.innerType, fill, now, path);
  if (isOptional(schema)) return sampleInput(schema.unwrap(), fill, now, path);
  if (isBranded(schema)) return sampleInput(schema.unwrap(), fill, now, path);
  if (isLazy(schema)) return sampleInput(schema.schema, fill, now, path);
  if (isObject(schema)) {
    const out: Record<string, unknown> = {};
    const shape: Record<string, z.ZodTypeAny> = schema.shape;
    for (const [k, child] of Object.entries(shape)) {
      const optional = child.isOptional();
      const given = fill(k, [...path, k]);
      if (given !== undefined && child.safeParse(given).success) out[k] = given;
      else if (!optional) out[k] = sampleInput(child, fill, now, [...path, k]);
    }
    return out;
  }
  if (schema instanceof z.ZodString) return sampleString(schema, key, now);
  if (schema instanceof z.ZodNumber) return sampleNumber(schema);
  if (schema instanceof z.ZodBoolean) return true;
  if (schema instanceof z.ZodLiteral) return schema.value;
  if (isEnum(schema)) return schema.options[0];
  if (isNativeEnum(schema)) return Object.values(schema.enum)[0];
  if (isArray(schema)) {
    const min = schema._def.exactLength?.value ?? schema._def.minLength?.value ?? 0;
    return Array.from({ length: Math.max(min, 1) }, (_, i) =>
      sampleInput(schema.element, fill, now, [...path, String(i)]),
    );
  }
  if (isUnion(schema)) {
    const options: z.ZodTypeAny[] = [...schema.options];
    for (const option of options) {
      const candidate = sampleInput(option, fill, now, path);
      if (option.safeParse(candidate).success) return candidate;
    }
    return sampleInput(options[0] ?? z.unknown(), fill, now, path);
  }
  if (schema instanceof z.ZodRecord) return {};
  if (isTuple(schema))
    return schema.items.map((item: z.ZodTypeAny, i: number) => sampleInput(item, fill, now, [...path, String(i)]));
  if (schema instanceof z.ZodDate) return new Date(now);
  return null;
}

/** Every object key a schema can take (for property tests that corrupt one field at a time). */
export function keysOf(schema: z.ZodTypeAny): string[] {
  if (isEffects(schema)) return keysOf(schema.innerType());
  if (isPipeline(schema)) return keysOf(schema._def.in);
  if (isDefault(schema)) return keysOf(schema._def.innerType);
  if (isOptional(schema)) return keysOf(schema.unwrap());
  if (isObject(schema)) return Object.keys(schema.shape);
  return [];
}
