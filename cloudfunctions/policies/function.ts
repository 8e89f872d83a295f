import { policiesApi, type PolicySettingsView } from '../../types/api/policies';
import type { Policy } from '../../types/policy';
import { NotFoundError } from '../core/errors';
import { presetPolicy, presets } from '../core/rules';
import { checkParameterValues, parameterView } from '../core/rules/parameters';
import { defineFunction, type Context } from '../platform/runtime/define-function';
import { collegeOf, collegeResource } from '../application/college/college-of';
import { settingsId } from '../application/policies/settings-store';

function configurable(policyId: string): Policy {
  const policy = presetPolicy(policyId);
  if (!policy || policy.parameters.length === 0) throw new NotFoundError('可调整参数的政策');
  return policy;
}

async function view(ctx: Context, collegeId: string, policy: Policy): Promise<PolicySettingsView> {
  const stored = await ctx.store.get('policySettings', settingsId(collegeId, policy.id));
  return {
    policyId: policy.id,
    policyName: policy.name,
    collegeId,
    parameters: parameterView(policy, stored?.values ?? {}).map((p) => ({
      id: p.id,
      label: p.label,
      unit: p.unit,
      min: p.min,
      max: p.max,
      step: p.step,
      default: p.default,
      value: p.value,
    })),
    history: [...(stored?.history ?? [])].reverse(),
  };
}

const college = (ctx: Context, asked: string | undefined) => collegeOf(ctx.actor, asked) ?? '';

/**
 * A college's thresholds for a policy whose file leaves them open (gxu-ee: the university's
 * thresholds are not in the seed): read by anyone who runs the rules, set by the clerk, audited.
 * The next run uses them (warnings/run-action); earlier runs keep the numbers they were made with.
 */
export const policiesFunction = defineFunction('policies', policiesApi, {
  configurable: {
    permission: 'warnings.run',
    resource: async (ctx, input) => collegeResource(ctx.actor, input.collegeId),
    run: async () =>
      Object.values(presets)
        .filter((p) => p.parameters.length > 0)
        .map((p) => ({ policyId: p.id, policyName: p.name })),
  },
  settings: {
    permission: 'warnings.run',
    resource: async (ctx, input) => collegeResource(ctx.actor, input.collegeId),
    run: (ctx, input) => view(ctx, college(ctx, input.collegeId), configurable(input.policyId)),
  },
  save: {
    permission: 'policy.configure',
    resource: async (ctx, input) => collegeResource(ctx.actor, input.collegeId),
    async run(ctx, { policyId, collegeId: asked, values, reason }) {
      const collegeId = college(ctx, asked);
      const policy = configurable(policyId);
      checkParameterValues(policy, values);
      const write = ctx.write();
      const id = settingsId(collegeId, policyId);
      const before = parameterView(policy, (await ctx.store.get('policySettings', id))?.values ?? {});
      const changes = before
        .filter((p) => values[p.id] !== undefined && values[p.id] !== p.value)
        .map((p) => ({ id: p.id, label: p.label, before: p.value, after: values[p.id] ?? p.value }));
      if (changes.length === 0) return view(ctx, collegeId, policy);
      await ctx.store.transaction(async (tx) => {
        const current = await tx.get('policySettings', id);
        const entry = { at: write.at, by: ctx.actor.userId, byName: ctx.actor.name, reason, changes };
        if (current)
          await tx.update(
            'policySettings',
            id,
            { values: { ...current.values, ...values }, history: [...current.history, entry] },
            current._version,
            write,
          );
        else
          await tx.add(
            'policySettings',
            { _id: id, collegeId, policyId, values: { ...values }, history: [entry] },
            write,
          );
      });
      return view(ctx, collegeId, policy);
    },
  },
});
