/** Duty quotas: the public surface of core/duties. */
export { createDutyEvaluator, evaluateDuties, evaluateDutiesBatch } from './evaluate';
export type { DutyEvaluationSettings, DutyEvaluator } from './evaluate';
export type { ComplianceSummary, DutyItem, DutyStatus, DutyUnit, PersonDutyEvaluation } from '../../../types/duty';
export { indexDutyRecords, type DutyRecordIndex } from './record-index';
export { caseDuties } from './case-duties';
export { compliancePerClass, compliancePerPerson, compliancePerRule, summarizeBy, worstFirst } from './compliance';
export { remindersDue, type DutyReminder } from './reminders';
export { parseCalendar, parseDutyConfig } from './load';
export { resolveTerm, type Term } from './term';
