import type { DutyAssignment, DutyRule, DutyUnit } from '../../../types/duty';
import { DomainError } from '../errors';
import type { RecordUnit } from './record-index';
import type { Span } from './term';

/** A unit with what evaluation needs: where its records are, its size and when it is active. */
export type CountingUnit = DutyUnit & {
  buckets: readonly { unit: RecordUnit; id: string }[];
  /** Class size (or the total of the person's classes) for fraction quotas. */
  size: number;
  /** Duties run inside this span: always for most units; from publication to lifting for a warned student. */
  active: Span;
  /** Warned student: the publication instants of its cases (withinDaysOf windows start there). */
  since: readonly number[];
  caseIds: readonly string[];
};

const ALWAYS: Span = { start: -Infinity, end: Infinity };

/** Units of one rule for one person, from all their assignments of the rule's role (deduplicated by id). */
export function unitsFor(rule: DutyRule, personId: string, assignments: readonly DutyAssignment[]): CountingUnit[] {
  const mine = assignments.filter((a) => a.role === rule.role);
  if (mine.length === 0) return [];
  const base = { size: 0, active: ALWAYS, since: [], caseIds: [] };
  switch (rule.per) {
    case 'person': {
      if (!rule.quota.fractionOfClassSize) {
        return [{ ...base, kind: 'person', id: personId, classIds: [], buckets: [{ unit: 'person', id: personId }] }];
      }
      // A share of all students of the person's classes: only talks with those classes count.
      const classes = uniqueBy(mine.flatMap((a) => a.classes ?? []));
      return [
        {
          ...base,
          kind: 'person',
          id: personId,
          classIds: [],
          size: classes.reduce((sum, c) => sum + c.size, 0),
          buckets: classes.map((c) => ({ unit: 'class' as const, id: c.id })),
        },
      ];
    }
    case 'class':
      return uniqueBy(mine.flatMap((a) => a.classes ?? [])).map((c) => ({
        ...base,
        kind: 'class',
        id: c.id,
        classIds: [c.id],
        size: c.size,
        buckets: [{ unit: 'class', id: c.id }],
      }));
    case 'dorm':
      return uniqueBy(mine.flatMap((a) => a.dorms ?? [])).map((d) => ({
        ...base,
        kind: 'dorm',
        id: d.id,
        classIds: d.classIds,
        buckets: [{ unit: 'dorm', id: d.id }],
      }));
    case 'student':
      return uniqueBy(mine.flatMap((a) => a.students ?? [])).map((s) => ({
        ...base,
        kind: 'student',
        id: s.id,
        classIds: [s.classId],
        buckets: [{ unit: 'student', id: s.id }],
      }));
    case 'courseTeacher':
      return uniqueBy(mine.flatMap((a) => a.courseTeachers ?? [])).map((t) => ({
        ...base,
        kind: 'courseTeacher',
        id: t.id,
        classIds: t.classIds,
        buckets: [{ unit: 'teacher', id: t.id }],
      }));
    case 'warnedStudent':
      return warnedUnits(rule, mine);
  }
}

/**
 * A student with several matching cases (a warning, then a discipline) is one unit: duties run
 * from the first publication to the last lifting, and each publication opens its own
 * "within N days" window.
 */
function warnedUnits(rule: DutyRule, assignments: readonly DutyAssignment[]): CountingUnit[] {
  const tags = rule.appliesTo?.tags;
  const byStudent = new Map<string, CountingUnit & { since: number[]; caseIds: string[] }>();
  for (const assignment of assignments) {
    for (const w of assignment.warnedStudents ?? []) {
      if (tags && !w.tags.some((t) => tags.includes(t))) continue;
      const since = Date.parse(w.since);
      const until = w.until === undefined ? Infinity : Date.parse(w.until);
      if (Number.isNaN(since) || Number.isNaN(until)) {
        throw new DomainError('DUTY.CASE_INVALID', `学生 ${w.studentId} 的警示时间无法识别`, 'since');
      }
      const unit = byStudent.get(w.studentId);
      if (!unit) {
        byStudent.set(w.studentId, {
          kind: 'warnedStudent',
          id: w.studentId,
          classIds: [w.classId],
          buckets: [{ unit: 'student', id: w.studentId }],
          size: 0,
          active: { start: since, end: until },
          since: [since],
          caseIds: w.caseId === undefined ? [] : [w.caseId],
        });
        continue;
      }
      unit.active = { start: Math.min(unit.active.start, since), end: Math.max(unit.active.end, until) };
      if (!unit.since.includes(since)) unit.since.push(since);
      if (w.caseId !== undefined) unit.caseIds.push(w.caseId);
    }
  }
  return [...byStudent.values()].map((u) => ({ ...u, since: [...u.since].sort((a, b) => a - b) }));
}

function uniqueBy<T extends { id: string }>(items: readonly T[]): T[] {
  const seen = new Set<string>();
  return items.filter((item) => (seen.has(item.id) ? false : (seen.add(item.id), true)));
}
