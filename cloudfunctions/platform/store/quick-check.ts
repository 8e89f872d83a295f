import { z } from 'zod';

/**
 * A schema compiled once into a plain function that answers "would zod accept this?" without
 * building the parsed copy zod builds. Reading a document only needs the yes/no (the store hands
 * out the stored document itself), and for the plain shapes documents have — objects, arrays,
 * strings, numbers, enums, unions — the function is several times faster than `safeParse`.
 *
 * It never says yes where zod says no: anything it does not know exactly (refinements, transforms,
 * string and number checks, defaults, strict objects…) is handed to zod for that part. A no is
 * re-asked of zod, which gives the reasons. Under strict fields the store asks both and fails on
 * disagreement, so every test run checks it.
 */
export type QuickCheck = (value: unknown) => boolean;

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

function byZod(schema: z.ZodTypeAny): QuickCheck {
  return (value) => schema.safeParse(value).success;
}

export function compileCheck(schema: z.ZodTypeAny): QuickCheck {
  // Coercing schemas accept what their type does not: zod judges them.
  if ('coerce' in schema._def && schema._def.coerce === true) return byZod(schema);
  if (schema instanceof z.ZodString) return schema._def.checks.length === 0 ? (v) => typeof v === 'string' : byZod(schema);
  if (schema instanceof z.ZodNumber) return schema._def.checks.length === 0 ? (v) => typeof v === 'number' && !Number.isNaN(v) : byZod(schema);
  if (schema instanceof z.ZodBoolean) return (v) => typeof v === 'boolean';
  if (schema instanceof z.ZodNull) return (v) => v === null;
  if (schema instanceof z.ZodUnknown || schema instanceof z.ZodAny) return () => true;
  if (schema instanceof z.ZodLiteral) {
    const literal: unknown = schema._def.value;
    return (v) => v === literal;
  }
  if (schema instanceof z.ZodEnum) {
    const values = new Set<unknown>(schema._def.values);
    return (v) => typeof v === 'string' && values.has(v);
  }
  if (schema instanceof z.ZodOptional) {
    const inner = compileCheck(schema._def.innerType);
    return (v) => v === undefined || inner(v);
  }
  if (schema instanceof z.ZodNullable) {
    const inner = compileCheck(schema._def.innerType);
    return (v) => v === null || inner(v);
  }
  if (schema instanceof z.ZodArray) {
    const { exactLength, minLength, maxLength } = schema._def;
    if (exactLength !== null || minLength !== null || maxLength !== null) return byZod(schema);
    const item = compileCheck(schema._def.type);
    return (v) => Array.isArray(v) && v.every((x) => item(x));
  }
  if (schema instanceof z.ZodRecord) {
    const key: unknown = schema._def.keyType;
    if (!(key instanceof z.ZodString) || key._def.checks.length > 0) return byZod(schema);
    const value = compileCheck(schema._def.valueType);
    return (v) => isRecord(v) && Object.values(v).every((x) => value(x));
  }
  if (schema instanceof z.ZodObject) return compileObject(schema);
  if (schema instanceof z.ZodDiscriminatedUnion) return compileDiscriminated(schema);
  if (schema instanceof z.ZodUnion) {
    const options: QuickCheck[] = schema._def.options.map((option: z.ZodTypeAny) => compileCheck(option));
    return (v) => options.some((option) => option(v));
  }
  return byZod(schema);
}

function compileObject(schema: z.AnyZodObject): QuickCheck {
  // Strict objects and catch-alls look at the keys a shape does not name: zod judges those.
  if (schema._def.unknownKeys === 'strict' || !(schema._def.catchall instanceof z.ZodNever)) return byZod(schema);
  const shape: z.ZodRawShape = schema.shape;
  const fields = Object.entries(shape).map(([key, field]): [string, QuickCheck] => [key, compileCheck(field)]);
  return (v) => {
    if (!isRecord(v)) return false;
    for (const [key, check] of fields) if (!check(v[key])) return false;
    return true;
  };
}

function compileDiscriminated(schema: z.ZodDiscriminatedUnion<string, z.ZodDiscriminatedUnionOption<string>[]>): QuickCheck {
  const key = schema._def.discriminator;
  const byValue = new Map<unknown, QuickCheck>();
  for (const [value, option] of schema._def.optionsMap) byValue.set(value, compileCheck(option));
  return (v) => {
    if (!isRecord(v)) return false;
    const check = byValue.get(v[key]);
    return check !== undefined && check(v);
  };
}
