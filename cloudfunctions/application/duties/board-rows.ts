import type { ComplianceRow } from '../../../types/api/duties';
import { classRows, personRows } from '../../core/compliance/views';
import type { ScopeEvaluation } from '../duty-data/evaluate-scope';
import { labelsOf } from '../duty-data/labels';

type Counts = { key: string; byClass: Map<string, number>; byActor: Map<string, number> };
/** Per records list (the same list while nothing read changed, see load-duty-data): the semester's counts, made once. */
const countsOf = new WeakMap<readonly unknown[], Counts>();

/** Records filed in the semester shown, per class and per person. */
export function semesterCounts(e: ScopeEvaluation): Counts {
  const key = `${e.term.semesterSpan.start}|${Math.max(e.term.semesterSpan.end, e.now + 1)}`;
  const kept = countsOf.get(e.records);
  if (kept?.key === key) return kept;
  const counts: Counts = { key, byClass: new Map(), byActor: new Map() };
  // Filed in the semester shown, or (in the break after it, when it is still shown) since its end.
  const start = e.term.semesterSpan.start;
  const end = Math.max(e.term.semesterSpan.end, e.now + 1);
  e.records.forEach((r, i) => {
    // Digests bring each record's time parsed (e.times); records read as documents are parsed here.
    const t = e.times?.[i] ?? Date.parse(r.at);
    if (!(t >= start && t < end)) return;
    counts.byClass.set(r.classId, (counts.byClass.get(r.classId) ?? 0) + 1);
    counts.byActor.set(r.actorId, (counts.byActor.get(r.actorId) ?? 0) + 1);
  });
  countsOf.set(e.records, counts);
  return counts;
}

/** The classes of an evaluation as a board names them: the class, noted with its counselor. */
export function classesOf(e: ScopeEvaluation): { id: string; name: string; note: string }[] {
  const labels = labelsOf(e);
  return e.directory.classes.map((c) => ({ id: c._id, name: c.name, note: `辅导员 ${labels.person(c.counselorId)}` }));
}

/** A compliance board's rows, per class or per person (unsorted). */
export function boardRows(e: ScopeEvaluation, per: 'class' | 'person'): ComplianceRow[] {
  const labels = labelsOf(e);
  const counts = semesterCounts(e);
  if (per === 'class') return classRows(e.evaluations, classesOf(e), counts.byClass);
  return personRows(
    e.evaluations,
    new Map(
      e.evaluations.map((ev) => [ev.personId, { name: labels.person(ev.personId), note: labels.rolesOf(ev.personId) }]),
    ),
    counts.byActor,
  );
}
