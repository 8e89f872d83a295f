import { api } from '../../types/api';
import type { Envelope, FunctionContract } from '../../types/envelope';
import { Errors } from '../../types/errors';

const common = new Set<string>(Object.values(Errors.common));
const contracts: Record<string, FunctionContract> = api;

/** Why an answer breaks its action's declared codes, or null: a success, a common code, a declared one, or nothing declared. */
export function undeclaredCode(fn: string, action: string, answer: unknown): string | null {
  const declared: readonly string[] | undefined = contracts[fn]?.[action]?.errors;
  if (declared === undefined || typeof answer !== 'object' || answer === null || Reflect.get(answer, 'ok') !== false)
    return null;
  const code: unknown = Reflect.get(answer, 'code');
  if (typeof code === 'string' && (common.has(code) || declared.includes(code))) return null;
  return `${fn}.${action} answered ${String(code)}, which its contract does not declare (types/api/${fn}.ts, .fails(…)): ${String(Reflect.get(answer, 'message'))}`;
}

/**
 * An action whose contract names its codes (`.fails(…)`) answers only those or the common ones;
 * the harness checks every answer, so a test that meets an undeclared code fails right there.
 */
export function assertDeclaredCode(fn: string, action: string, envelope: Envelope<unknown>): void {
  const problem = undeclaredCode(fn, action, envelope);
  if (problem !== null) throw new Error(problem);
}
