import { api } from '../../types/api';
import type { Envelope, FunctionContract } from '../../types/envelope';
import { Errors } from '../../types/errors';

const common = new Set<string>(Object.values(Errors.common));
const contracts: Record<string, FunctionContract> = api;

/**
 * An action whose contract names its codes (`.fails(…)`) answers only those or the common ones;
 * the harness checks every answer, so a test that meets an undeclared code fails right there.
 */
export function assertDeclaredCode(fn: string, action: string, envelope: Envelope<unknown>): void {
  if (envelope.ok) return;
  const declared = contracts[fn]?.[action]?.errors;
  if (declared === undefined || common.has(envelope.code) || declared.includes(envelope.code)) return;
  throw new Error(`${fn}.${action} answered ${envelope.code}, which its contract does not declare (types/api/${fn}.ts, .fails(…)): ${envelope.message}`);
}
