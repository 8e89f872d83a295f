import type { DutyItem, DutyRecord, WarnedStudentUnit } from '../../../types/duty';
import type { Role } from '../../../types/domain';
import { createDutyEvaluator, type DutyEvaluationSettings } from './evaluate';
import { asIndex, type DutyRecordIndex } from './record-index';

/**
 * The case view of one warned student: what each person handling the student owes them (talks,
 * parent contacts), from the same rules and evaluator as the staff dashboards. Only rules counted
 * per warned student apply; a level's extra duties come in through the cases' tags.
 */
export function caseDuties(
  settings: DutyEvaluationSettings & {
    cases: readonly WarnedStudentUnit[];
    handlers: readonly { personId: string; role: Role }[];
    records: Iterable<DutyRecord> | DutyRecordIndex;
  },
): DutyItem[] {
  const evaluator = createDutyEvaluator({
    ...settings,
    keepEarlierDeadlines: true,
    rules: settings.rules.filter((r) => r.per === 'warnedStudent'),
  });
  const index = asIndex(settings.records);
  return settings.handlers.flatMap(
    (h) =>
      evaluator.evaluate(
        { personId: h.personId, assignments: [{ role: h.role, warnedStudents: settings.cases }] },
        index,
      ).items,
  );
}
