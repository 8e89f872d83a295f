import type { DutyRecordKind, DutyRule } from '../../../types/duty';
import type { Role } from '../../../types/domain';
import type { Duty, Policy } from '../../../types/policy';
import { dutiesForLevel } from '../rules/level-duties';

/** The policy duty ids the evaluator can count, and the record kind that meets each. */
const kindOf: Record<string, DutyRecordKind> = {
  talk: 'talk',
  'parent-contact': 'parentContact',
  'study-plan': 'studyPlan',
};
const dutyText: Record<string, string> = {
  talk: '与学生谈话',
  'parent-contact': '与家长沟通',
  'study-plan': '指导学生制定个人学习计划',
};
/** Which seed each shipped preset reads (the rule's `seed`, so anyone can check the reading). */
const seedOf: Record<string, DutyRule['seed']> = { 'lzut-life': '004', 'gxu-ee': '002', 'bistu-me': '003' };

type OneOff = Duty & { withinDays: number };

function isOneOff(d: Duty): d is OneOff {
  return d.per === 'once' && d.withinDays !== undefined && Object.hasOwn(kindOf, d.duty);
}

/** A config rule that already counts this duty for the same role and deadline on these cases. */
function covered(d: OneOff, tag: string, base: readonly DutyRule[]): boolean {
  return base.some(
    (r) =>
      r.per === 'warnedStudent' &&
      r.period === 'withinDaysOf' &&
      r.role === d.role &&
      r.withinDays === d.withinDays &&
      r.counts.kinds.includes(kindOf[d.duty] ?? 'talk') &&
      (r.appliesTo === undefined || r.appliesTo.tags.includes(tag) || r.appliesTo.tags.includes('warning')),
  );
}

const slug = (role: Role) => role.toLowerCase();

/**
 * The one-off duties of the policies' levels ("警示公布后 14 天内与学生谈话", the plan within 30
 * days, the written level's parent contact, gxu-ee 试读's head-teacher call) as duty rules, so the
 * one evaluator counts them for 我的职责, the dashboards, the reminders and the case view alike.
 * A case carries the tag `policy:level`; a higher level that builds on a lower one gets the lower
 * level's duties through dutiesForLevel. One rule per (policy, duty, role, days, count).
 */
export function levelDutyRules(policies: readonly Policy[], base: readonly DutyRule[]): DutyRule[] {
  const rules = new Map<string, DutyRule>();
  for (const policy of policies) {
    for (const level of policy.levels) {
      const tag = `${policy.id}:${level.id}`;
      for (const d of dutiesForLevel(policy, level.id).filter(isOneOff)) {
        if (covered(d, tag, base)) continue;
        const id = `level-${policy.id}-${d.duty}-${slug(d.role)}-${d.withinDays}d${d.count > 1 ? `-${d.count}x` : ''}`;
        const existing = rules.get(id);
        if (existing) {
          if (!existing.appliesTo?.tags.includes(tag)) existing.appliesTo?.tags.push(tag);
          continue;
        }
        rules.set(id, {
          id,
          role: d.role,
          title: `警示公布后 ${d.withinDays} 天内${dutyText[d.duty] ?? d.duty}${d.count > 1 ? `（不少于 ${d.count} 次）` : ''}`,
          counts: { kinds: [kindOf[d.duty] ?? 'talk'] },
          quota: { count: d.count },
          period: 'withinDaysOf',
          withinDays: d.withinDays,
          per: 'warnedStudent',
          appliesTo: { tags: [tag] },
          remindBeforeDays: Math.max(1, Math.round(d.withinDays / 4)),
          seed: seedOf[policy.id] ?? '004',
          source: `${policy.source || policy.name}：${level.name}`,
        });
      }
    }
  }
  return [...rules.values()];
}
