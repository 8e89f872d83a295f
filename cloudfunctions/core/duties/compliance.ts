import type { ComplianceSummary, DutyItem, PersonDutyEvaluation } from '../../../types/duty';

/** Summaries per group; an item may belong to several groups (a dorm shared by two classes). */
export function summarizeBy(
  items: Iterable<DutyItem>,
  groupsOf: (item: DutyItem) => Iterable<string>,
): ComplianceSummary[] {
  const groups = new Map<string, ComplianceSummary>();
  for (const item of items) {
    for (const id of groupsOf(item)) {
      let summary = groups.get(id);
      if (!summary) {
        summary = { id, total: 0, done: 0, due: 0, overdue: 0, lateDone: 0, percent: null };
        groups.set(id, summary);
      }
      summary.total += 1;
      summary[item.status] += 1;
    }
  }
  for (const summary of groups.values()) {
    // On time only: a deadline met late counts as settled, not as done.
    const settled = summary.done + summary.lateDone + summary.overdue;
    summary.percent = settled === 0 ? null : Math.round((summary.done / settled) * 1000) / 10;
  }
  return [...groups.values()];
}

function* allItems(evaluations: readonly PersonDutyEvaluation[]): Iterable<DutyItem> {
  for (const evaluation of evaluations) yield* evaluation.items;
}

/** One row per person evaluated (a person with no duties gets an empty row, not none). */
export function compliancePerPerson(evaluations: readonly PersonDutyEvaluation[]): ComplianceSummary[] {
  const rows = new Map(summarizeBy(allItems(evaluations), (item) => [item.personId]).map((s) => [s.id, s]));
  return evaluations.map(
    (e) =>
      rows.get(e.personId) ?? { id: e.personId, total: 0, done: 0, due: 0, overdue: 0, lateDone: 0, percent: null },
  );
}

/** One row per class, from every duty whose unit lies in the class (class, dorm, student, warned student). */
export function compliancePerClass(evaluations: readonly PersonDutyEvaluation[]): ComplianceSummary[] {
  return summarizeBy(allItems(evaluations), (item) => item.unit.classIds);
}

/** One row per rule: which duty the college falls behind on. */
export function compliancePerRule(evaluations: readonly PersonDutyEvaluation[]): ComplianceSummary[] {
  return summarizeBy(allItems(evaluations), (item) => [item.ruleId]);
}

/** Worst first: lower percent, then more overdue; nothing settled yet goes last; ties by id. */
export function worstFirst(a: ComplianceSummary, b: ComplianceSummary): number {
  if (a.percent !== b.percent) {
    if (a.percent === null) return 1;
    if (b.percent === null) return -1;
    return a.percent - b.percent;
  }
  return b.overdue - a.overdue || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}
