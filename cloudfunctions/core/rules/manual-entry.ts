import { manualReasonLabel, type ManualEntry, type ManualReason, type Policy } from '../../../types/policy';
import { levelIndex } from './level-match';

/** A hand-made change as it stays visible on the result. */
export type ManualMark = {
  action: 'add' | 'remove';
  level: string | null;
  reason: ManualReason | null;
  reasonLabel: string | null;
  note: string | null;
  by: string;
};

/** Why the policy refuses this entry (Chinese, for the clerk), or null when it is acceptable. */
export function checkManualEntry(policy: Policy, entry: ManualEntry): string | null {
  if (entry.action === 'remove') return null;
  const rules = policy.manualAdditions;
  if (!rules.allowed) return `“${policy.name}”不允许人工补充名单`;
  if (levelIndex(policy, entry.level) < 0) return `没有这个警示等级：${entry.level}`;
  if (!rules.reasons.includes(entry.reason)) return `“${manualReasonLabel[entry.reason]}”不是本政策认可的补充原因`;
  return null;
}

export function manualMark(entry: ManualEntry): ManualMark {
  return entry.action === 'add'
    ? {
        action: 'add',
        level: entry.level,
        reason: entry.reason,
        reasonLabel: manualReasonLabel[entry.reason],
        note: entry.note ?? null,
        by: entry.by,
      }
    : { action: 'remove', level: null, reason: null, reasonLabel: null, note: entry.note, by: entry.by };
}

/**
 * The level after a manual entry: an addition can only raise the level the rules gave (the
 * rules' triggers stay listed), a removal takes the student off the list.
 */
export function applyManual(
  policy: Policy,
  ruleIndex: number,
  entry: ManualEntry,
): { index: number; manualWins: boolean } {
  if (entry.action === 'remove') return { index: -1, manualWins: ruleIndex >= 0 };
  const index = levelIndex(policy, entry.level);
  return index > ruleIndex ? { index, manualWins: true } : { index: ruleIndex, manualWins: false };
}
