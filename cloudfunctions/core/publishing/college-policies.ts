import { z } from 'zod';
import type { Policy } from '../../../types/policy';
import { presetPolicy } from '../rules';
import colleges from '../../../config/colleges.json';

/** Which preset each college runs by default (config/colleges.json); the clerk may pick another. */
const CollegePolicies = z.record(
  z.string().min(1),
  z.object({ policyId: z.string().regex(/^[a-z][a-z0-9-]*$/, '政策编号只能含小写字母、数字和连字符') }).strict(),
);

const byCollege = CollegePolicies.parse(colleges);
for (const [college, { policyId }] of Object.entries(byCollege)) {
  if (presetPolicy(policyId) === null)
    throw new Error(`config/colleges.json: college ${college} names an unknown policy ${policyId}`);
}

export function defaultPolicyId(collegeId: string): string | null {
  return byCollege[collegeId]?.policyId ?? null;
}

/** The policy a run uses: the one asked for, else the college's default; null when neither exists. */
export function policyFor(collegeId: string, asked: string | undefined): Policy | null {
  const policyId = asked ?? defaultPolicyId(collegeId);
  return policyId === null ? null : presetPolicy(policyId);
}
