import { z } from 'zod';
import { action } from '../envelope';
import { id, requiredText } from '../fields';

export const ParameterRow = z.object({
  id: z.string(),
  label: z.string(),
  unit: z.string(),
  min: z.number(),
  max: z.number(),
  step: z.number(),
  default: z.number(),
  value: z.number(),
});
export type ParameterRow = z.infer<typeof ParameterRow>;

/** One saved change of a college's thresholds: who, when, why, old → new. */
export const ParameterChange = z.object({
  at: z.string(),
  by: z.string(),
  byName: z.string(),
  reason: z.string(),
  changes: z.array(z.object({ id: z.string(), label: z.string(), before: z.number(), after: z.number() })),
});
export type ParameterChange = z.infer<typeof ParameterChange>;

export const PolicySettingsView = z.object({
  policyId: z.string(),
  policyName: z.string(),
  collegeId: z.string(),
  parameters: z.array(ParameterRow),
  history: z.array(ParameterChange),
});
export type PolicySettingsView = z.infer<typeof PolicySettingsView>;

const policyId = z
  .string({ required_error: '请选择政策' })
  .regex(/^[a-z][a-z0-9-]*$/, '政策编号只能含小写字母、数字和连字符');

/** Only the common codes: an unknown policy is NOT_FOUND, a value out of range INPUT.INVALID on `values.<id>`. */
export const policiesApi = {
  /** The policies whose thresholds a college may set (gxu-ee's university thresholds). */
  configurable: action(z.object({ collegeId: id.optional() }))
    .returns(z.array(z.object({ policyId: z.string(), policyName: z.string() })))
    .fails(),
  settings: action(z.object({ policyId, collegeId: id.optional() }))
    .returns(PolicySettingsView)
    .fails(),
  save: action(
    z.object({
      policyId,
      collegeId: id.optional(),
      values: z.record(z.string().max(64), z.number({ invalid_type_error: '参数应为数字' })),
      reason: requiredText(200, '调整原因'),
    }),
  )
    .returns(PolicySettingsView)
    .fails(),
};
export type PoliciesApi = typeof policiesApi;
