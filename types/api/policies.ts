import { z } from 'zod';
import { action } from '../envelope';
import { id, requiredText } from '../fields';

export type ParameterRow = { id: string; label: string; unit: string; min: number; max: number; step: number; default: number; value: number };

/** One saved change of a college's thresholds: who, when, why, old → new. */
export type ParameterChange = { at: string; by: string; byName: string; reason: string; changes: { id: string; label: string; before: number; after: number }[] };

export type PolicySettingsView = { policyId: string; policyName: string; collegeId: string; parameters: ParameterRow[]; history: ParameterChange[] };

const policyId = z.string({ required_error: '请选择政策' }).regex(/^[a-z][a-z0-9-]*$/, '政策编号只能含小写字母、数字和连字符');

export const policiesApi = {
  /** The policies whose thresholds a college may set (gxu-ee's university thresholds). */
  configurable: action(z.object({ collegeId: id.optional() })).returns<{ policyId: string; policyName: string }[]>(),
  settings: action(z.object({ policyId, collegeId: id.optional() })).returns<PolicySettingsView>(),
  save: action(
    z.object({
      policyId,
      collegeId: id.optional(),
      values: z.record(z.string().max(64), z.number({ invalid_type_error: '参数应为数字' })),
      reason: requiredText(200, '调整原因'),
    }),
  ).returns<PolicySettingsView>(),
};
export type PoliciesApi = typeof policiesApi;
