import { type z } from 'zod';
import { ErrorCode } from './errors';

/** Every cloud-function call answers with one envelope, so the app has one error path. */
export type Ok<T> = { ok: true; data: T };
/** `code` from the catalogue (types/errors.ts): callers branch on it, people read `message`. */
export type Failure = { ok: false; code: ErrorCode; field?: string; message: string };
export type Envelope<T> = Ok<T> | Failure;

/** The generic codes by name (`ErrorCode.AccessDenied`) and, as a type, every code in the catalogue. */
export { ErrorCode };

/**
 * One action of a cloud function: its input schema and its output schema. The client parses
 * the answer with `output` (see src/services/api.ts) and the tests check every handler's answer
 * against it strictly, so the schema is the contract, not a comment.
 */
export type ActionContract<I extends z.ZodTypeAny, O> = {
  input: I;
  output: z.ZodType<O, z.ZodTypeDef, unknown>;
  /** The codes this action may answer besides the common ones (`Errors.common`); absent: not declared yet. */
  errors?: readonly ErrorCode[];
};

/** A contract that may still name its codes: `.returns(Out).fails(Errors.support.MeetingNotScheduled, …)`. */
export type Declarable<C> = C & { fails(...codes: ErrorCode[]): C };

function declarable<C extends ActionContract<z.ZodTypeAny, unknown>>(contract: C): Declarable<C> {
  return { ...contract, fails: (...codes: ErrorCode[]) => ({ ...contract, errors: codes }) };
}

/** `action(inputSchema).returns(outputSchema)`: unknown input keys are stripped, so a forged field is ignored. */
export function action<I extends z.ZodTypeAny>(input: I) {
  return {
    returns<S extends z.ZodTypeAny>(output: S): Declarable<ActionContract<I, z.output<S>>> {
      return declarable({ input, output });
    },
  };
}

export type FunctionContract = Record<string, ActionContract<z.ZodTypeAny, unknown>>;
export type InputOf<C> = C extends ActionContract<infer I, unknown> ? z.input<I> : never;
export type ParsedInputOf<C> = C extends ActionContract<infer I, unknown> ? z.output<I> : never;
export type OutputOf<C> = C extends ActionContract<z.ZodTypeAny, infer O> ? O : never;
