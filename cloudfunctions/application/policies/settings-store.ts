import type { ParameterChange } from '../../../types/api/policies';
import type { ParameterValues } from '../../core/rules/parameters';
import type { Store } from '../../platform/store/store';

export const POLICY_SETTINGS = 'policySettings';

/** A college's own values for a policy's parameters, with every change kept (who, when, why). */
export type PolicySettings = { _id: string; collegeId: string; policyId: string; values: Record<string, number>; history: ParameterChange[] };

export const settingsId = (collegeId: string, policyId: string) => `${collegeId}:${policyId}`;

export async function collegeParameterValues(store: Store, collegeId: string, policyId: string): Promise<ParameterValues> {
  return (await store.get('policySettings', settingsId(collegeId, policyId)))?.values ?? {};
}
