import type { ParameterValues } from '../../core/rules/parameters';
import type { PolicySettingsDocument } from '../../platform/store/documents/small';
import type { Store } from '../../platform/store/store';

/** A college's own values for a policy's parameters, with every change kept (who, when, why). */
export type PolicySettings = PolicySettingsDocument;

export const settingsId = (collegeId: string, policyId: string) => `${collegeId}:${policyId}`;

export async function collegeParameterValues(
  store: Store,
  collegeId: string,
  policyId: string,
): Promise<ParameterValues> {
  return (await store.get('policySettings', settingsId(collegeId, policyId)))?.values ?? {};
}
