import type { ComplianceRow } from '../../../types/api/duties';
import type { PersonDutyEvaluation } from '../duties';
import { summarizeBy } from '../duties/compliance';
import { classRows, emptySummary } from './views';

/**
 * What the school (学工部) sees of one college's duties in a semester: the college as one row and
 * each of its classes as a row, the same rows its leader's board shows. Made wherever a college's
 * duties are evaluated anyway (the hourly reminder pass, a refresh), so the school view reads one
 * document per college instead of every college's records.
 */
export type CollegeDutySummary = {
  collegeId: string;
  semesterId: string;
  /** When the evaluation was made (the school view says how fresh each college's figures are). */
  asOf: string;
  /** The whole college: each duty item once, even when its unit lies in two classes. */
  row: ComplianceRow;
  classes: ComplianceRow[];
  /** Staff evaluated (counselors, head teachers, assistants). */
  people: number;
};

export function summarizeCollegeDuties(input: {
  college: { id: string; name: string };
  semesterId: string;
  asOf: string;
  evaluations: readonly PersonDutyEvaluation[];
  classes: readonly { id: string; name: string; note: string }[];
  recordsPerClass: ReadonlyMap<string, number>;
}): CollegeDutySummary {
  const { college, evaluations } = input;
  const items = evaluations.flatMap((e) => e.items);
  const [total] = summarizeBy(items, () => [college.id]);
  let records = 0;
  for (const c of input.classes) records += input.recordsPerClass.get(c.id) ?? 0;
  return {
    collegeId: college.id,
    semesterId: input.semesterId,
    asOf: input.asOf,
    row: {
      ...(total ?? emptySummary(college.id)),
      name: college.name,
      note: `${input.classes.length} 个班级 · ${evaluations.length} 位教师`,
      records,
    },
    classes: classRows(evaluations, input.classes, input.recordsPerClass),
    people: evaluations.length,
  };
}
