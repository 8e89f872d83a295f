import type { AssistantSettings } from '../../../types/assistant';
import type { ComplianceSummary } from '../../../types/duty';

export type Rating = 'excellent' | 'pass' | 'fail' | 'unrated';
export const ratingLabel: Record<Rating, string> = {
  excellent: '优秀',
  pass: '合格',
  fail: '不合格',
  unrated: '暂无可评定的职责',
};

/**
 * The year-end rating from duty compliance in the assistant's classes (rules: 000-3, 000-7.3):
 * done ÷ (done + overdue) against the configured lines. Nothing settled yet: unrated.
 */
export function rateAssistant(
  summary: Pick<ComplianceSummary, 'percent'>,
  settings: Pick<AssistantSettings, 'assessment'>,
): Rating {
  if (summary.percent === null) return 'unrated';
  if (summary.percent >= settings.assessment.excellentPercent) return 'excellent';
  return summary.percent >= settings.assessment.passPercent ? 'pass' : 'fail';
}
