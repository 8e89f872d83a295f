import { Policy, type Policy as PolicyT } from '../../../types/policy';
import { DomainError } from '../errors';

export type ParameterValues = Readonly<Record<string, number>>;

/** Each parameter with the policy file's default and the college's value (the default when unset). */
export function parameterView(policy: PolicyT, values: ParameterValues) {
  return policy.parameters.map((p) => {
    const trigger = policy.levels.flatMap((l) => l.triggers).find((t) => t.id === p.trigger);
    const fallback =
      trigger === undefined
        ? p.min
        : p.field === 'atLeast' && 'atLeast' in trigger
          ? trigger.atLeast
          : p.field === 'below' && 'below' in trigger
            ? trigger.below
            : p.min;
    return { ...p, default: fallback, value: values[p.id] ?? fallback };
  });
}

/** The values a college asks for, checked against the policy's bounds (Chinese message per parameter). */
export function checkParameterValues(policy: PolicyT, values: ParameterValues): void {
  for (const [id, value] of Object.entries(values)) {
    const p = policy.parameters.find((q) => q.id === id);
    if (!p) throw new DomainError('INPUT.INVALID', `该政策没有这个参数：${id}`, `values.${id}`);
    if (!Number.isFinite(value) || value < p.min || value > p.max)
      throw new DomainError('INPUT.INVALID', `${p.label}应在 ${p.min}–${p.max}${p.unit} 之间`, `values.${id}`);
  }
}

/** The policy a college runs: its triggers' numbers replaced by the college's values, validated again. */
export function withParameters(policy: PolicyT, values: ParameterValues): PolicyT {
  if (policy.parameters.length === 0 || Object.keys(values).length === 0) return policy;
  checkParameterValues(policy, values);
  const byTrigger = new Map(policy.parameters.filter((p) => values[p.id] !== undefined).map((p) => [p.trigger, p]));
  return Policy.parse({
    ...policy,
    levels: policy.levels.map((level) => ({
      ...level,
      triggers: level.triggers.map((t) => {
        const p = byTrigger.get(t.id);
        return p ? { ...t, [p.field]: values[p.id] } : t;
      }),
    })),
  });
}
