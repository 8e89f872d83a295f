import fc from 'fast-check';
import { z } from 'zod';
import { collections } from '../../cloudfunctions/platform/store/collections';
import { compileCheck } from '../../cloudfunctions/platform/store/quick-check';

/**
 * The store's quick check must say yes exactly where zod says yes: on shapes it compiles itself
 * and on the parts it hands to zod (refinements, checks, strict objects, defaults).
 */
const Zoo = z.object({
  s: z.string(),
  n: z.number().optional(),
  b: z.boolean().nullable(),
  e: z.enum(['a', 'b']).optional(),
  l: z.literal('x').optional(),
  list: z.array(z.union([z.string(), z.number()])).optional(),
  bag: z.record(z.number()).optional(),
  kind: z
    .discriminatedUnion('form', [
      z.object({ form: z.literal('a'), a: z.string() }),
      z.object({ form: z.literal('b'), b: z.number() }),
    ])
    .optional(),
  short: z.string().min(1).max(2).optional(),
  int: z.number().int().optional(),
  strict: z.object({ s: z.string() }).strict().optional(),
  refined: z
    .object({ lo: z.number(), hi: z.number() })
    .refine((r) => r.lo <= r.hi)
    .optional(),
  some: z.array(z.string()).min(1).optional(),
  anything: z.unknown(),
});

const leaf = fc.oneof(
  fc.constantFrom('', 'a', 'b', 'x', 'abc', 'form'),
  fc.constantFrom(0, 1, 1.5, -2, Number.NaN),
  fc.boolean(),
  fc.constant(null),
);
const value: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  any: fc.oneof({ depthSize: 'small', withCrossShrink: true }, leaf, tie('list'), tie('object')),
  list: fc.array(tie('any'), { maxLength: 3 }),
  object: fc.dictionary(
    fc.constantFrom(
      's',
      'n',
      'b',
      'e',
      'l',
      'list',
      'bag',
      'kind',
      'form',
      'a',
      'short',
      'int',
      'strict',
      'refined',
      'lo',
      'hi',
      'some',
      'extra',
    ),
    tie('any'),
    { maxKeys: 8 },
  ),
})).any;
// Mostly valid documents with one field changed, so both answers are common.
const valid = { s: 'a', b: null, anything: 1 };
const nearValid = fc
  .tuple(fc.constantFrom(...Object.keys(Zoo.shape), 'extra'), value)
  .map(([key, v]) => ({ ...valid, [key]: v }));

describe('the store quick check agrees with zod', () => {
  const quick = compileCheck(Zoo);

  it('on a zoo of shapes, for near-valid and random values', () => {
    expect(quick(valid)).toBe(true);
    fc.assert(
      fc.property(fc.oneof(nearValid, value), (v) => {
        expect(quick(v)).toBe(Zoo.safeParse(v).success);
      }),
      { numRuns: 3000 },
    );
  });

  it.each(Object.entries(collections))('on the %s schema, for random values', (_name, { schema }) => {
    const check = compileCheck(schema);
    fc.assert(
      fc.property(value, (v) => {
        expect(check(v)).toBe(schema.safeParse(v).success);
      }),
      { numRuns: 200 },
    );
  });
});
