import { z } from 'zod';

/** Every cloud-function call answers with one envelope, so the app has one error path. */
export type Ok<T> = { ok: true; data: T };
export type Failure = { ok: false; code: string; field?: string; message: string };
export type Envelope<T> = Ok<T> | Failure;

/** Stable error codes: callers branch on these, people read `message`. */
export const ErrorCode = {
  InputInvalid: 'INPUT.INVALID',
  ActionUnknown: 'ACTION.UNKNOWN',
  AuthRequired: 'AUTH.REQUIRED',
  AccessDenied: 'ACCESS.DENIED',
  NotFound: 'NOT_FOUND',
  VersionConflict: 'STORE.VERSION_CONFLICT',
  Internal: 'INTERNAL',
} as const;

/**
 * One action of a cloud function: its input schema and its output schema. The client parses
 * the answer with `output` (see src/services/api.ts) and the tests check every handler's answer
 * against it strictly, so the schema is the contract, not a comment.
 */
export type ActionContract<I extends z.ZodTypeAny, O> = { input: I; output: z.ZodType<O, z.ZodTypeDef, unknown> };

/**
 * `action(inputSchema).returns(outputSchema)`: unknown input keys are stripped, so a forged field is ignored.
 * The type-only form `returns<O>()` (z.custom, checks nothing) is kept only until every contract names a schema.
 */
export function action<I extends z.ZodTypeAny>(input: I) {
  function returns<S extends z.ZodTypeAny>(output: S): ActionContract<I, z.output<S>>;
  function returns<O>(): ActionContract<I, O>;
  function returns(output?: z.ZodTypeAny): ActionContract<I, unknown> {
    return { input, output: output ?? z.custom() };
  }
  return { returns };
}

export type FunctionContract = Record<string, ActionContract<z.ZodTypeAny, unknown>>;
export type InputOf<C> = C extends ActionContract<infer I, unknown> ? z.input<I> : never;
export type ParsedInputOf<C> = C extends ActionContract<infer I, unknown> ? z.output<I> : never;
export type OutputOf<C> = C extends ActionContract<z.ZodTypeAny, infer O> ? O : never;
