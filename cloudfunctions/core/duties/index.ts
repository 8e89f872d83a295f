/** Duty quotas: the public surface of core/duties. */
export { createDutyEvaluator, evaluateDuties, evaluateDutiesBatch } from './evaluate';
export type { DutyEvaluationSettings, DutyEvaluator, DutyItem, DutyStatus, PersonDutyEvaluation } from './evaluate';
export { indexDutyRecords, type DutyRecordIndex } from './record-index';
export { caseDuties } from './case-duties';
export { compliancePerClass, compliancePerPerson, compliancePerRule, summarizeBy, worstFirst, type ComplianceSummary } from './compliance';
export { remindersDue, type DutyReminder } from './reminders';
export { parseCalendar, parseDutyConfig } from './load';
export { resolveTerm, type Term } from './term';
export type { DutyUnit } from './units';
