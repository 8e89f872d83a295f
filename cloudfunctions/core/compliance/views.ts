import type { ComplianceRow, ComplianceSort, DutyItemView, DutyTally } from '../../../types/api/duties';
import type { DutyRecordKind, DutyRule, DutyStatus, DutyUnitKind } from '../../../types/duty';
import {
  compliancePerClass,
  compliancePerPerson,
  worstFirst,
  type ComplianceSummary,
  type DutyItem,
  type PersonDutyEvaluation,
} from '../duties';

export type UnitLabeler = (kind: DutyUnitKind, id: string) => string;

/** A duty item as a screen shows it, with the unit named and the kinds of record that count. */
export function itemView(item: DutyItem, rules: ReadonlyMap<string, DutyRule>, label: UnitLabeler): DutyItemView {
  const kinds: DutyRecordKind[] = rules.get(item.ruleId)?.counts.kinds ?? [];
  return {
    key: item.key,
    ruleId: item.ruleId,
    title: item.title,
    role: item.role,
    period: item.period,
    unit: {
      kind: item.unit.kind,
      id: item.unit.id,
      label: label(item.unit.kind, item.unit.id),
      classIds: [...item.unit.classIds],
    },
    window: { start: item.window.start, lastDay: item.window.lastDay },
    dueAt: item.dueAt,
    measure: item.measure,
    required: item.required,
    progress: item.progress,
    due: item.due,
    status: item.status,
    recordIds: item.done,
    lateRecordIds: item.late,
    kinds,
  };
}

export function tallyOf(items: readonly { status: DutyStatus }[]): DutyTally {
  const tally = { total: items.length, done: 0, due: 0, overdue: 0, lateDone: 0 };
  for (const item of items) tally[item.status] += 1;
  return tally;
}

/** Overdue first, then open by deadline, then met late, then done. */
export function urgentFirst(a: DutyItemView, b: DutyItemView): number {
  const rank = { overdue: 0, due: 1, lateDone: 2, done: 3 } as const;
  return (
    rank[a.status] - rank[b.status] || (a.dueAt < b.dueAt ? -1 : a.dueAt > b.dueAt ? 1 : 0) || (a.key < b.key ? -1 : 1)
  );
}

/** A summary with nothing counted yet (a class, person or college without duties so far). */
export const emptySummary = (id: string): ComplianceSummary => ({
  id,
  total: 0,
  done: 0,
  due: 0,
  overdue: 0,
  lateDone: 0,
  percent: null,
});

function row(summary: ComplianceSummary, name: string, note: string, records: number): ComplianceRow {
  return { ...summary, name, note, records };
}

/** One row per class asked for (a class without duties yet gets an empty row). */
export function classRows(
  evaluations: readonly PersonDutyEvaluation[],
  classes: readonly { id: string; name: string; note: string }[],
  recordsPerClass: ReadonlyMap<string, number>,
): ComplianceRow[] {
  const summaries = new Map(compliancePerClass(evaluations).map((s) => [s.id, s]));
  return classes.map((c) =>
    row(summaries.get(c.id) ?? emptySummary(c.id), c.name, c.note, recordsPerClass.get(c.id) ?? 0),
  );
}

export function personRows(
  evaluations: readonly PersonDutyEvaluation[],
  people: ReadonlyMap<string, { name: string; note: string }>,
  recordsPerPerson: ReadonlyMap<string, number>,
): ComplianceRow[] {
  return compliancePerPerson(evaluations).map((s) => {
    const who = people.get(s.id);
    return row(s, who?.name ?? s.id, who?.note ?? '', recordsPerPerson.get(s.id) ?? 0);
  });
}

export function sortRows<T extends ComplianceRow>(rows: readonly T[], sort: ComplianceSort): T[] {
  const byName = (a: ComplianceRow, b: ComplianceRow) =>
    a.name.localeCompare(b.name, 'zh-Hans-CN') || (a.id < b.id ? -1 : 1);
  const compare: Record<ComplianceSort, (a: ComplianceRow, b: ComplianceRow) => number> = {
    worst: worstFirst,
    // Best first, but a row with nothing settled still goes last.
    best: (a, b) => ((a.percent === null) !== (b.percent === null) ? (a.percent === null ? 1 : -1) : -worstFirst(a, b)),
    overdue: (a, b) => b.overdue - a.overdue || worstFirst(a, b),
    name: byName,
  };
  return [...rows].sort(compare[sort]);
}
