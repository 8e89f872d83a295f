import type { Policy } from '../../../types/policy';
import { DomainError } from '../errors';

/** A run needs a policy: the one asked for, or the college's default. */
export function requirePolicy(policy: Policy | null | undefined, policyId: string | undefined): Policy {
  if (!policy)
    throw new DomainError(
      'POLICY.UNKNOWN',
      policyId ? `没有这个警示政策：${policyId}` : '本学院尚未配置警示政策',
      'policyId',
    );
  return policy;
}

/** Whether the policy lets anyone add students to the list by hand at all. */
export function assertManualAdditions(policy: Policy): void {
  if (!policy.manualAdditions.allowed)
    throw new DomainError('MANUAL.NOT_ALLOWED', `“${policy.name}”不允许人工补充名单`);
}

/** The rules engine refused a manual entry (a reason the policy does not know, a level it does not have): say why. */
export function assertManualAccepted(rejected: { message: string } | undefined): void {
  if (rejected) throw new DomainError('MANUAL.REJECTED', rejected.message, 'reason');
}
