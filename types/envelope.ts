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
 * One action of a cloud function: its input schema and the type of its answer.
 * The output is a type only (z.custom with no check): the server produces it, the
 * client reads it; only input crosses a trust boundary.
 */
export type ActionContract<I extends z.ZodTypeAny, O> = { input: I; output: z.ZodType<O> };

/** `action(inputSchema).returns<Output>()`: unknown input keys are stripped, so a forged field is ignored. */
export function action<I extends z.ZodTypeAny>(input: I) {
  return {
    returns<O>(): ActionContract<I, O> {
      return { input, output: z.custom<O>() };
    },
  };
}

export type FunctionContract = Record<string, ActionContract<z.ZodTypeAny, unknown>>;
export type InputOf<C> = C extends ActionContract<infer I, unknown> ? z.input<I> : never;
export type ParsedInputOf<C> = C extends ActionContract<infer I, unknown> ? z.output<I> : never;
export type OutputOf<C> = C extends ActionContract<z.ZodTypeAny, infer O> ? O : never;
