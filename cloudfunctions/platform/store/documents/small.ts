import { z } from 'zod';

/**
 * Small documents whose type was declared beside the code that writes them; their schema lives
 * here, next to the registry, and the old names are aliases of it.
 */

/** One per student naming their live binding code ('bindingCodeCurrent'). */
export const CurrentBindingCodeDocument = z.object({ _id: z.string(), studentId: z.string(), codeId: z.string() });
export type CurrentBindingCodeDocument = z.infer<typeof CurrentBindingCodeDocument>;

/** One change of a college's policy parameters: who, when, why, and each value before and after. */
export const ParameterChangeRecord = z.object({
  at: z.string(),
  by: z.string(),
  byName: z.string(),
  reason: z.string(),
  changes: z.array(z.object({ id: z.string(), label: z.string(), before: z.number(), after: z.number() })),
});

/** A college's own values for a policy's parameters, with every change kept ('policySettings'). */
export const PolicySettingsDocument = z.object({
  _id: z.string(),
  collegeId: z.string(),
  policyId: z.string(),
  values: z.record(z.number()),
  history: z.array(ParameterChangeRecord),
});
export type PolicySettingsDocument = z.infer<typeof PolicySettingsDocument>;

/** A class's imported KPIs of one student and semester ('classKpis'); null: the sheet left it blank. */
export const ClassKpiDocument = z.object({
  _id: z.string(),
  studentId: z.string(),
  collegeId: z.string(),
  classId: z.string(),
  semester: z.string(),
  postgraduate: z.boolean().nullable(),
  cet: z.boolean().nullable(),
  doubleCertificate: z.boolean().nullable(),
  awards: z.number(),
});
export type ClassKpiDocument = z.infer<typeof ClassKpiDocument>;
