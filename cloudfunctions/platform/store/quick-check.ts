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

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function byZod(schema: z.ZodTypeAny): QuickCheck {
  return (value) => schema.safeParse(value).success;
}

/** zod keeps a schema's parts in its `_def`, typed loosely: each part is taken as unknown and checked. */
function part(schema: z.ZodTypeAny, key: string): unknown {
  const def: unknown = schema._def;
  return isRecord(def) ? def[key] : undefined;
}

const isSchema = (value: unknown): value is z.ZodTypeAny => value instanceof z.ZodType;
const noChecks = (schema: z.ZodTypeAny): boolean => {
  const checks = part(schema, 'checks');
  return Array.isArray(checks) && checks.length === 0;
};

export function compileCheck(schema: z.ZodTypeAny): QuickCheck {
  // Coercing schemas accept what their type does not: zod judges them.
  if (part(schema, 'coerce') === true) return byZod(schema);
  if (schema instanceof z.ZodString) return noChecks(schema) ? (v) => typeof v === 'string' : byZod(schema);
  if (schema instanceof z.ZodNumber)
    return noChecks(schema) ? (v) => typeof v === 'number' && !Number.isNaN(v) : byZod(schema);
  if (schema instanceof z.ZodBoolean) return (v) => typeof v === 'boolean';
  if (schema instanceof z.ZodNull) return (v) => v === null;
  if (schema instanceof z.ZodUnknown || schema instanceof z.ZodAny) return () => true;
  if (schema instanceof z.ZodLiteral) {
    const literal = part(schema, 'value');
    return (v) => v === literal;
  }
  if (schema instanceof z.ZodEnum) {
    const values = part(schema, 'values');
    if (!Array.isArray(values)) return byZod(schema);
    const allowed = new Set<unknown>(values);
    return (v) => typeof v === 'string' && allowed.has(v);
  }
  if (schema instanceof z.ZodOptional || schema instanceof z.ZodNullable) {
    const inner = part(schema, 'innerType');
    if (!isSchema(inner)) return byZod(schema);
    const check = compileCheck(inner);
    return schema instanceof z.ZodOptional ? (v) => v === undefined || check(v) : (v) => v === null || check(v);
  }
  if (schema instanceof z.ZodArray) return compileArray(schema);
  if (schema instanceof z.ZodRecord) return compileRecord(schema);
  if (schema instanceof z.ZodObject) return compileObject(schema);
  if (schema instanceof z.ZodDiscriminatedUnion) return compileDiscriminated(schema);
  if (schema instanceof z.ZodUnion) {
    const options = part(schema, 'options');
    if (!Array.isArray(options) || !options.every(isSchema)) return byZod(schema);
    const checks = options.map((option) => compileCheck(option));
    return (v) => checks.some((check) => check(v));
  }
  return byZod(schema);
}

function compileArray(schema: z.ZodTypeAny): QuickCheck {
  const item = part(schema, 'type');
  const bounded = ['exactLength', 'minLength', 'maxLength'].some((key) => part(schema, key) !== null);
  if (bounded || !isSchema(item)) return byZod(schema);
  const check = compileCheck(item);
  return (v) => Array.isArray(v) && v.every((x) => check(x));
}

function compileRecord(schema: z.ZodTypeAny): QuickCheck {
  const key = part(schema, 'keyType');
  const value = part(schema, 'valueType');
  if (!(key instanceof z.ZodString) || !noChecks(key) || !isSchema(value)) return byZod(schema);
  const check = compileCheck(value);
  return (v) => isRecord(v) && Object.values(v).every((x) => check(x));
}

function compileObject(schema: z.ZodTypeAny): QuickCheck {
  // Strict objects and catch-alls look at the keys a shape does not name: zod judges those.
  const shapeOf = part(schema, 'shape');
  const shape: unknown = typeof shapeOf === 'function' ? Reflect.apply(shapeOf, schema._def, []) : undefined;
  if (part(schema, 'unknownKeys') === 'strict' || !(part(schema, 'catchall') instanceof z.ZodNever) || !isRecord(shape))
    return byZod(schema);
  const fields: [string, QuickCheck][] = [];
  for (const [key, field] of Object.entries(shape)) {
    if (!isSchema(field)) return byZod(schema);
    fields.push([key, compileCheck(field)]);
  }
  return (v) => {
    if (!isRecord(v)) return false;
    for (const [key, check] of fields) if (!check(v[key])) return false;
    return true;
  };
}

function compileDiscriminated(schema: z.ZodTypeAny): QuickCheck {
  const key = part(schema, 'discriminator');
  const options = part(schema, 'optionsMap');
  if (typeof key !== 'string' || !(options instanceof Map)) return byZod(schema);
  const byValue = new Map<unknown, QuickCheck>();
  for (const [value, option] of options) {
    if (!isSchema(option)) return byZod(schema);
    byValue.set(value, compileCheck(option));
  }
  return (v) => {
    if (!isRecord(v)) return false;
    const check = byValue.get(v[key]);
    return check !== undefined && check(v);
  };
}
